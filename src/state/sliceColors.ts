// The loss-landscape slice's colour scale, one definition for its 2D contours
// (components/nets/LandscapeView.tsx) and its 3D height field (sliceField.ts): levels from the
// minimum to the 95th percentile, spaced geometrically above the minimum (dense near the valley),
// each band in viridis.
import { interpolateViridis } from 'd3';

export const SLICE_LEVELS = 24;

/** The levels of `loss` (empty when nothing is finite; one when it is flat). */
export function sliceLevels(loss: Float64Array, count = SLICE_LEVELS): number[] {
  const finite = Array.from(loss).filter(Number.isFinite).sort((p, q) => p - q);
  if (finite.length === 0) return [];
  const lo = finite[0];
  const hi = finite[Math.floor(0.95 * (finite.length - 1))];
  if (!(hi > lo)) return [lo];
  const delta = (hi - lo) / 1000;
  const ratio = (hi - lo + delta) / delta;
  return Array.from({ length: count }, (_, k) => lo - delta + delta * ratio ** (k / (count - 1)));
}

/** Band k's colour of `count` bands. */
export const sliceBandColor = (k: number, count: number): string => interpolateViridis(k / Math.max(1, count - 1));

/**
 * The band a value is painted in: the highest level at or below it (d3's contours fill each
 * level's region over the ones below); non-finite values count as above every level.
 */
export function sliceBandOf(levels: readonly number[], v: number): number {
  if (!Number.isFinite(v)) return levels.length - 1;
  let k = 0;
  while (k + 1 < levels.length && v >= levels[k + 1]) k++;
  return k;
}
