// Lbfgs against torch.optim.LBFGS (max_iter=1, early exits off), fixtures/torch/lbfgs.json from
// scripts/gen_lbfgs_fixtures.py: Rosenbrock, Himmelblau, Beale and the six-hump camel, with and
// without the strong-Wolfe line search, history 100 and 3, 100 steps each. torch's closure there
// returns the catalogue's closed-form f and gradient, the numbers the module gets here, so the
// points must agree: to 1e-9 relative (|a - b| <= 1e-9 max(1, |b|), absolute near 0) at every
// step from a point with ||grad f|| >= 1e-6, and in fact bit for bit at every step, including
// the rounding-noise steps past convergence.
import { describe, expect, it, test } from 'vitest';
import { close, LBFGS_FIXTURE, type LbfgsCase, surfaceEvaluator, surfaceOf } from './fixtures.testutil';
import { Lbfgs } from './lbfgs';
import { NOTE } from './types';

const cases = LBFGS_FIXTURE.cases;

function replay(c: LbfgsCase) {
  const evaluate = surfaceEvaluator(surfaceOf(c.surface));
  const method = new Lbfgs(2, c.params);
  const x = Float64Array.from(c.start);
  const g = new Float64Array(2);
  const points = [x[0], x[1]];
  const evals: number[] = [];
  const gradNorms: number[] = [];
  const notes: number[] = []; // each step's note set (a number: the result object is reused)
  const historyLengths: number[] = [];
  for (let k = 0; k < c.steps; k++) {
    const at = evaluate(x); // the engine's evaluation at x_k (torch's orig_loss)
    g.set(at.g);
    gradNorms.push(Math.hypot(g[0], g[1]));
    const before = evaluate.calls;
    const r = method.step(x, g, at.f, evaluate);
    expect(evaluate.calls - before).toBe(r.evals - 1);
    evals.push(r.evals);
    notes.push(r.notes);
    historyLengths.push(method.historyLength);
    points.push(x[0], x[1]);
  }
  return { points, evals, gradNorms, notes, historyLengths };
}

describe('Lbfgs matches torch.optim.LBFGS', () => {
  it('has the fixture cases', () => {
    expect(cases.length).toBe(16);
    for (const c of cases) expect(c.steps).toBe(100);
    expect(cases.filter((c) => c.params.lineSearch === 'strongWolfe').length).toBe(8);
    expect(cases.filter((c) => c.params.historySize === 3).length).toBe(8);
  });

  test.each(cases.map((c) => [`${c.surface} ${JSON.stringify(c.params)} from ${c.start}`, c] as const))('%s', (_name, c) => {
    const run = replay(c);
    // to 1e-9 while ||grad f|| >= 1e-6
    const compared = c.converged ?? c.steps;
    expect(compared).toBeGreaterThanOrEqual(8);
    for (let k = 0; k < c.steps; k++) {
      if (run.gradNorms[k] < 1e-6) break;
      for (let i = 2 * k + 2; i < 2 * k + 4; i++) {
        expect(close(run.points[i], c.points[i], 1e-9), `step ${k + 1}: ${run.points[i]} vs ${c.points[i]}`).toBe(true);
      }
    }
    // and bit for bit over all 100 steps, with torch's count of evaluations
    expect(run.points).toEqual(c.points);
    expect(run.evals).toEqual(c.evals);
    const size = c.params.historySize ?? 100;
    expect(Math.max(...run.historyLengths)).toBeLessThanOrEqual(size);
  });

  it('fills a short history and then keeps it at its size', () => {
    const c = cases.find((k) => k.params.historySize === 3 && k.params.lineSearch === 'strongWolfe')!;
    const run = replay(c);
    expect(run.historyLengths.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(Math.max(...run.historyLengths)).toBe(3);
  });

  it('skips pairs with y\'s <= 1e-10 (past convergence), as torch', () => {
    const skipped = cases.map((c) => replay(c).notes.filter((n) => (n & NOTE.historySkipped) !== 0).length);
    expect(skipped.some((n) => n > 0)).toBe(true);
  });

  it('takes min(1, 1/||g||_1) lr as its first step along -g', () => {
    const evaluate = surfaceEvaluator(surfaceOf('rosenbrock'));
    const x = Float64Array.of(-1.5, 1.5);
    const { f, g } = evaluate(x);
    const g0 = Float64Array.from(g);
    const r = new Lbfgs(2, { lr: 0.5 }).step(x, g0, f, evaluate);
    const t = 0.5 / (Math.abs(g0[0]) + Math.abs(g0[1]));
    expect(r.t).toBe(t);
    expect(r.evals).toBe(1);
    expect(x[0]).toBeCloseTo(-1.5 - t * g0[0], 14);
    expect(x[1]).toBeCloseTo(1.5 - t * g0[1], 14);
  });
});
