// Contour geometry for the plot: log-spaced levels (valueScale.ts) computed by d3-contour on the
// worker's grid.
import { contours as d3contours, type ContourMultiPolygon } from 'd3';
import { logThresholds, logValue, valueScale } from './valueScale';

/** Filled levels above the bottom one. */
export const CONTOUR_COUNT = 28;

export interface ContourSet {
  polygons: ContourMultiPolygon[];
  /** Level index 0..1 of each polygon, for colouring. */
  levels: number[];
}

export function logContours(values: Float64Array, nx: number, ny: number, count = CONTOUR_COUNT): ContourSet {
  const scale = valueScale(values);
  if (!scale) return { polygons: [], levels: [] };
  const g = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) g[i] = logValue(scale, values[i]);
  const thresholds = logThresholds(scale, count);
  const polygons = d3contours().size([nx, ny]).thresholds(thresholds)(Array.from(g));
  return { polygons, levels: thresholds.map((_, k) => k / count) };
}
