// The strong-Wolfe line search of torch.optim.LBFGS, ported line for line from torch 1.13's
// torch/optim/lbfgs.py (_cubic_interpolate and _strong_wolfe, themselves ported from
// torch/optim's lswolfe.lua and polyinterp.lua): the same branches, the same floating-point
// operations in the same order, so the same steps to the last bit.
//
// Porting notes:
// - Python's min(a, b) / max(a, b) return a unless b is strictly smaller / larger; pyMin/pyMax
//   keep that (it decides which end wins a tie, what a NaN does, and which object is returned).
// - torch's d1**2 on a 0-dim tensor is d1 * d1 (ATen's pow special-cases the exponent 2).
// - The trial point is torch's `p.add_(d, alpha=t)`, which is fma(t, d, p) (see quasiNewton/fma).
// - A step length in torch is a Python float or a 0-dim tensor, depending on where it came from
//   (LBFGS's first t = min(1., 1. / |g|_1) * lr is a tensor when 1 / |g|_1 < 1; lr is a float;
//   an interpolated t is a tensor unless a float bound won). It matters in one place: Python's
//   `float / tensor` is Tensor.__rtruediv__, which computes reciprocal(tensor) * float (two
//   roundings), and _cubic_interpolate divides the float 3 * (f1 - f2) by x1 - x2. So every step
//   length carries a flag saying whether torch holds it as a tensor (verified on torch 1.13:
//   float / tensor equals (1 / b) * a in 20,000 of 20,000 cases and a / b in 3 of 4).
// - torch clones every gradient it keeps (bracket_g, g_prev) and only rebinds g_new, so copying
//   values into buffers owned here gives the same numbers without allocating per evaluation.
import { fma } from './quasiNewton/fma';
import { dot, pyMax, pyMin } from './quasiNewton/vec';

/** f and its gradient at x. The gradient may be a buffer the evaluator reuses: it is read before the next call. */
export type Evaluate = (x: Float64Array) => { f: number; g: Float64Array };

export interface StrongWolfeOptions {
  /** Sufficient decrease (Armijo) constant; torch's default 1e-4. */
  c1: number;
  /** Curvature constant, |phi'(t)| <= c2 |phi'(0)|; torch's default 0.9. */
  c2: number;
  /** Stop zooming when the bracket is shorter than this (times max |d_i|); torch's 1e-9. */
  toleranceChange: number;
  /** At most this many evaluations after the first; torch's 25. */
  maxLs: number;
}

export const STRONG_WOLFE_DEFAULTS: Readonly<StrongWolfeOptions> = { c1: 1e-4, c2: 0.9, toleranceChange: 1e-9, maxLs: 25 };

export interface LineSearchResult {
  /** The accepted step length. */
  t: number;
  /** f(x + t d). */
  f: number;
  /** The gradient at x + t d: a buffer of the searcher, valid until its next search. */
  g: Float64Array;
  /** Evaluations made (torch's ls_func_evals), at least 1. */
  evals: number;
  /** Whether t meets the strong Wolfe conditions (torch's `done`). */
  wolfe: boolean;
}


/** Whether the last cubicStep's result is a tensor in torch (a module scratch: no allocation). */
let cubicIsTensor = false;

/**
 * torch's _cubic_interpolate with the float/tensor kinds of the abscissae and bounds (loT, hiT;
 * xT: whether x1 - x2 is a tensor). The slopes g1, g2 are always tensors in torch (dot products),
 * so d1 and min_pos are tensors.
 */
function cubicStep(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, xT: boolean, lo: number, loT: boolean, hi: number, hiT: boolean): number {
  const num = 3 * (f1 - f2);
  const d1 = g1 + g2 - (xT ? (1 / (x1 - x2)) * num : num / (x1 - x2));
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    let minPos: number;
    if (x1 <= x2) minPos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2));
    else minPos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    // min(max(min_pos, xmin_bound), xmax_bound), keeping which object won
    let v = minPos;
    cubicIsTensor = true;
    if (lo > v) {
      v = lo;
      cubicIsTensor = loT;
    }
    if (hi < v) {
      v = hi;
      cubicIsTensor = hiT;
    }
    return v;
  }
  cubicIsTensor = loT || hiT;
  return (lo + hi) / 2;
}

/** cubicStep without bounds: they are x1 and x2, in order. */
function cubicBetween(x1: number, x1T: boolean, f1: number, g1: number, x2: number, x2T: boolean, f2: number, g2: number): number {
  const xT = x1T || x2T;
  return x1 <= x2 ? cubicStep(x1, f1, g1, x2, f2, g2, xT, x1, x1T, x2, x2T) : cubicStep(x1, f1, g1, x2, f2, g2, xT, x2, x2T, x1, x1T);
}

/**
 * torch's _cubic_interpolate: the minimizer of the cubic through (x1, f1) and (x2, f2) with
 * slopes g1 and g2, clamped to the bounds (default: between x1 and x2), or the bounds' midpoint
 * when the cubic has no minimizer. The abscissae and bounds are taken as Python floats.
 */
export function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, bounds?: readonly [number, number]): number {
  if (bounds === undefined) return cubicBetween(x1, false, f1, g1, x2, false, f2, g2);
  return cubicStep(x1, f1, g1, x2, f2, g2, false, bounds[0], false, bounds[1], false);
}

/**
 * torch's _strong_wolfe for one dimension, with its buffers. One instance serves any number of
 * searches; search() allocates nothing: its result is one object of this instance (g one of
 * its buffers), overwritten by the next search.
 */
export class StrongWolfe {
  readonly options: StrongWolfeOptions;
  private readonly xt: Float64Array; // the trial point x + t d
  private readonly g0: Float64Array; // torch's g (the clone of the gradient at t = 0)
  private readonly gNew: Float64Array;
  private readonly gPrev: Float64Array;
  private readonly bracketG: [Float64Array, Float64Array];
  // bracket, its kinds (tensor or float), f and g.d values
  private readonly bracket = new Float64Array(2);
  private readonly bracketT = [false, false];
  private readonly bracketF = new Float64Array(2);
  private readonly bracketGtd = new Float64Array(2);
  /** The result of every search, overwritten by the next (so a search allocates nothing). */
  private readonly result: LineSearchResult;

  constructor(dim: number, options: Partial<StrongWolfeOptions> = {}) {
    this.options = { ...STRONG_WOLFE_DEFAULTS, ...options };
    this.xt = new Float64Array(dim);
    this.g0 = new Float64Array(dim);
    this.gNew = new Float64Array(dim);
    this.gPrev = new Float64Array(dim);
    this.bracketG = [new Float64Array(dim), new Float64Array(dim)];
    this.result = { t: NaN, f: NaN, g: this.bracketG[0], evals: 0, wolfe: false };
  }

  /**
   * Searches along d from x (neither is changed) starting with step t; f, g are f(x), grad f(x)
   * and gtd = g.d (< 0 for a descent direction). tIsTensor: whether torch would hold this t as
   * a 0-dim tensor (see the porting notes; only bit-exactness with torch depends on it).
   * The result is this instance's one object, overwritten by the next search.
   */
  search(evaluate: Evaluate, x: Float64Array, t: number, d: Float64Array, f: number, g: Float64Array, gtd: number, tIsTensor = false): LineSearchResult {
    const { c1, c2, toleranceChange, maxLs } = this.options;
    const { g0, gNew, gPrev, bracket, bracketT, bracketF, bracketG, bracketGtd } = this;
    let dNorm = 0; // d.abs().max(), NaN if any is (as torch's max)
    for (let i = 0; i < d.length; i++) dNorm = Math.max(dNorm, Math.abs(d[i]));
    g0.set(g);
    let fNew = this.directional(evaluate, x, t, d);
    let lsFuncEvals = 1;
    let gtdNew = dot(gNew, d);

    // bracket an interval containing a point satisfying the Wolfe criteria
    let tT = tIsTensor;
    let tPrev = 0; // a Python int
    let tPrevT = false;
    let fPrev = f;
    gPrev.set(g0);
    let gtdPrev = gtd;
    let done = false;
    let lsIter = 0;
    let bracketLength = 2;
    while (lsIter < maxLs) {
      // check conditions
      if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
        this.setBracket(tPrev, tPrevT, fPrev, gPrev, gtdPrev, t, tT, fNew, gNew, gtdNew);
        break;
      }
      if (Math.abs(gtdNew) <= -c2 * gtd) {
        bracketLength = 1;
        bracket[0] = t;
        bracketT[0] = tT;
        bracketF[0] = fNew;
        bracketG[0].set(gNew);
        done = true;
        break;
      }
      if (gtdNew >= 0) {
        this.setBracket(tPrev, tPrevT, fPrev, gPrev, gtdPrev, t, tT, fNew, gNew, gtdNew);
        break;
      }
      // interpolate
      const minStep = t + 0.01 * (t - tPrev);
      const maxStep = t * 10;
      const tmp = t;
      const tmpT = tT;
      t = cubicStep(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, tPrevT || tT, minStep, tT || tPrevT, maxStep, tT);
      tT = cubicIsTensor;
      // next step
      tPrev = tmp;
      tPrevT = tmpT;
      fPrev = fNew;
      gPrev.set(gNew);
      gtdPrev = gtdNew;
      fNew = this.directional(evaluate, x, t, d);
      lsFuncEvals += 1;
      gtdNew = dot(gNew, d);
      lsIter += 1;
    }
    // reached max number of iterations? (bracket_gtd is not needed then: the zoom does not run)
    if (lsIter === maxLs) this.setBracket(0, false, f, g0, NaN, t, tT, fNew, gNew, NaN);

    // zoom phase: we now have a point satisfying the criteria, or a bracket around it
    let insufProgress = false;
    // find high and low points in bracket (torch compares bracket_f[0] with bracket_f[-1])
    let lowPos = bracketF[0] <= bracketF[bracketLength - 1] ? 0 : 1;
    let highPos = 1 - lowPos;
    while (!done && lsIter < maxLs) {
      // line-search bracket is so small
      if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
      // compute new trial value
      t = cubicBetween(bracket[0], bracketT[0], bracketF[0], bracketGtd[0], bracket[1], bracketT[1], bracketF[1], bracketGtd[1]);
      tT = cubicIsTensor;
      // test that we are making sufficient progress: a t close to an end of the bracket, twice
      // in a row or at the end itself, is moved 0.1 of the bracket's length inside it
      const bMax = pyMax(bracket[0], bracket[1]);
      const bMin = pyMin(bracket[0], bracket[1]);
      const eps = 0.1 * (bMax - bMin);
      if (pyMin(bMax - t, t - bMin) < eps) {
        // interpolation close to boundary
        if (insufProgress || t >= bMax || t <= bMin) {
          // evaluate at 0.1 away from boundary
          if (Math.abs(t - bMax) < Math.abs(t - bMin)) t = bMax - eps;
          else t = bMin + eps;
          tT = bracketT[0] || bracketT[1]; // eps involves both ends
          insufProgress = false;
        } else {
          insufProgress = true;
        }
      } else {
        insufProgress = false;
      }
      // Evaluate new point
      fNew = this.directional(evaluate, x, t, d);
      lsFuncEvals += 1;
      gtdNew = dot(gNew, d);
      lsIter += 1;
      if (fNew > f + c1 * t * gtd || fNew >= bracketF[lowPos]) {
        // Armijo condition not satisfied or not lower than lowest point
        bracket[highPos] = t;
        bracketT[highPos] = tT;
        bracketF[highPos] = fNew;
        bracketG[highPos].set(gNew);
        bracketGtd[highPos] = gtdNew;
        lowPos = bracketF[0] <= bracketF[1] ? 0 : 1;
        highPos = 1 - lowPos;
      } else {
        if (Math.abs(gtdNew) <= -c2 * gtd) {
          // Wolfe conditions satisfied
          done = true;
        } else if (gtdNew * (bracket[highPos] - bracket[lowPos]) >= 0) {
          // old high becomes new low
          bracket[highPos] = bracket[lowPos];
          bracketT[highPos] = bracketT[lowPos];
          bracketF[highPos] = bracketF[lowPos];
          bracketG[highPos].set(bracketG[lowPos]);
          bracketGtd[highPos] = bracketGtd[lowPos];
        }
        // new point becomes new low
        bracket[lowPos] = t;
        bracketT[lowPos] = tT;
        bracketF[lowPos] = fNew;
        bracketG[lowPos].set(gNew);
        bracketGtd[lowPos] = gtdNew;
      }
    }
    // return stuff (torch raises an IndexError for a NaN f in a one-point bracket; position 0 here)
    if (bracketLength === 1) lowPos = 0;
    const r = this.result;
    r.t = bracket[lowPos];
    r.f = bracketF[lowPos];
    r.g = bracketG[lowPos];
    r.evals = lsFuncEvals;
    r.wolfe = done;
    return r;
  }

  /** f at x + t d (torch's _directional_evaluate), its gradient copied into gNew. */
  private directional(evaluate: Evaluate, x: Float64Array, t: number, d: Float64Array): number {
    const { xt } = this;
    for (let i = 0; i < x.length; i++) xt[i] = fma(t, d[i], x[i]);
    const r = evaluate(xt);
    this.gNew.set(r.g);
    return r.f;
  }

  /** The two-point bracket [t0, t1] with kinds, f, g and g.d. */
  private setBracket(t0: number, t0T: boolean, f0: number, ga: Float64Array, gtd0: number, t1: number, t1T: boolean, f1: number, gb: Float64Array, gtd1: number): void {
    const { bracket, bracketT, bracketF, bracketG, bracketGtd } = this;
    bracket[0] = t0;
    bracket[1] = t1;
    bracketT[0] = t0T;
    bracketT[1] = t1T;
    bracketF[0] = f0;
    bracketF[1] = f1;
    bracketG[0].set(ga);
    bracketG[1].set(gb);
    bracketGtd[0] = gtd0;
    bracketGtd[1] = gtd1;
  }
}
