// A histogram of eigenvalues for drawing a spectrum. Network Hessian spectra span many orders
// of magnitude with a bulk near 0 (Sagun et al. 2017, "Empirical analysis of the Hessian of
// over-parametrized neural networks"), so besides linear bins there is a signed log-magnitude
// scale ("symlog"): t(lambda) = sign(lambda) log10(1 + |lambda| / linthresh), bins even in t,
// linear within about linthresh of 0 and logarithmic beyond. Edges are returned in lambda units
// (and in t), so a view can label the axis either way.
import { log10, pow } from '../../numeric';

export type HistogramScale = 'linear' | 'signedLog';

export interface HistogramOptions {
  bins?: number;
  scale?: HistogramScale;
  /** signedLog only: the magnitude where the scale turns from linear to logarithmic (> 0). */
  linthresh?: number;
}

export interface SpectrumHistogram {
  scale: HistogramScale;
  /** signedLog's linthresh (null for linear). */
  linthresh: number | null;
  /** bins + 1 edges in lambda units, ascending; bin i is [edges[i], edges[i+1]) (the last one closed). */
  edges: number[];
  /** The same edges on the drawn axis: t(edge) for signedLog, the edge itself for linear. */
  axis: number[];
  counts: number[];
}

export type HistogramResult = { ok: true; value: SpectrumHistogram } | { ok: false; error: string };

/** The default linthresh: 1e-6 of the largest magnitude (1 when every value is 0). */
function defaultLinthresh(values: readonly number[]): number {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m > 0 ? 1e-6 * m : 1;
}

export function spectrumHistogram(values: readonly number[], opts: HistogramOptions = {}): HistogramResult {
  const bins = opts.bins ?? 40;
  const scale = opts.scale ?? 'linear';
  if (!Number.isInteger(bins) || bins < 1 || bins > 10_000) return { ok: false, error: `bins must be an integer from 1 to 10000 (got ${bins})` };
  if (values.length === 0 || !values.every(Number.isFinite)) return { ok: false, error: 'the histogram needs at least one value, all finite' };
  const c = scale === 'signedLog' ? (opts.linthresh ?? defaultLinthresh(values)) : 1;
  if (!(c > 0) || !Number.isFinite(c)) return { ok: false, error: `linthresh must be a positive number (got ${c})` };
  const to = (x: number) => (scale === 'linear' ? x : Math.sign(x) * log10(1 + Math.abs(x) / c));
  const from = (t: number) => (scale === 'linear' ? t : Math.sign(t) * c * (pow(10, Math.abs(t)) - 1));
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, to(v));
    hi = Math.max(hi, to(v));
  }
  if (lo === hi) {
    // One distinct value: a bin of width 1 on the drawn axis, centred on it.
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const axis = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((to(v) - lo) / width))]++;
  return { ok: true, value: { scale, linthresh: scale === 'signedLog' ? c : null, edges: axis.map(from), axis, counts } };
}
