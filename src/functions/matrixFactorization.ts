// Symmetric low-rank matrix factorization (the Burer-Monteiro form of PCA):
//   f(U) = ||U U^T - M||_F^2 / 4,  U in R^{n x r} (x = U row-major, d = n r),  M = V V^T of rank r.
// Ge, Jin and Zheng, "No spurious local minima in nonconvex low rank problems: a unified
// geometric analysis" (ICML 2017): every local minimum is global (U = V Q, Q orthogonal, f = 0)
// and every other critical point is a strict saddle (the origin is one, with r^2 directions of
// negative curvature), so gradient descent from a random start finds a global minimum.
// V is drawn from the seed (xoroshiro128+ of pure-rand, as src/optim/rng.ts), entries uniform in
// [-1, 1) scaled by sqrt(3 / n) so that every column of V has expected squared norm 1: the
// spectrum of M, and so the learning rate, does not depend on n.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { defineFunction } from './define';
import { MAX_DIM, type FunctionParams, type Instance } from './types';

/** sum_a A[i r + a] B[j r + a]: row i of A times row j of B. */
function rowDot(a: Float64Array, i: number, b: Float64Array, j: number, r: number): number {
  let s = 0;
  for (let c = 0; c < r; c++) s += a[i * r + c] * b[j * r + c];
  return s;
}

export const matrixFactorization = defineFunction({
  id: 'matrixFactorization',
  name: 'Matrix factorization',
  about: 'f(U) = ||U U^T - M||^2 / 4 for a seeded rank-r PSD matrix M: all local minima are global and all other critical points strict saddles (Ge, Jin and Zheng, ICML 2017).',
  minDim: 2,
  maxDim: MAX_DIM,
  params: [
    { key: 'r', label: 'rank r', about: 'Columns of U and rank of M; d = n r, so r must divide d, with n = d / r >= r.', default: 1, min: 1, max: 31, integer: true },
    { key: 'seed', label: 'seed', about: 'Seed of the random factor V of M = V V^T (and of the default start).', default: 0, min: 0, max: 4294967295, integer: true },
  ],
  build(dim, params) {
    const r = params.r;
    if (dim % r !== 0) return `the dimension ${dim} must be a multiple of r = ${r} (d = n r)`;
    if (dim / r < r) return `n = d / r = ${dim / r} must be at least r = ${r} for M to have rank r`;
    return factorizationInstance(dim, params);
  },
});

function factorizationInstance(dim: number, params: FunctionParams): Instance {
  const r = params.r;
  const n = dim / r;
  const gen = xoroshiro128plus(params.seed >>> 0);
  const scale = Math.sqrt(3 / n);
  const V = new Float64Array(dim);
  for (let k = 0; k < dim; k++) V[k] = (2 * uniformFloat64(gen) - 1) * scale;
  // The default start: small and random (from the same stream, after V), near the origin saddle.
  const start = new Float64Array(dim);
  for (let k = 0; k < dim; k++) start[k] = 0.1 * (2 * uniformFloat64(gen) - 1) * scale;
  // M_ij is the same sum as (U U^T)_ij below, so E = U U^T - M is exactly 0 at U = V.
  const M = new Float64Array(n * n);
  let trace = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) M[i * n + j] = rowDot(V, i, V, j, r);
    trace += M[i * n + i];
  }
  const E = new Float64Array(n * n);
  /** E = U U^T - M into E; returns ||E||_F^2 / 4. */
  const residual = (u: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const e = rowDot(u, i, u, j, r) - M[i * n + j];
        E[i * n + j] = e;
        s += e * e;
      }
    }
    return s / 4;
  };
  const zero = new Float64Array(dim);
  let maxV = 0;
  for (let k = 0; k < dim; k++) maxV = Math.max(maxV, Math.abs(V[k]));
  const view = 1.5 * maxV;
  return {
    id: 'matrixFactorization',
    dim,
    params,
    formula: `||U U^T - M||_F^2 / 4, U in R^{${n} x ${r}}, M = V V^T (seed ${params.seed})`,
    f: residual,
    grad(u, out) {
      // grad = E U.
      const value = residual(u);
      for (let i = 0; i < n; i++) {
        for (let a = 0; a < r; a++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += E[i * n + j] * u[j * r + a];
          out[i * r + a] = s;
        }
      }
      return value;
    },
    hvp(u, w, out) {
      // d(E U)[W] = (W U^T + U W^T) U + E W.
      residual(u);
      for (let i = 0; i < n; i++) {
        for (let a = 0; a < r; a++) out[i * r + a] = 0;
        for (let j = 0; j < n; j++) {
          const c = rowDot(w, i, u, j, r) + rowDot(u, i, w, j, r);
          const e = E[i * n + j];
          for (let a = 0; a < r; a++) out[i * r + a] += c * u[j * r + a] + e * w[j * r + a];
        }
      }
    },
    hessian(u, out) {
      // H[(i,a),(k,b)] = delta_ik (U^T U)_ab + U_ib U_ka + delta_ab E_ik.
      residual(u);
      const gram = new Float64Array(r * r);
      for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) for (let j = 0; j < n; j++) gram[a * r + b] += u[j * r + a] * u[j * r + b];
      for (let i = 0; i < n; i++) {
        for (let a = 0; a < r; a++) {
          const row = (i * r + a) * dim;
          for (let k = 0; k < n; k++) {
            for (let b = 0; b < r; b++) {
              let h = u[i * r + b] * u[k * r + a];
              if (i === k) h += gram[a * r + b];
              if (a === b) h += E[i * n + k];
              out[row + k * r + b] = h;
            }
          }
        }
      }
    },
    defaultStart: () => start.slice(),
    // The largest curvature near a minimum is at most 2 lambda_max(M) <= 2 trace(M) (and at most
    // lambda_max(M) near the origin): lr = 1 / (4 trace M) is stable on the way.
    suggestedLr: 1 / (4 * trace),
    globalMin: 0,
    criticalPoints: {
      named: [
        { label: 'origin (strict saddle, r^2 directions down)', x: zero.slice(), kind: 'saddle', index: r * r, value: residual(zero) },
        { label: 'global minimum U = V (and every V Q, Q orthogonal)', x: V.slice(), kind: 'minimum', index: 0, value: residual(V) },
      ],
      complete: false,
    },
    view: { axes: [0, 1], center: zero.slice(), x: [-view, view], y: [-view, view] },
  };
}
