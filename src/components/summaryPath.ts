// seriesPath's picture drawn from a SeriesSummary: the same columns (first, min, max, last
// finite value of each pixel column) found column by column instead of point by point. A
// column's end is found by galloping then bisecting on `column`, its lo/hi from the summary's
// pyramid, so a redraw costs O(columns * log n), not O(n).
import type { SeriesSummary } from './seriesSummary';

/**
 * The same string as seriesPath(values, length, x, y, Number.isFinite) when
 * column(i) = Math.round(x(i)) is a number that never decreases with i (the caller checks;
 * seriesPath itself is the fallback). `summary` must have taken in at least `length` points.
 */
export function summaryPath(values: Float64Array, length: number, summary: SeriesSummary, column: (i: number) => number, y: (v: number) => number): string {
  const first = summary.firstValid;
  if (first < 0 || first >= length) return '';
  let d = `M${column(first)},${y(values[first]).toFixed(1)}`;
  let i = first;
  while (i < length) {
    const c = column(i);
    // The first point past i in a later column: column(lo) <= c, and hi is length or column(hi) > c.
    let lo = i;
    let hi = i + 1;
    for (let stride = 1; hi < length && column(hi) <= c; stride *= 2) {
      lo = hi;
      hi = i + 2 * stride;
    }
    if (hi > length) hi = length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (column(mid) <= c) lo = mid;
      else hi = mid;
    }
    summary.range(values, i, hi);
    if (summary.lo <= summary.hi) d += `L${c},${y(summary.lo).toFixed(1)}L${c},${y(summary.hi).toFixed(1)}L${c},${y(summary.lastValid(values, i, hi)).toFixed(1)}`;
    i = hi;
  }
  return d;
}
