// Contour geometry for the plot: log-spaced levels (valueScale.ts: so a valley like Rosenbrock's,
// where f spans many decades, shows structure everywhere) computed by d3-contour on the worker's
// grid. Samples where f is not finite (log(x) for x < 0) belong to no level: they are given NaN,
// which d3-contour places below every threshold, and come back as their own region to hatch.
import { contours as d3contours, type ContourMultiPolygon } from 'd3';
import { logThresholds, logValue, valueScale } from './valueScale';

/** Filled levels above the bottom one. */
export const CONTOUR_COUNT = 28;

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

export function logContours(values: Float64Array, nx: number, ny: number, count = CONTOUR_COUNT): ContourSet {
  const undefinedArea = values.some((v) => !Number.isFinite(v)) ? undefinedRegion(values, nx, ny) : null;
  const scale = valueScale(values);
  // No range: the largest finite value is any finite one (or -Infinity when none is).
  if (!scale) return { polygons: [], levels: [], thresholds: [], max: values.find((v) => Number.isFinite(v)) ?? -Infinity, undefinedArea };
  const g = Array.from(values, (v) => (Number.isFinite(v) ? logValue(scale, v) : Number.NaN));
  const logLevels = logThresholds(scale, count);
  const polygons = d3contours().size([nx, ny]).thresholds(logLevels)(g);
  const thresholds = logLevels.map((t, k) => (k === 0 ? scale.lo : scale.lo + Math.exp(t) - scale.delta));
  return { polygons, levels: logLevels.map((_, k) => k / count), thresholds, max: scale.hi, undefinedArea };
}

/** The region where f is not finite, as one contour of the 0/1 indicator. */
function undefinedRegion(values: Float64Array, nx: number, ny: number): ContourMultiPolygon {
  const indicator = Array.from(values, (v) => (Number.isFinite(v) ? 0 : 1));
  return d3contours().size([nx, ny]).thresholds([0.5])(indicator)[0];
}
