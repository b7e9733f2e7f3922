// Cubic-regularized Newton (Nesterov and Polyak 2006): each step moves to the global minimizer of
// the cubic model m(s) = g.s + 1/2 s'Hs + (M/6)||s||^3, scaled by lr (lr = 1 is the exact method).
//
// The minimizer is characterized by (Nesterov and Polyak 2006, section 5):
//   (H + sigma I) s = -g,  sigma = M ||s|| / 2,  H + sigma I positive semidefinite.
// In the eigenbasis of H (eigenvalues lambda_1 <= ... , components gamma_i of g) this is the
// secular equation in the shift u = sigma - sigma_min >= 0, sigma_min = max(0, -lambda_1):
//   phi(u) = sqrt(sum gamma_i^2 / d_i(u)^2) = 2 (sigma_min + u) / M,  d_i(u) = (lambda_i + sigma_min) + u.
// F(u) = phi(u) - 2 (sigma_min + u) / M is convex and decreasing, so Newton's method started left
// of the root climbs to it monotonically and quadratically. Working in u keeps d_1 = u exact even
// when the root is within rounding of sigma_min (g almost orthogonal to the lowest eigenvector).
// Hard case: if gamma vanishes on the lowest eigenspace and F(0) <= 0, the minimizer is
// s = -(H + sigma_min I)^+ g + tau v_1 with tau >= 0 such that ||s|| = 2 sigma_min / M; this is
// what pushes the method off a strict saddle where plain Newton would stay. The sign of tau is
// the one of the eigenvector as the eigen-solver returns it (both signs give the same model value).
import { symmetricEigenWork, type SymmetricEigenWork } from '../../numeric/symmetricEigen';
import type { OptimizerDef } from '../types';
import { hessianEigenInto } from './hessianEigen';
import { lr } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

/** Scratch buffers of one cubic step in dim dimensions. */
export interface CubicWork {
  /** H's eigenvalues (ascending) and eigenvectors (rows). */
  eig: SymmetricEigenWork;
  gamma: Float64Array;
  sEig: Float64Array;
  /** F'(u) from the last secular() call. */
  slope: number;
}

export function cubicWork(dim: number): CubicWork {
  return {
    eig: symmetricEigenWork(dim),
    gamma: new Float64Array(dim),
    sEig: new Float64Array(dim),
    slope: 0,
  };
}

/**
 * Writes into s the global minimizer of g.s + 1/2 s'Hs + (M/6)||s||^3 (H row-major dim x dim).
 * Returns false when the eigen-decomposition fails (a non-finite H); s is then NaN, which the
 * engine reports as a divergence.
 */
export function cubicStep(g: Float64Array, h: Float64Array, M: number, dim: number, s: Float64Array, w: CubicWork): boolean {
  const { gamma, sEig } = w;
  if (!hessianEigenInto(h, dim, w.eig)) {
    s.fill(NaN);
    return false;
  }
  const { values, vectors } = w.eig;
  for (let i = 0; i < dim; i++) {
    let dot = 0;
    for (let k = 0; k < dim; k++) dot += vectors[i * dim + k] * g[k];
    gamma[i] = dot;
  }
  const sigmaMin = Math.max(0, -values[0]);
  // d_i(0) = lambda_i + sigma_min; it is exactly 0 for lambda_i = lambda_1 <= 0.
  let lowSq = 0; // |gamma|^2 on the eigenspace where d_i(0) = 0
  for (let i = 0; i < dim; i++) if (values[i] + sigmaMin === 0) lowSq += gamma[i] * gamma[i];

  let u = 0;
  if (lowSq > 0) {
    // Left of the root: there the lowest component alone already makes phi exceed the radius,
    // sqrt(lowSq) / u >= 2 (sigma_min + u) / M (the positive root of that quadratic, stably).
    const gl = Math.sqrt(lowSq);
    u = (M * gl) / (sigmaMin + Math.sqrt(sigmaMin * sigmaMin + 2 * M * gl));
    while (secular(u, w, sigmaMin, M, dim) < 0 && u > 0) u /= 2; // rounding can put it a hair right
  } else if (secular(0, w, sigmaMin, M, dim) <= 0) {
    // Hard case (or g = 0 where H is positive semidefinite: then s = 0).
    const rMin = (2 * sigmaMin) / M;
    let perp = 0;
    for (let i = 0; i < dim; i++) {
      const d = values[i] + sigmaMin;
      sEig[i] = d === 0 ? 0 : -gamma[i] / d;
      perp += sEig[i] * sEig[i];
    }
    sEig[0] = Math.sqrt(Math.max(0, rMin * rMin - perp));
    toBasis(sEig, vectors, dim, s);
    return true;
  }
  for (let iter = 0; iter < 200; iter++) {
    const value = secular(u, w, sigmaMin, M, dim);
    if (!(value > 0)) break;
    const next = u - value / w.slope;
    if (!(next > u)) break;
    u = next;
  }
  for (let i = 0; i < dim; i++) sEig[i] = -gamma[i] / (values[i] + sigmaMin + u);
  toBasis(sEig, vectors, dim, s);
  return true;
}

/** F(u) = phi(u) - 2 (sigma_min + u) / M; its derivative goes to w.slope. */
function secular(u: number, w: CubicWork, sigmaMin: number, M: number, dim: number): number {
  const { eig: { values }, gamma } = w;
  let sq = 0;
  let cube = 0;
  for (let i = 0; i < dim; i++) {
    const d = values[i] + sigmaMin + u;
    if (d === 0) continue; // only where gamma_i = 0 (hard-case test at u = 0)
    const q = gamma[i] / d;
    sq += q * q;
    cube += (q * q) / d;
  }
  const phi = Math.sqrt(sq);
  w.slope = (phi > 0 ? -cube / phi : 0) - 2 / M;
  return phi - (2 * (sigmaMin + u)) / M;
}

/** s = sum_i sEig[i] v_i, v_i the eigenvector in row i of `vectors`. */
function toBasis(sEig: Float64Array, vectors: Float64Array, dim: number, s: Float64Array): void {
  for (let k = 0; k < dim; k++) {
    let v = 0;
    for (let i = 0; i < dim; i++) v += vectors[i * dim + k] * sEig[i];
    s[k] = v;
  }
}

export const cubic: OptimizerDef = {
  id: 'cubic',
  spec: {
    name: 'Cubic Newton',
    about: 'Cubic-regularized Newton (Nesterov and Polyak 2006): minimizes the cubic model exactly; escapes strict saddles.',
    params: {
      lr: lr(1),
      M: { type: 'number', default: 10, min: 1e-9, max: 1e9, log: true, help: 'Lipschitz constant of the Hessian (cubic weight M/6)' },
    },
  },
  torch: null,
  // the eigen-decomposition couples the coordinates
  separable: false,
  needsHessian: true,
  stepScalars: NO_STEP_SCALARS,
  // JS only: the step needs the Hessian, which the shader does not compute
  glsl: null,
  create(p, dim) {
    const M = p.M as number;
    const work = cubicWork(dim);
    const s = new Float64Array(dim);
    return {
      step(x, g, { lr, hessian }) {
        if (!hessian) throw new Error('cubic needs the Hessian in its step context');
        cubicStep(g, hessian, M, dim, s, work);
        for (let i = 0; i < dim; i++) x[i] += lr * s[i];
        return false;
      },
    };
  },
};
