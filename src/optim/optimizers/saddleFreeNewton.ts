// Saddle-free Newton (Dauphin et al. 2014, "Identifying and attacking the saddle point problem in
// high-dimensional non-convex optimization", sec. 6): x <- x - lr |H|^-1 g, where |H| is H with
// each eigenvalue replaced by its absolute value, floored at `damping`:
//   H = sum_i lambda_i v_i v_i^T,   |H| = sum_i max(|lambda_i|, damping) v_i v_i^T.
// Along positive curvature the step is Newton's; along negative curvature it is Newton's with the
// sign turned, so it moves downhill, away from a saddle, where Newton is drawn to it. Dauphin et
// al. apply it in a Krylov subspace of large networks; here |H| is exact (the networks that get a
// dense Hessian have at most 400 weights).
//
// A start exactly on a saddle's stable manifold has a gradient with no component along the
// negative-curvature eigenvectors, and this step, like gradient descent's, adds none: it stays
// on the manifold. Off it by any amount, the component grows by a factor 1 + lr per step near a
// strict saddle (|lambda| / |lambda| = 1), where Newton's vanishes in one step.
//
// damping = 0 on a singular H divides by zero: the step is then not finite, which the engine
// reports as a divergence and undoes (as newton's singular solve). Nothing throws.
import { symmetricEigenWork, type SymmetricEigenWork } from '../../numeric/symmetricEigen';
import type { OptimizerDef } from '../types';
import { hessianEigenInto } from './hessianEigen';
import { lr } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

/** Scratch of one saddle-free step: the eigen-decomposition's (eigenvectors as rows). */
export type SaddleFreeWork = SymmetricEigenWork;

export const saddleFreeWork: (dim: number) => SaddleFreeWork = symmetricEigenWork;

/**
 * Writes s = |H|^-1 g into s (H row-major dim x dim, |H| floored at damping). Returns false when
 * the eigen-decomposition fails (a non-finite H); s is then NaN.
 */
export function saddleFreeStep(g: Float64Array, h: Float64Array, damping: number, dim: number, s: Float64Array, w: SaddleFreeWork): boolean {
  if (!hessianEigenInto(h, dim, w)) {
    s.fill(NaN);
    return false;
  }
  const { values, vectors: rows } = w;
  s.fill(0);
  for (let i = 0; i < dim; i++) {
    let gamma = 0;
    for (let k = 0; k < dim; k++) gamma += rows[i * dim + k] * g[k];
    const c = gamma / Math.max(Math.abs(values[i]), damping);
    for (let k = 0; k < dim; k++) s[k] += c * rows[i * dim + k];
  }
  return true;
}

export const saddleFreeNewton: OptimizerDef = {
  id: 'saddleFreeNewton',
  spec: {
    name: 'Saddle-free Newton',
    about: 'Saddle-free Newton (Dauphin et al. 2014): x <- x - lr |H|^-1 grad f, |H| with absolute eigenvalues; repelled by saddles.',
    params: {
      lr: lr(1),
      damping: { type: 'number', default: 1e-3, min: 0, max: 1e6, help: "floor on the Hessian's absolute eigenvalues" },
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
    const damping = p.damping as number;
    const work = saddleFreeWork(dim);
    const s = new Float64Array(dim);
    return {
      step(x, g, { lr, hessian }) {
        if (!hessian) throw new Error('saddleFreeNewton needs the Hessian in its step context');
        saddleFreeStep(g, hessian, damping, dim, s, work);
        for (let i = 0; i < dim; i++) x[i] -= lr * s[i];
        return false;
      },
    };
  },
};
