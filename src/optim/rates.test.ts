// Rates against eps: the first step at which ||grad f|| <= eps, and the slope of log t on
// log(1/eps), on series whose answer is known in closed form.
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/types';
import { createEngine } from './engine';
import { fitLogLogSlope, RATE_EPS, ratesOf, RateWatch } from './rates';

function rates(exp: Experiment) {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return ratesOf(exp.runs.map((r) => r.optimizer), built.engine, 1000);
}

describe('rates against eps', () => {
  it('RateWatch: the first step at or below each eps, across chunks', () => {
    const w = new RateWatch();
    expect(w.observe(Float64Array.from([1, 0.5]), 0)).toBe(false);
    expect(w.observe(Float64Array.from([0.1, 0.005, 2e-3, 5e-7, 1e-9]), 2)).toBe(true);
    expect(w.steps).toEqual([2, 3, 5, 5, 5, 5, 6, 6]);
    expect(RATE_EPS).toEqual([1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]);
  });

  it('fits t = eps^-2 with slope 2, ignores eps not reached and t = 0', () => {
    const steps = RATE_EPS.map((e, i) => (i < 4 ? Math.round(e ** -2) : null));
    expect(fitLogLogSlope(RATE_EPS, steps)!.slope).toBeCloseTo(2, 12);
    expect(fitLogLogSlope(RATE_EPS, steps)!.points).toBe(4);
    expect(fitLogLogSlope(RATE_EPS, [0, 5, null, null, null, null, null, null])).toBeNull();
  });

  it('GD on a bowl coordinate of strictSaddle: ||g_t|| = (1 - lr)^t, so the first step is ceil(log eps / log(1 - lr))', () => {
    const exp: Experiment = { v: 1, problem: { kind: 'function', id: 'strictSaddle', dim: 4, params: { k: 1 } }, runs: [{ optimizer: 'sgd', params: { lr: 0.5 }, start: [0, 1, 0, 0] }], stop: { maxSteps: 1000, gradTol: 0 }, seed: 0 };
    const [r] = rates(exp).runs;
    // (1/2)^t <= eps: t = ceil(log2(1 / eps))
    expect(r.steps).toEqual(RATE_EPS.map((e) => Math.ceil(Math.log2(1 / e))));
    // linear convergence: t grows like log(1/eps), far below any power of 1/eps
    expect(r.fit!.slope).toBeLessThan(0.5);
  });

  it('GD on x^4 + y^4 converges sublinearly: ||g|| ~ t^(-3/2), so t ~ eps^(-2/3)', () => {
    const exp: Experiment = { v: 1, problem: { kind: 'surface', expr: 'x^4 + y^4' }, runs: [{ optimizer: 'sgd', params: { lr: 0.2 }, start: [1, 0] }], stop: { maxSteps: 100_000, gradTol: 0 }, seed: 0 };
    const [r] = rates(exp).runs;
    expect(r.steps.at(-1)).toBeNull(); // 1e-8 needs about 3e5 steps
    expect(r.fit!.points).toBe(7);
    // the fit over the whole grid carries the early decades' transient; the last decade is asymptotic
    expect(r.fit!.slope).toBeGreaterThan(0.6);
    expect(r.fit!.slope).toBeLessThan(0.85);
    expect(Math.log10(r.steps[6]! / r.steps[5]!)).toBeCloseTo(2 / 3, 2);
    expect(r.stop).toMatchObject({ reason: 'maxSteps', step: 100_000 });
  });
});
