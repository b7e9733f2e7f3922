// matrixFactorization: M is the seeded rank-r PSD matrix, the named critical points are what Ge,
// Jin and Zheng (2017) say, and gradient descent from random starts reaches a global minimum.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { spectrum } from '../optim/spectrum';
import { gd, make, maxAbs } from './functions.testutil';

describe('matrixFactorization', () => {
  it('is seeded: the same seed gives the same M, another seed another M', () => {
    const x = make('matrixFactorization', 12, { r: 2, seed: 3 }).defaultStart();
    const a = make('matrixFactorization', 12, { r: 2, seed: 3 });
    const b = make('matrixFactorization', 12, { r: 2, seed: 3 });
    const c = make('matrixFactorization', 12, { r: 2, seed: 4 });
    expect(a.f(x)).toBe(b.f(x));
    expect(a.f(x)).not.toBe(c.f(x));
  });

  it('f(V) ~ 0 at the named minimum, where the Hessian is PSD with r(r-1)/2 zero eigenvalues (rotations); the origin is a strict saddle of index r^2', () => {
    for (const [n, r] of [[8, 1], [10, 2], [12, 3]]) {
      const inst = make('matrixFactorization', n * r, { r, seed: 11 });
      const [origin, minimum] = inst.criticalPoints!.named;
      expect(minimum.value).toBeLessThanOrEqual(1e-30); // V = Q R held to rounding
      const g = new Float64Array(n * r);
      inst.grad(minimum.x, g);
      expect(maxAbs(g)).toBeLessThanOrEqual(1e-15);
      const atMin = spectrum(inst, minimum.x);
      expect(atMin.index).toBe(0);
      const zeros = atMin.eigenvalues!.filter((e) => Math.abs(e) <= 1e-10).length;
      expect(zeros).toBe((r * (r - 1)) / 2);
      inst.grad(origin.x, g);
      expect(maxAbs(g)).toBe(0);
      const atOrigin = spectrum(inst, origin.x);
      expect(atOrigin.index).toBe(r * r);
      expect(origin.index).toBe(r * r);
      expect(atOrigin.lambdaMax).toBeLessThanOrEqual(1e-12); // -M tensor I_r: negative semidefinite
    }
  });

  it('f is ||U U^T - V V^T||^2 / 4, and keeps its relative accuracy near a minimum (U = V Q + eps Z, eps = 1e-9)', () => {
    const n = 15;
    const r = 3;
    const inst = make('matrixFactorization', n * r, { r, seed: 9 });
    const V = inst.criticalPoints!.named[1].x;
    const gen = xoroshiro128plus(7);
    const rand = () => 2 * uniformFloat64(gen) - 1;
    const rowDot = (a: Float64Array, i: number, b: Float64Array, j: number) => a.subarray(i * r, i * r + r).reduce((s, x, c) => s + x * b[j * r + c], 0);
    // Far from the minimum: the n x n residual, summed directly.
    const U = new Float64Array(n * r).map(rand);
    let direct = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) direct += (rowDot(U, i, U, j) - rowDot(V, i, V, j)) ** 2;
    expect(Math.abs(inst.f(U) - direct / 4)).toBeLessThanOrEqual(1e-13 * direct);
    // Near the rotated minimum V Q (Q a plane rotation of columns 0 and 1): U U^T - V V^T
    // = eps (V Q Z^T + Z Q^T V^T) + eps^2 Z Z^T exactly, which we sum without cancellation.
    const [c, s] = [0.6, 0.8];
    const VQ = V.slice();
    for (let i = 0; i < n; i++) {
      VQ[i * r] = c * V[i * r] - s * V[i * r + 1];
      VQ[i * r + 1] = s * V[i * r] + c * V[i * r + 1];
    }
    const Z = new Float64Array(n * r).map(rand);
    const eps = 1e-9;
    const near = VQ.map((x, k) => x + eps * Z[k]);
    let small = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) small += (eps * (rowDot(VQ, i, Z, j) + rowDot(Z, i, VQ, j)) + eps * eps * rowDot(Z, i, Z, j)) ** 2;
    expect(small / 4).toBeGreaterThan(1e-20);
    expect(Math.abs(inst.f(near) - small / 4)).toBeLessThanOrEqual(1e-5 * (small / 4));
  });

  it('GD from random starts reaches f < 1e-8 (or is still moving): no spurious minimum catches it', () => {
    const n = 20;
    const r = 2;
    const inst = make('matrixFactorization', n * r, { r, seed: 5 });
    const gen = xoroshiro128plus(42);
    let reached = 0;
    for (let run = 0; run < 6; run++) {
      const x0 = new Float64Array(n * r).map(() => 2 * uniformFloat64(gen) - 1);
      const res = gd(inst, x0, inst.suggestedLr, 0, 20_000);
      const value = inst.f(res.x);
      expect(value < 1e-8 || res.gradNorm > 1e-6, `run ${run}: f = ${value}, ||grad|| = ${res.gradNorm}`).toBe(true);
      if (value < 1e-8) reached++;
    }
    expect(reached).toBe(6);
  });

  it('refuses a dimension that is not n r with n >= r, with one line', () => {
    expect(() => make('matrixFactorization', 9, { r: 2 })).toThrow('matrixFactorization: the dimension 9 must be a multiple of r = 2 (d = n r)');
    expect(() => make('matrixFactorization', 6, { r: 3 })).toThrow('matrixFactorization: n = d / r = 2 must be at least r = 3 for M to have rank r');
    expect(() => make('matrixFactorization', 6, { seed: -1 })).toThrow('matrixFactorization: seed must lie in [0, 4294967295], got -1');
    expect(() => make('matrixFactorization', 6, { rank: 1 })).toThrow('matrixFactorization: unknown parameter rank');
  });
});
