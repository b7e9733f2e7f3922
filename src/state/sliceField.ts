// The network's loss-landscape slice as the 3D view draws it: L(w* + a d1 + b d2) as a height
// field over the (a, b) plane, each sample in its band's colour of the 2D slice (sliceColors.ts),
// and every run's projected path laid on that surface (its height read off the slice at the
// projected point, so that the 3D paths sit where the 2D view draws them; the projection error
// is the 2D view's caption).
import { rgb } from 'd3';
import type { LandscapeSlice } from '../nets/slice';
import type { HeightField } from '../workers/client';
import type { ValueScale } from '../workers/valueScale';
import { sliceBandColor, sliceBandOf, sliceLevels } from './sliceColors';
import type { RunTrace } from './traces';

export type SlicePath = Pick<RunTrace, 'xy' | 'f' | 'length' | 'color' | 'stop'>;

/**
 * The heights' range: from the lowest loss to the top level (the 95th percentile), as the colours
 * run; a diverging corner above it is clamped (heightOf), not allowed to flatten the rest.
 */
function sliceScale(levels: number[]): ValueScale | null {
  if (levels.length < 2) return null;
  const lo = levels[0];
  const hi = levels[levels.length - 1];
  return { lo, hi, delta: Math.max((hi - lo) * 1e-6, 1e-12) };
}

export function sliceHeightField(slice: LandscapeSlice): HeightField {
  const { n, span, loss } = slice;
  const levels = sliceLevels(loss);
  const palette = levels.map((_, k) => rgb(sliceBandColor(k, levels.length)));
  const colors = new Uint8Array(3 * n * n);
  for (let i = 0; i < n * n; i++) {
    const c = palette[sliceBandOf(levels, loss[i])] ?? rgb(128, 128, 128);
    colors[3 * i] = c.r;
    colors[3 * i + 1] = c.g;
    colors[3 * i + 2] = c.b;
  }
  return { view: { x: [-span[0], span[0]], y: [-span[1], span[1]] }, n, f: loss, colors, scale: sliceScale(levels) };
}

/** The slice's loss at (a, b), bilinear between its samples (clamped to the grid). */
export function sliceLossAt(slice: LandscapeSlice, a: number, b: number): number {
  const { n, span, loss } = slice;
  const u = Math.min(n - 1, Math.max(0, ((a + span[0]) / (2 * span[0])) * (n - 1)));
  const v = Math.min(n - 1, Math.max(0, ((b + span[1]) / (2 * span[1])) * (n - 1)));
  const i = Math.min(n - 2, Math.floor(u));
  const j = Math.min(n - 2, Math.floor(v));
  const s = u - i;
  const t = v - j;
  const at = (di: number, dj: number) => loss[(j + dj) * n + i + di];
  return (1 - t) * ((1 - s) * at(0, 0) + s * at(1, 0)) + t * ((1 - s) * at(0, 1) + s * at(1, 1));
}

/** Each run's projected path, in the runs' colours, on the slice's surface. */
export function slicePaths(slice: LandscapeSlice, colors: readonly string[]): SlicePath[] {
  const out: SlicePath[] = [];
  for (const p of slice.paths) {
    const length = p.a.length;
    const xy = new Float64Array(2 * length);
    const f = new Float64Array(length);
    for (let k = 0; k < length; k++) {
      xy[2 * k] = p.a[k];
      xy[2 * k + 1] = p.b[k];
      f[k] = sliceLossAt(slice, p.a[k], p.b[k]);
    }
    out[p.run] = { xy, f, length, color: colors[p.run] ?? '#000000', stop: null };
  }
  return out.filter(Boolean);
}
