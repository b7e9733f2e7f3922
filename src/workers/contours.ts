// Contour geometry for the plot: log-spaced levels (so a valley like Rosenbrock's, where f spans
// many decades, shows structure everywhere) computed by d3-contour on the worker's grid.
import { contours as d3contours, type ContourMultiPolygon } from 'd3';

export interface ContourSet {
  polygons: ContourMultiPolygon[];
  /** Level index 0..1 of each polygon, for colouring. */
  levels: number[];
}

export function logContours(values: Float64Array, nx: number, ny: number, count = 28): ContourSet {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(hi > lo)) return { polygons: [], levels: [] };
  const delta = Math.max((hi - lo) * 1e-6, 1e-12);
  const g = new Float64Array(values.length);
  const top = Math.log(hi - lo + delta);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    g[i] = Number.isFinite(v) ? Math.log(v - lo + delta) : top;
  }
  const bottom = Math.log(delta);
  // Skip the lowest decades where nothing but the minimum's tiny neighbourhood lives.
  const start = bottom + (top - bottom) * 0.35;
  // The first level sits at the bottom so the whole window is filled (the valley floor too).
  const thresholds = [bottom, ...Array.from({ length: count }, (_, k) => start + ((top - start) * (k + 1)) / (count + 1))];
  const polygons = d3contours().size([nx, ny]).thresholds(thresholds)(Array.from(g));
  return { polygons, levels: thresholds.map((_, k) => k / count) };
}
