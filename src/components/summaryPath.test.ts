// summaryPath (from the incrementally kept summary) against seriesPath (every point), on random
// traces with NaN and infinite values, log (with offset and floor) and linear y axes, steps and
// evals x axes, the traces growing in random chunks between redraws as the charts see them.
import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { runStream } from '../optim/rng';
import { emptyTrace, type RunTrace } from '../state/traces';
import { seriesPath } from './seriesPath';
import { summaryPath } from './summaryPath';
import { traceSeriesStore } from './traceSeries';

/** The project's seeded stream (src/optim/rng.ts), so a failure repeats. */
function rng(seed: number): () => number {
  const r = runStream(seed, 0);
  return () => r.uniform();
}

/** Appends n points: values spanning decades (some NaN, +-Infinity, <= 0), evals rising by 0..3. */
function grow(t: RunTrace, n: number, r: () => number, holes: number): void {
  const len = t.length + n;
  const fit = (a: Float64Array) => {
    const b = new Float64Array(Math.max(len, 1));
    b.set(a.subarray(0, t.length));
    return b;
  };
  t.gradNorm = fit(t.gradNorm);
  t.evals = fit(t.evals);
  for (let i = t.length; i < len; i++) {
    const u = r();
    t.gradNorm[i] = u < holes ? NaN : u < holes * 1.2 ? (r() < 0.5 ? Infinity : -Infinity) : u < holes * 1.4 ? -r() : Math.pow(10, 6 * r() - 4) * (1 + r());
    t.evals[i] = (i > 0 ? t.evals[i - 1] : 0) + Math.floor(4 * r());
  }
  t.length = len;
}

const pick = (t: RunTrace) => t.gradNorm;

describe('summaryPath', () => {
  it('draws the same path as seriesPath, redraw after redraw', () => {
    const r = rng(7);
    for (let trial = 0; trial < 60; trial++) {
      const seriesOf = traceSeriesStore();
      const t = emptyTrace('run', 0);
      t.length = 0;
      const w = Math.floor(400 * r());
      const h = 150;
      const holes = [0, 0.05, 0.5, 0.97][trial % 4];
      const axis = trial % 3 === 0 ? 'evals' : 'steps';
      const linear = trial % 2 === 0;
      const offset = linear ? 0 : [0, 0.01, 1e-3][trial % 3];
      for (let redraw = 0; redraw < 8; redraw++) {
        grow(t, Math.floor(r() * [3, 50, 2000, 20000][redraw % 4]), r, holes);
        const s = seriesOf(t, pick);
        const vals = s.values();
        const xv = (i: number) => (axis === 'evals' ? t.evals[i] : i);
        const maxX = Math.max(1, t.length > 0 ? xv(t.length - 1) : 1);
        const x = scaleLinear().domain([0, maxX]).range([0, w]);
        const floor = 1e-3;
        const ys = linear ? scaleLinear().domain([-1, 2e2]).range([h, 0]).nice() : scaleLog().domain([floor, 1e3]).range([h, 0]).nice();
        const y = linear ? ys : (v: number) => ys(Math.max(v - offset, floor));
        expect(s.xRises(axis)).toBe(true);
        const fast = summaryPath(vals, t.length, s.summary, (i) => Math.round(w * (xv(i) / maxX)), y);
        const slow = seriesPath(vals, t.length, (i) => x(xv(i)), y, Number.isFinite);
        expect(fast).toBe(slow);
      }
    }
  });
});

describe('TraceSeries', () => {
  it('keeps the y range and the eps crossing of a full scan as the trace grows', () => {
    const r = rng(11);
    for (let trial = 0; trial < 40; trial++) {
      const seriesOf = traceSeriesStore();
      const t = emptyTrace('run', 0);
      const eps = Math.pow(10, -4 * r());
      const offset = [0, 0.5, -1][trial % 3];
      const linear = trial % 2 === 0;
      for (let redraw = 0; redraw < 6; redraw++) {
        grow(t, Math.floor(r() * 500), r, 0.1);
        const s = seriesOf(t, pick);
        let lo = Infinity;
        let hi = -Infinity;
        let at = -1;
        for (let i = 0; i < t.length; i++) {
          const v = t.gradNorm[i] - offset;
          if ((linear || v > 0) && Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
          if (at < 0 && t.gradNorm[i] <= eps) at = i;
        }
        expect(s.yRange(offset, linear)).toMatchObject({ lo, hi });
        expect(s.crossing(eps)).toBe(at);
      }
    }
  });

  it('starts afresh when a trace gets shorter, and notices x values that fall', () => {
    const seriesOf = traceSeriesStore();
    const t = emptyTrace('run', 0);
    grow(t, 100, rng(3), 0);
    const first = seriesOf(t, pick);
    first.values();
    t.length = 10;
    expect(seriesOf(t, pick)).not.toBe(first);
    t.evals[5] = t.evals[4] - 1;
    expect(seriesOf(t, pick).xRises('evals')).toBe(false);
    expect(seriesOf(t, pick).xRises('steps')).toBe(true);
  });
});
