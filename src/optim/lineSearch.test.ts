// The strong-Wolfe line search against torch's own _strong_wolfe (fixtures/torch/lbfgs.json,
// "lineSearch": direct calls along -grad f with trial steps from 1e-9 to 30, as a float and as a
// tensor, and max_ls 25 or 3), bit for bit: torch's evaluations there are the catalogue's closed
// forms, the numbers the surfaces give here. And the cubic interpolation's cases.
import { describe, expect, it, test } from 'vitest';
import { cubicInterpolate, StrongWolfe, STRONG_WOLFE_DEFAULTS } from './lineSearch';
import { LBFGS_FIXTURE, type LineSearchCase, surfaceEvaluator, surfaceOf } from './quasiNewton/fixtures.testutil';
import { dot } from './quasiNewton/vec';

const cases = LBFGS_FIXTURE.lineSearch;

describe('StrongWolfe matches torch _strong_wolfe', () => {
  it('covers short, long and exhausted searches', () => {
    expect(cases.length).toBe(216);
    const evals = cases.map((c) => c.evals);
    expect(Math.min(...evals)).toBe(1); // the trial step accepted
    expect(Math.max(...evals)).toBeGreaterThanOrEqual(20); // long extrapolations
    expect(cases.filter((c) => c.maxLs === 3 && c.evals === 4).length).toBeGreaterThan(20); // max_ls used up
  });

  const run = (c: LineSearchCase, tensor: boolean) => {
    const evaluate = surfaceEvaluator(surfaceOf(c.surface));
    const x = Float64Array.from(c.x);
    const { f, g: g0 } = evaluate(x);
    const g = Float64Array.from(g0);
    const d = g.map((v) => -v);
    evaluate.calls = 0;
    const found = new StrongWolfe(2, { maxLs: c.maxLs }).search(evaluate, x, c.t0, d, f, g, dot(g, d), tensor);
    return { found, calls: evaluate.calls, x };
  };

  test.each(cases.map((c) => [`${c.surface} from ${c.x} t0=${c.t0}${c.t0Tensor ? ' (tensor)' : ''} max_ls=${c.maxLs}`, c] as const))(
    '%s',
    (_name, c) => {
      const { found, calls, x } = run(c, c.t0Tensor);
      expect(found.evals).toBe(c.evals);
      expect(calls).toBe(c.evals);
      expect(found.t).toBe(c.t);
      expect(found.f).toBe(c.f);
      expect(Array.from(found.g)).toEqual(c.g);
      expect(Array.from(x)).toEqual(c.x); // x is not moved
    },
  );

  it("follows torch's float / tensor arithmetic: the flag changes the step where torch's does", () => {
    const twins = cases.filter((c) => c.t0Tensor).map((c) => [c, cases.find((k) => !k.t0Tensor && k.surface === c.surface && k.x.join() === c.x.join() && k.t0 === c.t0 && k.maxLs === c.maxLs)!] as const);
    const differ = twins.filter(([a, b]) => a.t !== b.t);
    expect(differ.length).toBeGreaterThan(0);
    for (const [tensor, float] of differ) {
      expect(run(tensor, false).found.t).toBe(float.t);
      expect(run(float, true).found.t).toBe(tensor.t);
    }
  });

  it('returns a point meeting strong Wolfe when it says so', () => {
    const { c1, c2 } = STRONG_WOLFE_DEFAULTS;
    let met = 0;
    for (const c of cases) {
      const evaluate = surfaceEvaluator(surfaceOf(c.surface));
      const { f, g } = evaluate(Float64Array.from(c.x));
      const gtd = -dot(g, g); // along d = -g
      const { found } = run(c, c.t0Tensor);
      if (!found.wolfe) continue;
      met++;
      expect(found.f).toBeLessThanOrEqual(f + c1 * found.t * gtd);
      expect(Math.abs(dot(found.g, g))).toBeLessThanOrEqual(-c2 * gtd);
    }
    expect(met).toBeGreaterThan(cases.length / 2);
  });
});

describe('cubicInterpolate (torch _cubic_interpolate)', () => {
  it('finds the minimizer of a cubic from two points and slopes', () => {
    // phi(t) = t^3 - 3t, minimum at t = 1
    const phi = (t: number) => t * t * t - 3 * t;
    const dphi = (t: number) => 3 * t * t - 3;
    expect(cubicInterpolate(0, phi(0), dphi(0), 2, phi(2), dphi(2))).toBeCloseTo(1, 14);
    expect(cubicInterpolate(2, phi(2), dphi(2), 0, phi(0), dphi(0))).toBeCloseTo(1, 14);
  });

  it('is exact on a quadratic', () => {
    const phi = (t: number) => 3 * (t - 0.7) * (t - 0.7) + 1;
    const dphi = (t: number) => 6 * (t - 0.7);
    expect(cubicInterpolate(0, phi(0), dphi(0), 5, phi(5), dphi(5))).toBeCloseTo(0.7, 14);
  });

  it('clamps to the bounds, and bisects them when the cubic has no real minimizer', () => {
    const phi = (t: number) => t * t * t - 3 * t;
    const dphi = (t: number) => 3 * t * t - 3;
    expect(cubicInterpolate(0, phi(0), dphi(0), 2, phi(2), dphi(2), [1.5, 4])).toBe(1.5);
    // d1^2 - g1 g2 < 0: d1 = 4 + 4 - 9 = -1, d1^2 - 16 < 0
    expect(cubicInterpolate(0, 0, 4, 1, 3, 4)).toBe(0.5);
    expect(cubicInterpolate(0, 0, 4, 1, 3, 4, [2, 3])).toBe(2.5);
  });
});
