// The surface for the 3D view: f sampled over the plot's window, each sample coloured as the
// contour picture fills the place it lies in (valueScale.ts: the same levels, the same colours),
// so the 3D surface and the 2D contours read alike.
import { rgb } from 'd3';
import type { ViewWindow } from '../experiment/types';
import { CONTOUR_COUNT } from './contours';
import { bandColor, levelOf, logThresholds, logValue, valueScale, type ValueScale } from './valueScale';

export interface HeightField {
  view: ViewWindow;
  /** Samples per axis; f[j * n + i] = f(x_i, y_j), y from view.y[0] up (grid.ts). */
  n: number;
  f: Float64Array;
  /** RGB of each sample, 0..255. */
  colors: Uint8Array;
  /** The window's value range, for the heights of the surface and of the paths; null when flat. */
  scale: ValueScale | null;
}

/** `background`: what the colours are blended toward, as the contour picture's are (valueScale.ts bandColor). */
export function heightField(values: Float64Array, n: number, view: ViewWindow, background = '#ffffff'): HeightField {
  const scale = valueScale(values);
  const colors = new Uint8Array(values.length * 3);
  const thresholds = scale ? logThresholds(scale, CONTOUR_COUNT) : [0];
  const palette = thresholds.map((_, k) => rgb(bandColor(k / CONTOUR_COUNT, background)));
  for (let i = 0; i < values.length; i++) {
    const c = palette[scale ? levelOf(thresholds, logValue(scale, values[i])) : 0];
    colors[3 * i] = c.r;
    colors[3 * i + 1] = c.g;
    colors[3 * i + 2] = c.b;
  }
  return { view, n, f: values, colors, scale };
}
