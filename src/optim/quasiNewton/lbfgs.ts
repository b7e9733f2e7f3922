// L-BFGS exactly as torch.optim.LBFGS (torch 1.13, torch/optim/lbfgs.py) with max_iter = 1: one
// L-BFGS iteration per step, the history kept across steps. With max_iter = 1, torch's step()
// evaluates the closure at the current point (orig_loss; here the caller's f and g), updates the
// memory from the previous step's pair, runs the two-loop recursion, and moves x by t d, with
// t = lr (min(1, 1/||g||_1) lr on the very first iteration) or the strong-Wolfe line search's
// step. Without a line search it does not re-evaluate (torch skips that on its last iteration).
//
// torch's early exits are not applied: no return when max|g| <= tolerance_grad, no break when
// g.d > -tolerance_change (the engine has its own stopping rules). Everything else, including
// the order of floating-point operations, is torch's; its `v.add_(w, alpha=a)` is fma(a, w, v).
import { StrongWolfe, type Evaluate } from '../lineSearch';
import { fma } from './fma';
import { NOTE, newStepResult, type LineSearchMethod, type StepResult } from './types';
import { dot, pyMin, sumAbs } from './vec';

export type LineSearchKind = 'none' | 'strongWolfe';

export interface LbfgsOptions {
  /** torch's lr: the fixed step, or the line search's first trial step. Default 1. */
  lr: number;
  /** Number of (s, y) pairs kept. Default 100. */
  historySize: number;
  /** Default 'none' (torch's line_search_fn=None). */
  lineSearch: LineSearchKind;
}

export const LBFGS_DEFAULTS: Readonly<LbfgsOptions> = { lr: 1, historySize: 100, lineSearch: 'none' };

/** torch only stores a pair when y's exceeds this (lbfgs.py: `if ys > 1e-10`). */
const MIN_CURVATURE = 1e-10;

export class Lbfgs implements LineSearchMethod {
  readonly options: LbfgsOptions;
  /** torch's state['n_iter']: iterations so far. */
  nIter = 0;
  /** torch's H_diag: the initial inverse Hessian's scale, y's / y'y of the newest pair. */
  hDiag = 1;
  /** torch's t: the last step length. */
  t = 0;
  private readonly dim: number;
  private readonly d: Float64Array; // torch's d (and r): the search direction
  private readonly q: Float64Array;
  private readonly y: Float64Array;
  private readonly s: Float64Array;
  private readonly prevFlatGrad: Float64Array;
  /** torch's old_dirs (the y's), old_stps (the s's) and ro (1 / y's), oldest first. */
  private readonly oldDirs: Float64Array[] = [];
  private readonly oldStps: Float64Array[] = [];
  private readonly ro: number[] = [];
  private readonly al: Float64Array;
  private readonly search: StrongWolfe | null;
  /** The result of every step, overwritten by the next (so a step allocates nothing). */
  private readonly result = newStepResult();

  constructor(dim: number, options: Partial<LbfgsOptions> = {}) {
    this.options = { ...LBFGS_DEFAULTS, ...options };
    this.dim = dim;
    this.d = new Float64Array(dim);
    this.q = new Float64Array(dim);
    this.y = new Float64Array(dim);
    this.s = new Float64Array(dim);
    this.prevFlatGrad = new Float64Array(dim);
    this.al = new Float64Array(this.options.historySize);
    this.search = this.options.lineSearch === 'strongWolfe' ? new StrongWolfe(dim) : null;
  }

  /** The number of stored (s, y) pairs. */
  get historyLength(): number {
    return this.oldDirs.length;
  }

  step(x: Float64Array, g: Float64Array, f: number, evaluate: Evaluate, lr = this.options.lr): StepResult {
    const { dim, d, q, prevFlatGrad, oldDirs, oldStps, ro, al, result } = this;
    result.notes = 0;
    this.nIter += 1;
    if (this.nIter === 1) {
      for (let i = 0; i < dim; i++) d[i] = -g[i];
      oldDirs.length = 0;
      oldStps.length = 0;
      ro.length = 0;
      this.hDiag = 1;
    } else {
      // do lbfgs update (update memory)
      const { y, s } = this;
      for (let i = 0; i < dim; i++) {
        y[i] = g[i] - prevFlatGrad[i];
        s[i] = d[i] * this.t;
      }
      const ys = dot(y, s);
      if (ys > MIN_CURVATURE) {
        // shift history by one (limited-memory), reusing the dropped pair's buffers
        const full = oldDirs.length === this.options.historySize;
        const dir = full ? oldDirs.shift()! : new Float64Array(dim);
        const stp = full ? oldStps.shift()! : new Float64Array(dim);
        if (full) ro.shift();
        dir.set(y);
        stp.set(s);
        oldDirs.push(dir);
        oldStps.push(stp);
        ro.push(1 / ys);
        // update scale of initial Hessian approximation
        this.hDiag = ys / dot(y, y);
      } else {
        result.notes |= NOTE.historySkipped;
      }
      // the two-loop recursion, collapsed to one buffer as torch's
      const numOld = oldDirs.length;
      for (let i = 0; i < dim; i++) q[i] = -g[i];
      for (let i = numOld - 1; i >= 0; i--) {
        al[i] = dot(oldStps[i], q) * ro[i];
        const dir = oldDirs[i];
        const a = -al[i];
        for (let j = 0; j < dim; j++) q[j] = fma(a, dir[j], q[j]);
      }
      // multiply by initial Hessian; r/d is the final direction
      for (let i = 0; i < dim; i++) d[i] = q[i] * this.hDiag;
      for (let i = 0; i < numOld; i++) {
        const beI = dot(oldDirs[i], d) * ro[i];
        const stp = oldStps[i];
        const a = al[i] - beI;
        for (let j = 0; j < dim; j++) d[j] = fma(a, stp[j], d[j]);
      }
    }
    prevFlatGrad.set(g);
    // reset initial guess for step size: min(1., 1. / |g|_1) * lr, a tensor when 1 / |g|_1 wins
    const inverseL1 = 1 / sumAbs(g);
    let t = this.nIter === 1 ? pyMin(1, inverseL1) * lr : lr;
    let evals = 1;
    if (this.search) {
      const gtd = dot(g, d);
      const found = this.search.search(evaluate, x, t, d, f, g, gtd, this.nIter === 1 && inverseL1 < 1);
      t = found.t;
      evals += found.evals;
      if (!found.wolfe) result.notes |= NOTE.wolfeNotMet;
    }
    for (let i = 0; i < dim; i++) x[i] = fma(t, d[i], x[i]);
    this.t = t;
    result.evals = evals;
    result.t = t;
    return result;
  }
}
