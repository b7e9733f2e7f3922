// The numbers the escape-time histogram shows and the CLI prints: quartiles and bins. Quartiles
// interpolate linearly between the order statistics (Hyndman and Fan 1996, definition 7: R's and
// numpy's default), so the median of an even count is the mean of the middle two.
import type { StopReason } from '../experiment/types';
import type { SeedEscape } from './escapeRun';

export interface Quartiles {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The p-quantile (0 <= p <= 1) of ascending `sorted` (non-empty). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The quartiles of `values`, or null when there are none. */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, min: s[0], q1: quantile(s, 0.25), median: quantile(s, 0.5), q3: quantile(s, 0.75), max: s[s.length - 1] };
}

export interface EscapeSummary {
  seeds: number;
  /** Seeds that escaped; those that ended inside the ball; those that never came in. */
  escaped: number;
  stayed: number;
  neverEntered: number;
  /** Quartiles of the escape step over the seeds that escaped. */
  escape: Quartiles | null;
  /** Quartiles of the stop step over every seed, and how many stopped for each reason. */
  stop: Quartiles | null;
  reasons: Record<StopReason, number>;
}

export function summarizeEscapes(results: readonly SeedEscape[]): EscapeSummary {
  const escapes = results.flatMap((r) => (r.escape === null ? [] : [r.escape]));
  const reasons: Record<StopReason, number> = { gradTol: 0, maxSteps: 0, diverged: 0, maxEvals: 0 };
  for (const r of results) reasons[r.reason]++;
  return {
    seeds: results.length,
    escaped: escapes.length,
    stayed: results.filter((r) => r.escape === null && r.entered).length,
    neverEntered: results.filter((r) => !r.entered).length,
    escape: quartiles(escapes),
    stop: quartiles(results.map((r) => r.stop)),
    reasons,
  };
}

export interface Histogram {
  /** Bin k holds the steps in [edges[k], edges[k + 1]). */
  edges: number[];
  counts: number[];
}

/**
 * Integer steps in `bins` equal bins of whole steps from the least to the largest value (fewer
 * bins when the values span fewer steps), so every bin holds the same number of possible steps.
 */
export function stepHistogram(values: readonly number[], bins = 30): Histogram {
  if (values.length === 0) return { edges: [], counts: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
  const n = Math.max(1, Math.ceil((hi - lo + 1) / width));
  const counts = new Array<number>(n).fill(0);
  for (const v of values) counts[Math.min(n - 1, Math.floor((v - lo) / width))]++;
  return { edges: Array.from({ length: n + 1 }, (_, k) => lo + k * width), counts };
}
