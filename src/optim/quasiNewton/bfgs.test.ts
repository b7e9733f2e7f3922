// BFGS (N&W Algorithm 6.1): finite termination on the catalogue's quadratics, the inverse Hessian
// it learns on Rosenbrock, and the skipped update.
import { describe, expect, it } from 'vitest';
import { Bfgs } from './bfgs';
import { minimize, surfaceEvaluator, surfaceOf } from './fixtures.testutil';
import { noteList } from './types';

describe('Bfgs', () => {
  // With exact line searches BFGS ends on an n-dimensional quadratic in n steps (N&W 6.1); the
  // strong-Wolfe search is exact there whenever it interpolates (a cubic through two points of a
  // quadratic is the quadratic), and c2 = 0.1 makes it interpolate from these starts. With
  // torch's c2 = 0.9 it accepts Matyas's first trial step (|phi'| = 0.8 |phi'(0)|), and three
  // steps leave ||g|| near 0.35.
  it.each(['booth', 'matyas'] as const)('reaches ||grad f|| <= 1e-8 within 3 steps on %s (c2 = 0.1)', (id) => {
    const s = surfaceOf(id);
    const { gradNorms } = minimize(new Bfgs(2, { lineSearch: { c2: 0.1 } }), surfaceEvaluator(s), Float64Array.from(s.start), 3);
    expect(gradNorms[0]).toBeGreaterThan(1);
    expect(Math.min(...gradNorms)).toBeLessThanOrEqual(1e-8);
  });

  it("learns Rosenbrock's inverse Hessian at the minimum to 1e-2 (relative Frobenius)", () => {
    const s = surfaceOf('rosenbrock');
    const method = new Bfgs(2);
    const x = Float64Array.from(s.start);
    const { gradNorms, steps } = minimize(method, surfaceEvaluator(s), x, 200, 1e-10);
    expect(gradNorms.at(-1)).toBeLessThanOrEqual(1e-10);
    expect(steps.length).toBeLessThan(60); // measured: 42
    expect(x[0]).toBeCloseTo(1, 9);
    expect(x[1]).toBeCloseTo(1, 9);
    // the true inverse at (1, 1), from the catalogue's Hessian [h0 h1; h1 h2]
    const h = new Float64Array(3);
    s.hessian(1, 1, h);
    const det = h[0] * h[2] - h[1] * h[1];
    const inverse = [h[2] / det, -h[1] / det, -h[1] / det, h[0] / det];
    const H = method.inverseHessian;
    const error = Math.hypot(...inverse.map((v, i) => H[i] - v)) / Math.hypot(...inverse);
    expect(error).toBeLessThanOrEqual(1e-2); // measured: 2.8e-4
    expect(method.skippedUpdates).toBe(0);
  });

  it('keeps H symmetric positive definite along a Rosenbrock run', () => {
    const s = surfaceOf('rosenbrock');
    const method = new Bfgs(2);
    const evaluate = surfaceEvaluator(s);
    const x = Float64Array.from(s.start);
    for (let k = 0; k < 30; k++) {
      const { f, g } = evaluate(x);
      method.step(x, Float64Array.from(g), f, evaluate);
      const H = method.inverseHessian;
      expect(Math.abs(H[1] - H[2])).toBeLessThanOrEqual(1e-12 * Math.abs(H[0] + H[3]));
      expect(H[0]).toBeGreaterThan(0);
      expect(H[0] * H[3] - H[1] * H[2]).toBeGreaterThan(0);
    }
  });

  it('skips (and counts) the update when y\'s <= 0, keeping H', () => {
    // f = x^4 - x^2 in one dimension, from x = 0.1 where f is concave; max_ls = 0 takes the trial
    // step, which stays in the concave part: g goes from -0.196 to -0.49, so y's < 0.
    const g = new Float64Array(1);
    const evaluate = (x: Float64Array) => {
      g[0] = 4 * x[0] * x[0] * x[0] - 2 * x[0];
      return { f: x[0] * x[0] * x[0] * x[0] - x[0] * x[0], g };
    };
    const method = new Bfgs(1, { lineSearch: { maxLs: 0 } });
    const x = Float64Array.of(0.1);
    const { steps } = minimize(method, evaluate, x, 2);
    expect(noteList(steps[0].notes)).toEqual(['wolfeNotMet']);
    expect(noteList(steps[1].notes)).toContain('updateSkipped');
    expect(method.skippedUpdates).toBe(1);
    expect(method.updates).toBe(0);
    expect(Array.from(method.inverseHessian)).toEqual([1]);
  });

  it('counts the evaluation at x and the line search\'s', () => {
    const s = surfaceOf('himmelblau');
    const evaluate = surfaceEvaluator(s);
    const method = new Bfgs(2);
    const x = Float64Array.from(s.start);
    for (let k = 0; k < 10; k++) {
      const { f, g } = evaluate(x);
      const before = evaluate.calls;
      const r = method.step(x, Float64Array.from(g), f, evaluate);
      expect(r.evals).toBe(1 + evaluate.calls - before);
      expect(r.evals).toBeGreaterThanOrEqual(2);
    }
  });
});
