// One run on a d-dimensional function (src/functions), advanced a few steps at a time, by the
// same run rules as a surface run (runRules.ts, experiment-v1.md "Semantics of one run"):
//   1. record x_t (all d coordinates), f(x_t) and ||grad f(x_t)||;
//   2. runStopCode (runRules.ts): not finite -> diverged (at the start only: the run then records no point),
//      then gradTol (with stop.secondOrder: only where lambda_min >= -sqrt(rho eps), the
//      spectrum computed only at eps-stationary points), then maxSteps, then maxEvals;
//   3. stepGradient: gradNoise, then clipping;
//   4. the optimizer's step at LrSchedule.at(t); second-order methods get the dense d x d Hessian
//      (offered up to d = LIMITS.denseHessianDim.max: the engine refuses them above); line
//      searches (lbfgs, bfgs, cg) get f(x_t) and an evaluator of f and its gradient, and report
//      the evaluations they spent (RunChunk.evals, stop.maxEvals);
//   5. diverged if x_{t+1} or f there is not finite or leaves the d-dimensional box
//      (runRulesDivergence.ts, vectorDivergenceBox), or the gradient there is not finite; the run
//      then keeps x_t, its last finite point.
// At the stop, the Hessian's spectrum (spectrum.ts: every eigenvalue for d <= 200, Lanczos's
// extremes above) gives lambda_min, lambda_max, the index where known, the kind and the verdict.
// A random start (Run.startRadius) is drawn uniformly from the Euclidean ball around the run's
// start, from the run's own stream, before anything else draws from it.
import type { ParamValue, Run, RunStop, SecondOrderRule } from '../experiment/types';
import { DENSE_MAX_DIM, type Instance } from '../functions/types';
import { nonFiniteStepCause } from './divergenceCause';
import { l2norm } from './gradient';
import type { Evaluate } from './lineSearch';
import { addUniformBall } from './optimizers/pgd';
import type { Rng } from './rng';
import { runStopCode, stepGradient, STOP, STOP_REASONS, type StopRule } from './runRules';
import { isOutsideVectorBox, type VectorBox, vectorDivergedAt, vectorDivergenceBox } from './runRulesDivergence';
import { LrSchedule } from './schedule';
import { spectrum } from './spectrum';
import type { RunChunk } from './surfaceRun';
import type { OptimizerDef, OptimizerInstance, StepContext } from './types';
import { fmtNum, spectrumKind, type StopSpectrum, vectorVerdict, withNotes } from './verdict';

/**
 * Points recorded by one call of advance(): a surface's chunk with `dim` set, so that every
 * engine's consumer (the CLI's output, the worker's stream) reads one chunk type; point i is
 * xy[i * dim .. (i + 1) * dim).
 */
export type VectorChunk = RunChunk & { dim: number };

export interface VectorRunConfig {
  index: number;
  run: Run;
  instance: Instance;
  def: OptimizerDef;
  params: Record<string, ParamValue>;
  /** The run's start before its random draw (Run.start, or the function's default start). */
  start: Float64Array;
  maxSteps: number;
  gradTol: number;
  /** stop.maxEvals; undefined: no budget. */
  maxEvals?: number;
  /** The second-order stopping rule (stop.secondOrder); absent: ||grad f|| <= eps alone. */
  secondOrder?: SecondOrderRule;
  rng: Rng;
  /** Seed of the Lanczos start vector at the stop (d > 200). */
  seed: number;
}

/** Whether every entry is finite (a loop: every() with a callback costs a call per coordinate per step). */
function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** The spectrum at x as the verdict needs it, or null where the Hessian is not finite. */
export function stopSpectrum(instance: Instance, x: Float64Array, seed: number, leaveOutSymmetry = true): StopSpectrum | null {
  // The flat directions of a symmetry (matrix factorization's U -> U Q) say nothing of the kind: left out.
  const s = spectrum(instance, x, { seed, leaveOutSymmetry });
  if (!Number.isFinite(s.lambdaMin) || !Number.isFinite(s.lambdaMax)) return null;
  const zeroInside = s.eigenvalues !== null && s.eigenvalues.some((l) => Math.abs(l) <= s.threshold);
  return { method: s.method, lambdaMin: s.lambdaMin, lambdaMax: s.lambdaMax, index: s.index, threshold: s.threshold, zeroInside, converged: s.converged, ...(s.flat ? { flat: s.flat } : {}) };
}

/** f and the gradient of a function at any point, into one reused result (StepContext.evaluate). */
export function instanceEvaluator(instance: Instance): Evaluate {
  const out = { f: 0, g: new Float64Array(instance.dim) };
  return (p) => {
    out.f = instance.grad(p, out.g);
    return out;
  };
}

export class VectorRun {
  readonly index: number;
  readonly dim: number;
  /** The current point x_t. */
  readonly x: Float64Array;
  /** x_0, after the random draw. */
  readonly x0: Float64Array;
  private g: Float64Array;
  private gNext: Float64Array;
  private readonly prev: Float64Array;
  private readonly opt: OptimizerInstance;
  private readonly ctx: StepContext;
  /** Numbers from the start (a field declared without a value is undefined first, and V8 then boxes every number written to it: see fx). */
  private readonly baseLr: number = NaN;
  /**
   * null for a constant rate, and touchesGradient false without noise or clipping: the loop then
   * never calls at() or stepGradient, whose inlined code used V8's inlining budget, so that
   * runStopCode was not inlined and boxed f and ||g|| in two heap numbers per step (as surfaceRun).
   */
  private readonly schedule: LrSchedule | null;
  private readonly touchesGradient: boolean;
  private readonly box: VectorBox;
  /** Step index of the current point x_t; its f and gradient are already evaluated. */
  private t = 0;
  /**
   * f(x_t). Initialised here with a number: a field declared without one is defined as
   * undefined first (ES2022 class fields), which makes V8 store it boxed, a heap number per step.
   */
  private fx = NaN;
  /** Evaluations spent by the steps before t (RunResult.evals). */
  private evals = 0;
  /** The spectrum at x_t, computed once per step t (the second-order test, then the stop verdict). */
  private spectrumAt: { t: number; value: StopSpectrum | null } | null = null;
  private stopped: RunStop | null = null;

  /** The stop test's settings (runRules.runStopCode), read once from the config. */
  private readonly stopRule: StopRule;

  constructor(private readonly cfg: VectorRunConfig) {
    this.stopRule = { gradTol: cfg.gradTol, maxSteps: cfg.maxSteps, rho: cfg.secondOrder?.rho, maxEvals: cfg.maxEvals };
    const d = cfg.instance.dim;
    this.index = cfg.index;
    this.dim = d;
    this.x = cfg.start.slice();
    if (cfg.run.startRadius !== undefined) addUniformBall(this.x, cfg.run.startRadius, cfg.rng, new Float64Array(d));
    this.x0 = this.x.slice();
    this.g = new Float64Array(d);
    this.gNext = new Float64Array(d);
    this.prev = new Float64Array(d);
    this.opt = cfg.def.create(cfg.params, d);
    this.baseLr = cfg.params.lr as number;
    const schedule = cfg.run.schedule;
    this.schedule = schedule && schedule.kind !== 'constant' ? new LrSchedule(this.baseLr, schedule) : null;
    this.touchesGradient = Boolean(cfg.run.gradNoise) || (cfg.run.clip !== undefined && cfg.run.clip !== null);
    this.box = vectorDivergenceBox(cfg.instance.view, this.x);
    this.ctx = { lr: this.baseLr, rng: cfg.rng, hessian: cfg.def.needsHessian ? new Float64Array(d * d) : undefined, evaluate: instanceEvaluator(cfg.instance) };
    this.fx = cfg.instance.grad(this.x, this.g);
  }

  get done(): boolean {
    return this.stopped !== null;
  }

  get stop(): RunStop | null {
    return this.stopped;
  }

  /** Records up to `steps` points (fewer when the run stops) and returns them. */
  advance(steps: number): VectorChunk {
    const { instance, run } = this.cfg;
    const d = this.dim;
    // At most the points left to maxSteps: a chunk holds d numbers a point, so a short run must
    // not allocate a whole chunk (4096 x 1000 doubles is 32 MB).
    const cap = this.done ? 0 : Math.min(steps, this.cfg.maxSteps - this.t + 1);
    const points = new Float64Array(d * cap);
    const fs = new Float64Array(cap);
    const gn = new Float64Array(cap);
    const ev = new Float64Array(cap);
    const perturbations: number[] = [];
    const start = this.t;
    const x = this.x;
    // f(x_t) in a local, written back before any exit (a number field written per step can cost a heap number)
    let fx = this.fx;
    let n = 0;
    let stop: RunStop | undefined;
    while (n < cap) {
      // 1. the current point (its f and gradient were evaluated when it was reached)
      const norm = l2norm(this.g);
      // 2. stopping rule (with the second-order rule on, lambda_min only where ||g|| <= eps)
      const code = runStopCode(fx, norm, this.t, this.evals, this.stopRule, this.lambdaMinHere);
      if (code === STOP.diverged) {
        // Only at the start: f or its gradient is not finite there, so there is no point to
        // record (as the surface and network engines): the run has 0 points.
        stop = this.finish('diverged', `diverged at the start: ${Number.isFinite(fx) ? `||grad f|| = ${fmtNum(norm)}` : `f = ${fmtNum(fx)}`} is not finite there, so the run records no point`);
        break;
      }
      points.set(x, n * d);
      fs[n] = fx;
      gn[n] = norm;
      ev[n] = this.evals;
      n++;
      if (code !== STOP.running) {
        stop = this.finish(STOP_REASONS[code]!);
        break;
      }
      // 3. the step's gradient: noise, then clipping
      if (this.touchesGradient) stepGradient(this.g, run.gradNoise, run.clip, this.cfg.rng);
      // 4. the optimizer's step with the scheduled learning rate
      if (this.schedule) this.ctx.lr = this.schedule.at(this.t);
      if (this.ctx.hessian) instance.hessian(x, this.ctx.hessian);
      this.prev.set(x);
      this.ctx.f = fx;
      this.ctx.evals = 1;
      if (this.opt.step(x, this.g, this.ctx)) perturbations.push(this.t);
      this.evals += this.ctx.evals;
      // 5. divergence: x_{t+1} or f(x_{t+1}) not finite, or out of the box; then the gradient there
      const fNext = isOutsideVectorBox(this.box, x) ? NaN : instance.grad(x, this.gNext);
      if (vectorDivergedAt(fNext, this.box, x)) {
        // A division by zero in the optimizer's own state (this.g still holds the step's gradient): said, and no lr hint.
        const cause = nonFiniteStepCause({ optimizer: run.optimizer, params: this.cfg.params, prev: this.prev, g: this.g, next: x, coordinate: String });
        const what = this.divergenceWhat();
        x.set(this.prev);
        this.fx = fx; // the message states f at the last finite point
        stop = this.finish('diverged', this.divergenceMessage(cause ?? what, cause === null));
        break;
      }
      if (!allFinite(this.gNext)) {
        x.set(this.prev);
        stop = this.finish('diverged', `diverged at step ${this.t + 1}: the gradient is not finite there`);
        break;
      }
      [this.g, this.gNext] = [this.gNext, this.g];
      fx = fNext;
      this.t++;
    }
    this.fx = fx;
    return {
      run: this.index,
      start,
      xy: n === cap ? points : points.slice(0, d * n),
      dim: d,
      f: n === cap ? fs : fs.slice(0, n),
      gradNorm: n === cap ? gn : gn.slice(0, n),
      evals: n === cap ? ev : ev.slice(0, n),
      perturbations,
      stop,
    };
  }

  /** The spectrum at x_t, once per step t. */
  private spectrumHere(): StopSpectrum | null {
    if (this.spectrumAt?.t !== this.t) this.spectrumAt = { t: this.t, value: stopSpectrum(this.cfg.instance, this.x, this.cfg.seed) };
    return this.spectrumAt.value;
  }

  /** lambda_min at x_t (the second-order stop test; NaN where the Hessian is not finite, which fails it). */
  private readonly lambdaMinHere = (): number => this.spectrumHere()?.lambdaMin ?? NaN;

  private finish(reason: RunStop['reason'], message?: string): RunStop {
    const { instance, gradTol } = this.cfg;
    // The true gradient at the stop point (the step's copy carries noise and clipping).
    instance.grad(this.x, this.gNext);
    const gradNorm = l2norm(this.gNext);
    const s = this.spectrumHere();
    const base = {
      reason,
      step: this.t,
      kind: s ? spectrumKind(s) : null,
      hessianEigenvalues: s ? ([s.lambdaMin, s.lambdaMax] as [number, number]) : null,
    };
    // The run's message is its verdict sentence (describeStop returns it as it is): the method's notes go there too.
    const notes = this.opt.notes?.() ?? [];
    this.stopped = {
      ...base,
      message: withNotes(message ?? vectorVerdict(base, s, gradNorm, gradTol, this.cfg.secondOrder), { notes }),
      ...(notes.length ? { notes } : {}),
      spectrum: s?.method ?? (instance.dim > DENSE_MAX_DIM ? 'lanczos' : 'dense'),
      index: s?.index ?? null,
    };
    return this.stopped;
  }

  /** What left the bound, in the order of the 2D engine's message: a non-finite point, f, then the box. */
  private divergenceWhat(): string {
    const x = this.x;
    if (!allFinite(x)) return 'the step produced a non-finite point';
    if (!isOutsideVectorBox(this.box, x)) return 'f is not finite at the new point';
    let worst = 0;
    for (let i = 1; i < x.length; i++) if (Math.abs(x[i] - this.box.centre[i]) > Math.abs(x[worst] - this.box.centre[worst])) worst = i;
    return `coordinate ${worst} went to ${fmtNum(x[worst])}, more than ${fmtNum(this.box.r)} from the centre of the function's window`;
  }

  private divergenceMessage(what: string, hint: boolean): string {
    const { instance, seed } = this.cfg;
    let msg = `diverged at step ${this.t + 1}: ${what}; last finite point at step ${this.t}, f = ${fmtNum(this.fx)}`;
    // The curvature bound at the start: plain GD converges locally only if lr < 2 / lambda_max
    // (not for a line search, whose step length is its own, nor where the optimizer divided by zero).
    if (!hint || this.cfg.def.needsEvaluator) return msg;
    const s = stopSpectrum(instance, this.x0, seed, false); // the whole curvature bounds the step
    const lmax = s ? Math.max(Math.abs(s.lambdaMin), Math.abs(s.lambdaMax)) : NaN;
    if (Number.isFinite(lmax) && lmax > 0 && this.baseLr > 2 / lmax) {
      msg += `. Hint: lr = ${fmtNum(this.baseLr)} > 2 / lambda_max = ${fmtNum(2 / lmax)} at the start, where plain gradient descent cannot converge`;
    }
    return msg;
  }
}
