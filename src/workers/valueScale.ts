// The value scale of the contours, shared by the 2D picture (contours.ts, contourImage.ts,
// contourPaths.ts) and the 3D surface (heightField.ts, and the page's path heights through
// src/state/view3d.ts): f is seen through log(f - lo + delta) over the window's range, so a valley
// like Rosenbrock's, where f spans many decades, shows structure everywhere; its filled levels and
// their colours.
import { interpolateRgb, interpolateViridis } from 'd3';

export interface ValueScale {
  /** The smallest and largest finite value in the window. */
  lo: number;
  hi: number;
  /** Keeps the log finite at the minimum: a millionth of the range. */
  delta: number;
}

/** The scale of `values`, or null when they hold no range (flat, or nothing finite). */
export function valueScale(values: ArrayLike<number>): ValueScale | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(hi > lo)) return null;
  return { lo, hi, delta: Math.max((hi - lo) * 1e-6, 1e-12) };
}

/** The log value of v on the scale; non-finite values count as the top. */
export function logValue(s: ValueScale, v: number): number {
  return Number.isFinite(v) ? Math.log(v - s.lo + s.delta) : Math.log(s.hi - s.lo + s.delta);
}

/**
 * The contour thresholds on the log values: the first at the bottom so the whole window is
 * filled (the valley floor too), the other `count` spread over the top 65 % (the lowest
 * decades hold nothing but the minimum's tiny neighbourhood).
 */
export function logThresholds(s: ValueScale, count: number): number[] {
  const top = Math.log(s.hi - s.lo + s.delta);
  const bottom = Math.log(s.delta);
  const start = bottom + (top - bottom) * 0.35;
  return [bottom, ...Array.from({ length: count }, (_, k) => start + ((top - start) * (k + 1)) / (count + 1))];
}

/**
 * The colour of a band at `level` (0 the lowest f, 1 the highest): viridis without its darkest
 * sixth, a third of the way to the page's background (white, or the dark theme's panel) so that
 * the runs' paths stand out on it. Monotone in lightness, as viridis is (a blend with a fixed
 * weight keeps the order): a lower band is never lighter than a higher one.
 */
export const bandColor = (level: number, background = '#ffffff'): string => interpolateRgb(interpolateViridis(0.15 + 0.85 * level), background)(0.3);

/** The level whose filled region holds log value g: the highest threshold at or below it. */
export function levelOf(thresholds: readonly number[], g: number): number {
  let k = 0;
  while (k + 1 < thresholds.length && g >= thresholds[k + 1]) k++;
  return k;
}
