// Nonlinear conjugate gradients: finite termination on the catalogue's quadratics, restarts,
// the steepest-descent fallback, and convergence on the non-quadratic surfaces.
import { describe, expect, it } from 'vitest';
import { type CgBeta, ConjugateGradient } from './cg';
import { minimize, surfaceEvaluator, surfaceOf } from './fixtures.testutil';
import { NOTE, noteList } from './types';

const BETAS: CgBeta[] = ['fletcherReeves', 'polakRibierePlus', 'hestenesStiefel'];

describe('ConjugateGradient', () => {
  // With exact line searches every beta is linear CG on a quadratic: n steps (N&W 5.2). The
  // strong-Wolfe search (c2 = 0.1) interpolates exactly on a quadratic.
  for (const id of ['booth', 'matyas'] as const) {
    it.each(BETAS)(`reaches ||grad f|| <= 1e-8 within 3 steps on ${id} (%s)`, (beta) => {
      const s = surfaceOf(id);
      const { gradNorms } = minimize(new ConjugateGradient(2, { beta }), surfaceEvaluator(s), Float64Array.from(s.start), 3);
      expect(gradNorms[0]).toBeGreaterThan(1);
      expect(Math.min(...gradNorms)).toBeLessThanOrEqual(1e-8);
    });
  }

  // To 1e-6: near sqrt(machine epsilon) f's rounding hides the decrease the Armijo test asks for
  // (Hestenes-Stiefel stalls at 5.8e-8 on the six-hump camel, every search ending at t = 0).
  for (const id of ['rosenbrock', 'himmelblau', 'beale', 'sixHumpCamel'] as const) {
    it.each(BETAS)(`converges on ${id} (%s)`, (beta) => {
      const s = surfaceOf(id);
      const { gradNorms } = minimize(new ConjugateGradient(2, { beta }), surfaceEvaluator(s), Float64Array.from(s.start), 60, 1e-6);
      expect(Math.min(...gradNorms)).toBeLessThanOrEqual(1e-6); // measured: within 38 steps
    });
  }

  it('restarts with steepest descent every dim steps', () => {
    const s = surfaceOf('rosenbrock');
    const method = new ConjugateGradient(2, { beta: 'fletcherReeves' });
    const { steps } = minimize(method, surfaceEvaluator(s), Float64Array.from(s.start), 30);
    const restarted = steps.flatMap((r, k) => ((r.notes & NOTE.restart) !== 0 ? [k] : []));
    expect(restarted).toEqual(Array.from({ length: 14 }, (_, i) => 2 * (i + 1)));
    expect(method.restarts).toBe(14);
  });

  it('falls back to -g when the conjugate direction is not a descent direction', () => {
    // Polak-Ribiere+ with the loose c2 = 0.9 (no descent guarantee) on Rosenbrock: measured 4 times
    const s = surfaceOf('rosenbrock');
    const evaluate = surfaceEvaluator(s);
    const method = new ConjugateGradient(2, { lineSearch: { c2: 0.9 } });
    const x = Float64Array.from(s.start);
    let fallbacks = 0;
    for (let k = 0; k < 200; k++) {
      const { f, g: g0 } = evaluate(x);
      const g = Float64Array.from(g0);
      const before = Float64Array.from(x);
      const r = method.step(x, g, f, evaluate);
      if ((r.notes & NOTE.notDescent) === 0) continue;
      fallbacks++;
      // the step went along -g: (x - before) is parallel to g, pointing against it
      const dx = [x[0] - before[0], x[1] - before[1]];
      expect(Math.abs(dx[0] * g[1] - dx[1] * g[0])).toBeLessThanOrEqual(1e-12 * Math.hypot(...dx) * Math.hypot(...g));
      expect(dx[0] * g[0] + dx[1] * g[1]).toBeLessThan(0);
    }
    expect(fallbacks).toBeGreaterThan(0);
  });

  it('stays put, evaluating nothing, where the gradient is exactly 0', () => {
    const s = surfaceOf('booth');
    const evaluate = surfaceEvaluator(s);
    const x = Float64Array.of(1, 3); // Booth's minimum: g = (0, 0) exactly
    const { f, g } = evaluate(x);
    expect(Array.from(g)).toEqual([0, 0]);
    evaluate.calls = 0;
    const r = new ConjugateGradient(2).step(x, Float64Array.from(g), f, evaluate);
    expect({ ...r, notes: noteList(r.notes) }).toEqual({ evals: 1, t: 0, notes: ['stationary'] });
    expect(evaluate.calls).toBe(0);
    expect(Array.from(x)).toEqual([1, 3]);
  });
});
