// Symmetric low-rank matrix factorization (the Burer-Monteiro form of PCA):
//   f(U) = ||U U^T - M||_F^2 / 4,  U in R^{n x r} (x = U row-major, d = n r),  M = V V^T of rank r.
// Ge, Jin and Zheng, "No spurious local minima in nonconvex low rank problems: a unified
// geometric analysis" (ICML 2017): every local minimum is global (U = V Q, Q orthogonal, f = 0)
// and every other critical point is a strict saddle (the origin is one, with r^2 directions of
// negative curvature), so gradient descent from a random start finds a global minimum.
// V is drawn from the seed (xoroshiro128+ of pure-rand, as src/optim/rng.ts), entries uniform in
// [-1, 1) scaled by sqrt(3 / n) so that every column of V has expected squared norm 1: the
// spectrum of M, and so the learning rate, does not depend on n.
//
// Cost O(n r^2), never n^2 (d = 1000, r = 1 would be 10^6 per gradient): M is held as
// V = Q R (Q: n x r orthonormal, by Gram-Schmidt twice), C = R R^T. Splitting U = Q A + U⊥ with
// A = Q^T U and U⊥ = U - Q A (orthogonal to Q), E = U U^T - M has three Frobenius-orthogonal parts,
//   ||E||^2 = ||A A^T - C||^2 + 2 ||A U⊥^T||^2 + ||U⊥^T U⊥||^2,
// each a sum of squares of small numbers: f keeps its relative accuracy down to f ~ 1e-30 near a
// minimum, where the expanded ||U^T U||^2 - 2 ||U^T V||^2 + ||V^T V||^2 would cancel to noise
// of 1e-16. The same split gives grad = E U = Q (K A + A P) + U⊥ (A^T A + P), K = A A^T - C,
// P = U⊥^T U⊥.
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
  const Q = orthonormalColumns(V, n, r);
  const R = new Float64Array(r * r);
  crossGram(Q, V, n, r, R); // R = Q^T V
  const C = new Float64Array(r * r); // C = R R^T: M = Q C Q^T
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) C[a * r + b] = rowDot(R, a, R, b, r);
  let trace = 0;
  for (let a = 0; a < r; a++) trace += C[a * r + a];

  // Work buffers of one evaluation at U: A = Q^T U, Up = U⊥, K = A A^T - C, P = U⊥^T U⊥.
  const A = new Float64Array(r * r);
  const Up = new Float64Array(dim);
  const K = new Float64Array(r * r);
  const P = new Float64Array(r * r);
  const split = (u: Float64Array): number => {
    crossGram(Q, u, n, r, A);
    for (let i = 0; i < n; i++) {
      for (let b = 0; b < r; b++) {
        let s = u[i * r + b];
        for (let a = 0; a < r; a++) s -= Q[i * r + a] * A[a * r + b];
        Up[i * r + b] = s;
      }
    }
    crossGram(Up, Up, n, r, P);
    let value = 0;
    for (let a = 0; a < r; a++) {
      for (let b = 0; b < r; b++) {
        const k = rowDot(A, a, A, b, r) - C[a * r + b];
        K[a * r + b] = k;
        value += k * k + P[a * r + b] * P[a * r + b];
      }
    }
    let cross = 0; // ||A U⊥^T||^2
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < r; a++) {
        const c = rowDot(A, a, Up, i, r);
        cross += c * c;
      }
    }
    return (value + 2 * cross) / 4;
  };
  const G1 = new Float64Array(r * r);
  const G2 = new Float64Array(r * r);
  const UtW = new Float64Array(r * r);
  const UtU = new Float64Array(r * r);
  const VtW = new Float64Array(r * r);
  const zero = new Float64Array(dim);
  let maxV = 0;
  for (let k = 0; k < dim; k++) maxV = Math.max(maxV, Math.abs(V[k]));
  const view = 1.5 * maxV;
  return {
    id: 'matrixFactorization',
    dim,
    params,
    formula: `||U U^T - M||_F^2 / 4, U in R^{${n} x ${r}}, M = V V^T (seed ${params.seed})`,
    f: split,
    grad(u, out) {
      const value = split(u);
      for (let a = 0; a < r; a++) {
        for (let b = 0; b < r; b++) {
          let g1 = 0;
          let g2 = P[a * r + b];
          for (let c = 0; c < r; c++) {
            g1 += K[a * r + c] * A[c * r + b] + A[a * r + c] * P[c * r + b];
            g2 += A[c * r + a] * A[c * r + b];
          }
          G1[a * r + b] = g1;
          G2[a * r + b] = g2;
        }
      }
      for (let i = 0; i < n; i++) {
        for (let b = 0; b < r; b++) {
          let s = 0;
          for (let a = 0; a < r; a++) s += Q[i * r + a] * G1[a * r + b] + Up[i * r + a] * G2[a * r + b];
          out[i * r + b] = s;
        }
      }
      return value;
    },
    hvp(u, w, out) {
      // d(E U)[W] = W (U^T U) + U (W^T U) + E W, E W = U (U^T W) - V (V^T W). Differences of this
      // size are fine here: a curvature, not a residual that must reach 1e-30.
      crossGram(u, u, n, r, UtU);
      crossGram(u, w, n, r, UtW);
      crossGram(V, w, n, r, VtW);
      for (let i = 0; i < n; i++) {
        for (let b = 0; b < r; b++) {
          let s = 0;
          for (let a = 0; a < r; a++) s += w[i * r + a] * UtU[a * r + b] + u[i * r + a] * (UtW[b * r + a] + UtW[a * r + b]) - V[i * r + a] * VtW[a * r + b];
          out[i * r + b] = s;
        }
      }
    },
    hessian(u, out) {
      // H[(i,a),(k,b)] = delta_ik (U^T U)_ab + U_ib U_ka + delta_ab E_ik, E_ik = U_i.U_k - V_i.V_k.
      crossGram(u, u, n, r, UtU);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
          const e = rowDot(u, i, u, k, r) - rowDot(V, i, V, k, r);
          for (let a = 0; a < r; a++) {
            const row = (i * r + a) * dim + k * r;
            for (let b = 0; b < r; b++) {
              let h = u[i * r + b] * u[k * r + a];
              if (i === k) h += UtU[a * r + b];
              if (a === b) h += e;
              out[row + b] = h;
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
    // f(U Q) = f(U) for every orthogonal Q: the orbit's tangents at U are U S, S skew-symmetric,
    // spanned by U (e_a e_b^T - e_b e_a^T) for a < b: column b gets u_a and column a gets -u_b.
    ...(r > 1 ? { symmetry: {
      about: 'the rotation symmetry U -> U Q',
      dimension: (r * (r - 1)) / 2,
      tangents(u: Float64Array, out: Float64Array[]) {
        let k = 0;
        for (let a = 0; a < r; a++) {
          for (let b = a + 1; b < r; b++) {
            const t = out[k++];
            t.fill(0);
            for (let i = 0; i < n; i++) {
              t[i * r + b] = u[i * r + a];
              t[i * r + a] = -u[i * r + b];
            }
          }
        }
      },
    } } : {}),
    criticalPoints: {
      named: [
        { label: 'origin (strict saddle, r^2 directions down)', x: zero.slice(), kind: 'saddle', index: r * r, value: split(zero) },
        { label: 'global minimum U = V (and every V Q, Q orthogonal)', x: V.slice(), kind: 'minimum', index: 0, value: split(V) },
      ],
      complete: false,
    },
    view: { axes: [0, 1], center: zero.slice(), x: [-view, view], y: [-view, view] },
  };
}

/** out = X^T Y (r x r) for n x r row-major X and Y. */
function crossGram(x: Float64Array, y: Float64Array, n: number, r: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < n; i++) for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) out[a * r + b] += x[i * r + a] * y[i * r + b];
}

/**
 * An orthonormal basis of V's columns (n x r, row-major), by modified Gram-Schmidt applied twice
 * ("twice is enough": Kahan and Parlett). V is random, so its columns are independent.
 */
function orthonormalColumns(v: Float64Array, n: number, r: number): Float64Array {
  const q = v.slice();
  for (let a = 0; a < r; a++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let b = 0; b < a; b++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += q[i * r + b] * q[i * r + a];
        for (let i = 0; i < n; i++) q[i * r + a] -= d * q[i * r + b];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * r + a] * q[i * r + a];
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i * r + a] /= norm;
  }
  return q;
}
