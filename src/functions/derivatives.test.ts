// Every registered function, in d = 2, 10, 100, 1000: the gradient is the derivative of f and
// the Hessian-vector product the derivative of the gradient (central finite differences along
// random directions at random points of the view), and hvp equals the dense Hessian times v.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { D_FUNCTION_IDS } from './index';
import { axpy, directionArb, make, maxAbs, pointArb, uniformArb } from './functions.testutil';
import type { Instance } from './types';

const CASES: [string, Record<string, number>][] = [
  ['rastrigin', {}],
  ['rosenbrock', {}],
  ['styblinskiTang', {}],
  ['strictSaddle', {}],
  ['strictSaddle', { k: 2 }],
  ['saddleChain', {}],
  ['saddleChain', { tau: 1, L: 5, gamma: 2 }],
  ['matrixFactorization', {}],
  ['matrixFactorization', { r: 2, seed: 7 }],
];
const DIMS = [2, 10, 100, 1000];
/** d = 2 has no rank-2 factorization (n = 1 < r). */
const dimsOf = (params: Record<string, number>) => (params.r === 2 ? DIMS.slice(1) : DIMS);
const RUNS: Record<number, number> = { 2: 60, 10: 40, 100: 15, 1000: 4 };
const H = 1e-5;

/**
 * saddleChain is C^2 but not C^3 where its pieces meet (|x_i| = tau, 2 tau): a central difference
 * of the gradient across such a joint is only O(H) accurate. For the hvp-vs-differences property
 * a coordinate within 2H of a joint is moved to 3H beside it, on the side it was on
 * (saddleChain.test.ts checks the joints' C^2 continuity itself).
 */
function offJoints(id: string, params: Record<string, number>, x: Float64Array): Float64Array {
  if (id !== 'saddleChain') return x;
  const tau = params.tau ?? Math.E;
  return x.map((t) => {
    for (const joint of [tau, 2 * tau]) {
      const gap = Math.abs(t) - joint;
      if (Math.abs(gap) <= 2 * H) return Math.sign(t || 1) * (joint + (gap < 0 ? -3 : 3) * H);
    }
    return t;
  });
}

/**
 * saddleChain's coupling terms act only where every earlier coordinate has left [-tau, tau]
 * (its switch S is 0 there): uniform points rarely get there in high d. So its points are "on
 * the chain": a random number of leading coordinates in tau <= |t| <= 5 tau (escaped or
 * escaping, random sign), the rest in [-2 tau, 2 tau].
 */
function chainPointArb(dim: number, tau: number): fc.Arbitrary<Float64Array> {
  return fc.tuple(fc.nat(dim), uniformArb(dim), uniformArb(dim)).map(([cut, u, sign]) =>
    u.map((w, i) => (sign[i] < 0.5 ? -1 : 1) * (i < cut ? tau + 4 * tau * w : 2 * tau * w)),
  );
}
const pointsOf = (id: string, inst: Instance) =>
  id === 'saddleChain' ? chainPointArb(inst.dim, inst.params.tau) : pointArb(inst);

it('the cases cover every registered function', () => {
  expect(new Set(CASES.map(([id]) => id))).toEqual(new Set(D_FUNCTION_IDS));
});

describe.each(CASES)('%s %j', (id, params) => {
  describe.each(dimsOf(params))('d = %i', (dim) => {
    const inst = make(id, dim, params);
    const opts = { numRuns: RUNS[dim] };

    test.prop([pointsOf(id, inst), directionArb(dim)], opts)('grad returns f and is its derivative', (x, v) => {
      const g = new Float64Array(dim);
      const value = inst.grad(x, g);
      expect(value).toBe(inst.f(x));
      let slope = 0;
      let scale = 0;
      for (let i = 0; i < dim; i++) {
        slope += g[i] * v[i];
        scale += Math.abs(g[i] * v[i]);
      }
      const fd = (inst.f(axpy(x, v, H)) - inst.f(axpy(x, v, -H))) / (2 * H);
      // Truncation ~ H^2 f''' / 6 and rounding ~ 1e-16 |f| / H, both far below this.
      expect(Math.abs(fd - slope)).toBeLessThanOrEqual(1e-6 * (1 + scale + Math.abs(value)));
    });

    test.prop([pointsOf(id, inst).map((x) => offJoints(id, params, x)), directionArb(dim)], opts)('hvp is the derivative of grad', (x, v) => {
      const hv = new Float64Array(dim);
      inst.hvp(x, v, hv);
      const gp = new Float64Array(dim);
      const gm = new Float64Array(dim);
      inst.grad(axpy(x, v, H), gp);
      inst.grad(axpy(x, v, -H), gm);
      const g = new Float64Array(dim);
      inst.grad(x, g);
      let worst = 0;
      for (let i = 0; i < dim; i++) worst = Math.max(worst, Math.abs((gp[i] - gm[i]) / (2 * H) - hv[i]));
      expect(worst).toBeLessThanOrEqual(1e-6 * (1 + maxAbs(hv) + maxAbs(g)));
    });

    if (dim <= 100) {
      test.prop([pointsOf(id, inst), directionArb(dim)], opts)('hvp equals the dense Hessian times v, and the Hessian is symmetric', (x, v) => {
        const hess = new Float64Array(dim * dim);
        inst.hessian(x, hess);
        const hv = new Float64Array(dim);
        inst.hvp(x, v, hv);
        let big = 0;
        let asymmetric = 0;
        for (let i = 0; i < dim; i++) {
          for (let j = 0; j < dim; j++) {
            if (hess[i * dim + j] !== hess[j * dim + i]) asymmetric++;
            big = Math.max(big, Math.abs(hess[i * dim + j]));
          }
        }
        expect(asymmetric).toBe(0);
        let worst = 0;
        for (let i = 0; i < dim; i++) {
          let s = 0;
          for (let j = 0; j < dim; j++) s += hess[i * dim + j] * v[j];
          worst = Math.max(worst, Math.abs(s - hv[i]));
        }
        // Same products, summed in another order: rounding only.
        expect(worst).toBeLessThanOrEqual(1e-13 * dim * (1 + big));
      });
    }
  });
});
