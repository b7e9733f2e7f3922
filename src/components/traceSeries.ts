// What a chart keeps of one run's series between redraws, so that each redraw reads only the
// points that arrived since the last: the min/max pyramid (seriesSummary), the y range of the
// finite values, the eps crossing, and whether the x values still never decrease. The traces
// are append-only (src/state/traces.ts), so a prefix once summarized stays true; a trace that
// got shorter, or another picked series, starts afresh.
import type { ChartXAxis } from '../experiment/types';
import type { RunTrace } from '../state/traces';
import { SeriesSummary } from './seriesSummary';

export class TraceSeries {
  readonly summary = new SeriesSummary();
  private range = { key: '', scanned: 0, lo: Infinity, hi: -Infinity };
  private cross = { eps: NaN, scanned: 0, at: -1 };
  private evalsScanned = 0;
  private evalsLast = -Infinity;
  private evalsRise = true;

  constructor(
    readonly trace: RunTrace,
    readonly pick: (t: RunTrace) => Float64Array,
  ) {}

  /** The picked values, the summary brought up to the trace's length. */
  values(): Float64Array {
    const v = this.pick(this.trace);
    this.summary.extend(v, this.trace.length);
    return v;
  }

  /**
   * Min and max of v - offset over the values where it is finite (and, on a log axis, > 0): the
   * scan SeriesChart did over every point, here over the new points only.
   */
  yRange(offset: number, linear: boolean): { lo: number; hi: number } {
    const key = `${linear}|${offset}`;
    if (this.range.key !== key) this.range = { key, scanned: 0, lo: Infinity, hi: -Infinity };
    const r = this.range;
    const vals = this.pick(this.trace);
    for (let i = r.scanned; i < this.trace.length; i++) {
      const v = vals[i] - offset;
      if ((linear || v > 0) && Number.isFinite(v)) {
        if (v < r.lo) r.lo = v;
        if (v > r.hi) r.hi = v;
      }
    }
    r.scanned = this.trace.length;
    return r;
  }

  /** The first step whose value is <= eps (-1 when none yet). */
  crossing(eps: number): number {
    if (!Object.is(this.cross.eps, eps)) this.cross = { eps, scanned: 0, at: -1 };
    const c = this.cross;
    const vals = this.pick(this.trace);
    for (let i = c.scanned; c.at < 0 && i < this.trace.length; i++) if (vals[i] <= eps) c.at = i;
    c.scanned = this.trace.length;
    return c.at;
  }

  /** Whether the run's x values never decrease (and are never NaN) on this axis. */
  xRises(axis: ChartXAxis): boolean {
    if (axis === 'steps') return true;
    const e = this.trace.evals;
    for (let i = this.evalsScanned; this.evalsRise && i < this.trace.length; i++) {
      if (!(e[i] >= this.evalsLast)) this.evalsRise = false;
      this.evalsLast = e[i];
    }
    this.evalsScanned = this.trace.length;
    return this.evalsRise;
  }
}

/** A chart's store of TraceSeries, one a run, renewed when the run shrank or the series changed. */
export function traceSeriesStore(): (t: RunTrace, pick: (t: RunTrace) => Float64Array) => TraceSeries {
  const kept = new WeakMap<RunTrace, TraceSeries>();
  return (t, pick) => {
    let s = kept.get(t);
    if (!s || s.pick !== pick || t.length < s.summary.length) {
      s = new TraceSeries(t, pick);
      kept.set(t, s);
    }
    return s;
  };
}
