// BFGS with a dense inverse-Hessian approximation H (Nocedal and Wright, Numerical Optimization,
// 2nd ed., Algorithm 6.1): d = -H g, a strong-Wolfe line search along d (lineSearch.ts, torch's),
// then with s = x_{k+1} - x_k and y = g_{k+1} - g_k the update (N&W eq. 6.17)
//   H <- (I - rho s y') H (I - rho y s') + rho s s',   rho = 1 / y's.
// H starts as I; after the first step, before the first update, it is rescaled to
// (y's / y'y) I (N&W eq. 6.20), which gives it the curvature's scale. When y's <= 0 the update
// would lose positive definiteness (the strong Wolfe conditions rule this out in exact
// arithmetic, rounding and a failed search do not), so it is skipped and counted. So is an
// update whose numbers are not finite: far past convergence (gradTol 0), s and y shrink toward
// the smallest doubles, where y's > 0 can still hold while 1 / y's or y's / y'y overflows.
//
// One iteration per step, like Lbfgs: the update from the previous step's pair happens at the
// start of the next step, from the gradient the caller passes there.
import { StrongWolfe, type Evaluate, type StrongWolfeOptions } from '../lineSearch';
import { fma } from './fma';
import { NOTE, newStepResult, stationary, type LineSearchMethod, type StepResult } from './types';
import { dot, pyMin, sumAbs } from './vec';

export interface BfgsOptions {
  /** Scale of the line search's first trial step: lr, and min(1, 1/||g||_1) lr on the first step (torch's L-BFGS rule, since H = I has no scale yet). Default 1. */
  lr: number;
  /** The strong-Wolfe constants; N&W's c2 = 0.9 for quasi-Newton methods by default. */
  lineSearch: Partial<StrongWolfeOptions>;
}

export const BFGS_DEFAULTS: Readonly<BfgsOptions> = { lr: 1, lineSearch: {} };

export class Bfgs implements LineSearchMethod {
  readonly options: BfgsOptions;
  /** The inverse-Hessian approximation, row-major dim x dim. */
  readonly inverseHessian: Float64Array;
  /** Steps taken. */
  iterations = 0;
  /** Updates applied since H was last I, and updates skipped (y's <= 0) over the run. */
  updates = 0;
  skippedUpdates = 0;
  private readonly dim: number;
  private readonly d: Float64Array;
  private readonly xPrev: Float64Array;
  private readonly gPrev: Float64Array;
  private readonly s: Float64Array;
  private readonly y: Float64Array;
  private readonly hy: Float64Array;
  private readonly u: Float64Array;
  private readonly search: StrongWolfe;
  /** The result of every step, overwritten by the next (so a step allocates nothing). */
  private readonly result = newStepResult();

  constructor(dim: number, options: Partial<BfgsOptions> = {}) {
    this.options = { ...BFGS_DEFAULTS, ...options };
    this.dim = dim;
    this.inverseHessian = new Float64Array(dim * dim);
    this.resetInverseHessian();
    this.d = new Float64Array(dim);
    this.xPrev = new Float64Array(dim);
    this.gPrev = new Float64Array(dim);
    this.s = new Float64Array(dim);
    this.y = new Float64Array(dim);
    this.hy = new Float64Array(dim);
    this.u = new Float64Array(dim);
    this.search = new StrongWolfe(dim, this.options.lineSearch);
  }

  step(x: Float64Array, g: Float64Array, f: number, evaluate: Evaluate, lr = this.options.lr): StepResult {
    const { dim, d, inverseHessian: h, result } = this;
    result.notes = 0;
    if (this.iterations > 0 && !this.update(x, g)) result.notes |= NOTE.updateSkipped;
    this.xPrev.set(x);
    this.gPrev.set(g);
    for (let i = 0; i < dim; i++) {
      let v = 0;
      for (let j = 0; j < dim; j++) v -= h[i * dim + j] * g[j];
      d[i] = v;
    }
    let gtd = dot(g, d);
    if (!(gtd < 0)) {
      // H lost positive definiteness to rounding (or g is 0): steepest descent, H back to I
      if (!(dot(g, g) > 0)) return stationary(result);
      result.notes |= NOTE.notDescent;
      this.resetInverseHessian();
      for (let i = 0; i < dim; i++) d[i] = -g[i];
      gtd = dot(g, d);
    }
    const t0 = this.iterations === 0 ? pyMin(1, 1 / sumAbs(g)) * lr : lr;
    const found = this.search.search(evaluate, x, t0, d, f, g, gtd);
    if (!found.wolfe) result.notes |= NOTE.wolfeNotMet;
    for (let i = 0; i < dim; i++) x[i] = fma(found.t, d[i], x[i]);
    this.iterations += 1;
    result.evals = 1 + found.evals;
    result.t = found.t;
    return result;
  }

  /** H = I, rescaled again by the next update (6.20). */
  private resetInverseHessian(): void {
    const { dim, inverseHessian: h } = this;
    h.fill(0);
    for (let i = 0; i < dim; i++) h[i * dim + i] = 1;
    this.updates = 0;
  }

  /** The update from the last step's pair; false when skipped (y's <= 0). */
  private update(x: Float64Array, g: Float64Array): boolean {
    const { dim, s, y, hy, inverseHessian: h } = this;
    for (let i = 0; i < dim; i++) {
      s[i] = x[i] - this.xPrev[i];
      y[i] = g[i] - this.gPrev[i];
    }
    const ys = dot(y, s);
    const rho = 1 / ys;
    const scale = this.updates === 0 ? ys / dot(y, y) : 1;
    if (!(ys > 0) || !(rho < Infinity) || !(scale < Infinity)) {
      this.skippedUpdates += 1;
      return false;
    }
    if (this.updates === 0) {
      for (let i = 0; i < dim; i++) h[i * dim + i] = scale; // H is I here
    }
    // H+ = H - rho (s (Hy)' + (Hy) s') + (rho^2 y'Hy + rho) s s'  (6.17 expanded; H symmetric)
    for (let i = 0; i < dim; i++) {
      let v = 0;
      for (let j = 0; j < dim; j++) v += h[i * dim + j] * y[j];
      hy[i] = v;
    }
    // with u = rho s: H+ = H - (u (Hy)' + (Hy) u') + (y'Hy) u u' + u s'. rho s first, so that a
    // tiny y's (1e-170 past convergence) does not overflow rho^2; the upper triangle mirrored,
    // so H stays exactly symmetric.
    const yhy = dot(y, hy);
    const u = this.u;
    for (let i = 0; i < dim; i++) u[i] = rho * s[i];
    for (let i = 0; i < dim; i++) {
      for (let j = i; j < dim; j++) {
        const v = h[i * dim + j] + (yhy * u[i] * u[j] + u[i] * s[j] - (u[i] * hy[j] + hy[i] * u[j]));
        h[i * dim + j] = v;
        h[j * dim + i] = v;
      }
    }
    this.updates += 1;
    return true;
  }
}
