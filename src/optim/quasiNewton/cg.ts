// Nonlinear conjugate gradients (Nocedal and Wright, Numerical Optimization, 2nd ed., 5.2):
// d = -g + beta d_prev with
//   fletcherReeves    beta = g'g / g_prev'g_prev                       (N&W 5.41a)
//   polakRibierePlus  beta = max(0, g'(g - g_prev) / g_prev'g_prev)    (5.44, 5.45)
//   hestenesStiefel   beta = g'(g - g_prev) / (g - g_prev)'d_prev      (5.46)
// and a strong-Wolfe line search (lineSearch.ts, torch's) with N&W's c2 = 0.1 for CG (3.1;
// Fletcher-Reeves needs c2 < 1/2 to guarantee descent, Lemma 5.6). It restarts with steepest
// descent every dim steps (N&W 5.2, "restarts"), and whenever d is not a descent direction.
// The first trial step is min(1, 1/||g||_1) lr (torch's L-BFGS rule); later ones
// t_prev g_prev'd_prev / g'd (N&W eq. 3.60: the same first-order change as the last step),
// falling back to the first rule when that is not a positive number.
import { StrongWolfe, type Evaluate, type StrongWolfeOptions } from '../lineSearch';
import { fma } from './fma';
import { NOTE, newStepResult, stationary, type LineSearchMethod, type StepResult } from './types';
import { dot, pyMin, sumAbs } from './vec';

export type CgBeta = 'fletcherReeves' | 'polakRibierePlus' | 'hestenesStiefel';

export interface CgOptions {
  /** Default 'polakRibierePlus'. */
  beta: CgBeta;
  /** Scale of the first trial step. Default 1. */
  lr: number;
  /** The strong-Wolfe constants; c2 = 0.1 by default (N&W for CG). */
  lineSearch: Partial<StrongWolfeOptions>;
}

export const CG_DEFAULTS: Readonly<CgOptions> = { beta: 'polakRibierePlus', lr: 1, lineSearch: { c2: 0.1 } };

export class ConjugateGradient implements LineSearchMethod {
  readonly options: CgOptions;
  /** Steps taken, and restarts to steepest descent (periodic or for a non-descent d). */
  iterations = 0;
  restarts = 0;
  private readonly dim: number;
  private readonly d: Float64Array;
  private readonly gPrev: Float64Array;
  private sinceRestart = 0;
  private tPrev = 0;
  private gtdPrev = 0;
  private readonly search: StrongWolfe;
  /** The result of every step, overwritten by the next (so a step allocates nothing). */
  private readonly result = newStepResult();

  constructor(dim: number, options: Partial<CgOptions> = {}) {
    this.options = { ...CG_DEFAULTS, ...options, lineSearch: { ...CG_DEFAULTS.lineSearch, ...options.lineSearch } };
    this.dim = dim;
    this.d = new Float64Array(dim);
    this.gPrev = new Float64Array(dim);
    this.search = new StrongWolfe(dim, this.options.lineSearch);
  }

  step(x: Float64Array, g: Float64Array, f: number, evaluate: Evaluate, lr = this.options.lr): StepResult {
    const { dim, d, result } = this;
    result.notes = 0;
    let steepest = this.iterations === 0;
    if (!steepest && this.sinceRestart >= dim) {
      steepest = true;
      result.notes |= NOTE.restart;
    }
    if (!steepest) {
      const beta = this.beta(g);
      for (let i = 0; i < dim; i++) d[i] = -g[i] + beta * d[i];
      if (!(dot(g, d) < 0)) {
        steepest = true;
        result.notes |= NOTE.notDescent;
      }
    }
    if (steepest) {
      for (let i = 0; i < dim; i++) d[i] = -g[i];
      if (this.iterations > 0) this.restarts += 1;
      this.sinceRestart = 0;
    }
    const gtd = dot(g, d);
    if (!(gtd < 0)) return stationary(result);
    let t0 = (this.tPrev * this.gtdPrev) / gtd;
    if (this.iterations === 0 || !(t0 > 0 && t0 < Infinity)) t0 = pyMin(1, 1 / sumAbs(g)) * lr;
    this.gPrev.set(g); // before the search: g may be the evaluator's buffer
    const found = this.search.search(evaluate, x, t0, d, f, g, gtd);
    if (!found.wolfe) result.notes |= NOTE.wolfeNotMet;
    for (let i = 0; i < dim; i++) x[i] = fma(found.t, d[i], x[i]);
    this.tPrev = found.t;
    this.gtdPrev = gtd;
    this.sinceRestart += 1;
    this.iterations += 1;
    result.evals = 1 + found.evals;
    result.t = found.t;
    return result;
  }

  private beta(g: Float64Array): number {
    const { gPrev, d } = this;
    let gg = 0;
    let gy = 0; // g'(g - g_prev)
    let dy = 0; // d_prev'(g - g_prev)
    let gPrevSq = 0;
    for (let i = 0; i < g.length; i++) {
      const y = g[i] - gPrev[i];
      gg += g[i] * g[i];
      gy += g[i] * y;
      dy += d[i] * y;
      gPrevSq += gPrev[i] * gPrev[i];
    }
    switch (this.options.beta) {
      case 'fletcherReeves':
        return gg / gPrevSq;
      case 'polakRibierePlus':
        return Math.max(0, gy / gPrevSq);
      case 'hestenesStiefel':
        return gy / dy;
    }
  }
}
