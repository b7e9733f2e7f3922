// Contour geometry for the plot: log-spaced levels (so a valley like Rosenbrock's, where f spans
// many decades, shows structure everywhere) computed by d3-contour on the worker's grid. Samples
// where f is not finite (log(x) for x < 0) belong to no level: they are given NaN, which
// d3-contour places below every threshold, and come back as their own region to hatch.
import { contours as d3contours, type ContourMultiPolygon } from 'd3';

export interface ContourSet {
  polygons: ContourMultiPolygon[];
  /** Level index 0..1 of each polygon, for colouring. */
  levels: number[];
  /** The value of f where each polygon's region begins (polygon k covers f >= thresholds[k]). */
  thresholds: number[];
  /** The largest finite f sampled: the top of the last band. */
  max: number;
  /** Where f is not finite (undefined or infinite), or null when it is finite everywhere. */
  undefinedArea: ContourMultiPolygon | null;
}

export function logContours(values: Float64Array, nx: number, ny: number, count = 28): ContourSet {
  let lo = Infinity;
  let hi = -Infinity;
  let undefinedCount = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    } else undefinedCount++;
  }
  const undefinedArea = undefinedCount > 0 ? undefinedRegion(values, nx, ny) : null;
  if (!(hi > lo)) return { polygons: [], levels: [], thresholds: [], max: hi, undefinedArea };
  const delta = Math.max((hi - lo) * 1e-6, 1e-12);
  const g = new Float64Array(values.length);
  const top = Math.log(hi - lo + delta);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    g[i] = Number.isFinite(v) ? Math.log(v - lo + delta) : Number.NaN;
  }
  const bottom = Math.log(delta);
  // Skip the lowest decades where nothing but the minimum's tiny neighbourhood lives.
  const start = bottom + (top - bottom) * 0.35;
  // The first level sits at the bottom so the whole window is filled (the valley floor too).
  const logThresholds = [bottom, ...Array.from({ length: count }, (_, k) => start + ((top - start) * (k + 1)) / (count + 1))];
  const polygons = d3contours().size([nx, ny]).thresholds(logThresholds)(Array.from(g));
  const thresholds = logThresholds.map((t, k) => (k === 0 ? lo : lo + Math.exp(t) - delta));
  return { polygons, levels: logThresholds.map((_, k) => k / count), thresholds, max: hi, undefinedArea };
}

/** The region where f is not finite, as one contour of the 0/1 indicator. */
function undefinedRegion(values: Float64Array, nx: number, ny: number): ContourMultiPolygon {
  const indicator = Array.from(values, (v) => (Number.isFinite(v) ? 0 : 1));
  return d3contours().size([nx, ny]).thresholds([0.5])(indicator)[0];
}
