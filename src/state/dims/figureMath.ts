// What the two figures in d dimensions draw beside the data: the reference curves, each scaled to
// pass through one point of the data that the figure names, and the log-log domains.
//
// Escape time against d: a curve c log d. Perturbed GD escapes a strict saddle in a number of
// steps polylogarithmic in d (Jin et al. 2017, "How to escape saddle points efficiently"); GD
// from a random start near the saddle needs about log(sqrt(d) r / r0) / log(1 + lr |lambda_min|)
// steps (the start's component along the escaping direction is about r0 / sqrt(d)); on Du et al.
// 2017's chain of saddles GD needs time exponential in the chain's length.
// Rates against eps: steps ~ eps^-2, the worst case of GD on smooth non-convex f (Nesterov 2004,
// (1.2.13)); steps ~ log(1/eps), a linear rate near a non-degenerate minimum.
import { exp, log } from '../../numeric';
import type { EscapeVsDim } from '../../optim/escape';
import type { Rates } from '../../optim/rates';

export interface Anchor {
  /** The run (counted from 0) whose point the curve passes through. */
  run: number;
  x: number;
  y: number;
}

/** The c log d curve through the first run's median at its largest d with a median (later runs when it has none); null when no run has one. */
export function logDReference(fig: EscapeVsDim): { anchor: Anchor; at: (d: number) => number } | null {
  for (const [run, r] of fig.runs.entries()) {
    const row = [...r.rows].reverse().find((row) => row.median !== null && row.dim > 1);
    if (row) {
      const c = (row.median as number) / log(row.dim);
      return { anchor: { run, x: row.dim, y: row.median as number }, at: (d) => c * log(d) };
    }
  }
  return null;
}

export interface RateReferences {
  /** x is 1/eps, y the step: the first run's first eps reached at a step >= 1. */
  anchor: Anchor;
  /** steps ~ eps^-2, through the anchor. */
  inverseSquare: (invEps: number) => number;
  /** steps ~ log(1/eps), through the anchor. */
  logarithmic: (invEps: number) => number;
}

/** The reference slopes through the first run's first point (later runs when it has none); null when no run has a point. */
export function rateReferences(rates: Rates): RateReferences | null {
  for (const [run, r] of rates.runs.entries()) {
    const k = r.steps.findIndex((t) => t !== null && t >= 1);
    if (k < 0) continue;
    const x = 1 / rates.eps[k];
    const y = r.steps[k] as number;
    if (!(x > 1)) continue; // log(1/eps) must be positive to scale through the point
    return { anchor: { run, x, y }, inverseSquare: (v) => y * (v / x) * (v / x), logarithmic: (v) => (y * log(v)) / log(x) };
  }
  return null;
}

/** A log axis's domain around positive values: padded to whole decades' halves so points sit inside; [1, 10] when there are none. */
export function logDomain(values: readonly number[]): [number, number] {
  const v = values.filter((x) => Number.isFinite(x) && x > 0);
  if (v.length === 0) return [1, 10];
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return lo === hi ? [lo / 2, hi * 2] : [lo / 1.25, hi * 1.25];
}

/** Points of f on a log grid from lo to hi (n points), for a smooth curve on log axes. */
export function logSamples(lo: number, hi: number, f: (x: number) => number, n = 40): { x: number; y: number }[] {
  const a = log(lo);
  const b = log(hi);
  return Array.from({ length: n }, (_, i) => {
    const x = i === n - 1 ? hi : i === 0 ? lo : exp(a + ((b - a) * i) / (n - 1));
    return { x, y: f(x) };
  });
}
