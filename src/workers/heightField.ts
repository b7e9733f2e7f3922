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

/**
 * Every `stride`-th sample of `field` in each direction, both edges kept: colours and scale stay
 * those of the full grid (the 2D picture's), the mesh gets lighter. A stride that does not divide
 * n - 1 would lose the far edge, so the field comes back whole then.
 */
export function subsampleField(field: HeightField, stride: number): HeightField {
  const { n } = field;
  if (!(Number.isInteger(stride) && stride > 1 && (n - 1) % stride === 0)) return field;
  const m = (n - 1) / stride + 1;
  const f = new Float64Array(m * m);
  const colors = new Uint8Array(3 * m * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) {
      const from = j * stride * n + i * stride;
      const to = j * m + i;
      f[to] = field.f[from];
      colors.set(field.colors.subarray(3 * from, 3 * from + 3), 3 * to);
    }
  }
  return { view: field.view, n: m, f, colors, scale: field.scale };
}
