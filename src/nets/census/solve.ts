// Finds a critical point of the training objective L near a start by driving ||grad L|| to 0:
// Levenberg-Marquardt on the residual r(w) = grad L(w), whose Jacobian is the Hessian H (exact,
// ../spectrum/hessian.ts). Each step solves (H^2 + mu I) dw = -H g, the damped Gauss-Newton step
// for min ||g||^2 / 2 (Levenberg 1944; Marquardt 1963). Unlike a descent method on L it is drawn
// to critical points of every index, saddles included, as Dauphin et al. (2014, sec. 7) and
// Pennington and Bahri (2017) use it to sample them. In H's eigenbasis (H = sum lambda_i v_i v_i^T,
// gamma_i = v_i . g) the step is dw = -sum v_i lambda_i gamma_i / (lambda_i^2 + mu), so one
// eigendecomposition per iterate serves every trial mu. A step is taken only if it lowers ||g||;
// then mu /= 3, else mu *= 4 and retry (at most MAX_TRIALS times). mu starts at 1e-3 max lambda^2.
//
// Outcomes: 'converged' (||g|| <= eps), 'maxIter', 'stalled' (no trial lowers ||g||: a local
// minimum of ||g||^2 that is not a critical point, or the rounding floor), 'leftBound' (a weight
// beyond weightBound: the logistic loss has critical points "at infinity", where saturated units
// make g vanish without a stationary point, and those are not counted).
import { symmetricEigenInto, symmetricEigenWork } from '../../numeric/symmetricEigen';
import { l2norm } from '../../optim/gradient';
import type { NetObjective } from '../objective';
import { exactHessian } from '../spectrum/hessian';

export const SOLVER_METHOD =
  'Levenberg-Marquardt on grad L: (H^2 + mu I) dw = -H g with H the exact Hessian (Pearlmutter R-operator), solved in H\'s eigenbasis; a step is kept only if it lowers ||grad L||, then mu /= 3, else mu *= 4; mu starts at 1e-3 max lambda^2';

const MAX_TRIALS = 40;

export interface SolverOptions {
  /** Stop when ||grad L|| <= eps. */
  eps: number;
  maxIter: number;
  /** Give up when a weight leaves [-weightBound, weightBound]. */
  weightBound: number;
}

export type SolverOutcome = 'converged' | 'maxIter' | 'stalled' | 'leftBound';

export interface SolverResult {
  outcome: SolverOutcome;
  w: Float64Array;
  loss: number;
  gradNorm: number;
  iterations: number;
}

export function findCriticalPoint(objective: NetObjective, start: Float64Array, opts: SolverOptions): SolverResult {
  const n = objective.dim;
  const w = start.slice();
  const trial = new Float64Array(n);
  const g = new Float64Array(n);
  const gt = new Float64Array(n);
  const gamma = new Float64Array(n);
  const h = new Float64Array(n * n);
  const eig = symmetricEigenWork(n);
  let loss = objective.lossGrad(w, g).loss;
  let gn = l2norm(g);
  let mu = NaN;
  const done = (outcome: SolverOutcome, iterations: number): SolverResult => ({ outcome, w, loss, gradNorm: gn, iterations });
  for (let it = 0; it < opts.maxIter; it++) {
    if (!Number.isFinite(gn)) return done('stalled', it);
    if (gn <= opts.eps) return done('converged', it);
    exactHessian(objective, w, h);
    if (!symmetricEigenInto(h, n, true, eig)) return done('stalled', it);
    const { values, vectors } = eig;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i * n + k] * g[k];
      gamma[i] = s;
    }
    if (Number.isNaN(mu)) mu = 1e-3 * Math.max(values[0] * values[0], values[n - 1] * values[n - 1]) || 1e-12;
    let accepted = false;
    for (let t = 0; t < MAX_TRIALS && !accepted; t++) {
      trial.set(w);
      for (let i = 0; i < n; i++) {
        const c = (-values[i] * gamma[i]) / (values[i] * values[i] + mu);
        if (c === 0) continue;
        for (let k = 0; k < n; k++) trial[k] += c * vectors[i * n + k];
      }
      const tl = objective.lossGrad(trial, gt).loss;
      const tn = l2norm(gt);
      if (tn < gn && Number.isFinite(tl)) {
        accepted = true;
        w.set(trial);
        g.set(gt);
        loss = tl;
        gn = tn;
        mu = Math.max(mu / 3, 1e-300);
      } else mu *= 4;
    }
    if (!accepted) return done('stalled', it + 1);
    for (let i = 0; i < n; i++) if (!(Math.abs(w[i]) <= opts.weightBound)) return done('leftBound', it + 1);
  }
  return done(gn <= opts.eps ? 'converged' : 'maxIter', opts.maxIter);
}
