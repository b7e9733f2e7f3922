// One run on a d-dimensional function (src/functions), advanced a few steps at a time, by the
// same run rules as a surface run (runRules.ts, experiment-v1.md "Semantics of one run"):
//   1. record x_t (all d coordinates), f(x_t) and ||grad f(x_t)||;
//   2. stopCodeAt: not finite -> diverged, then gradTol, then maxSteps;
//   3. stepGradient: gradNoise, then clipping;
//   4. the optimizer's step at LrSchedule.at(t); second-order methods get the dense d x d Hessian
//      (offered up to d = LIMITS.denseHessianDim.max: the engine refuses them above);
//   5. diverged if x_{t+1} or f there is not finite or leaves the d-dimensional box
//      (runRulesDivergence.ts, vectorDivergenceBox), or the gradient there is not finite; the run
//      then keeps x_t, its last finite point.
// At the stop, the Hessian's spectrum (spectrum.ts: every eigenvalue for d <= 200, Lanczos's
// extremes above) gives lambda_min, lambda_max, the index where known, the kind and the verdict.
// A random start (Run.startRadius) is drawn uniformly from the Euclidean ball around the run's
// start, from the run's own stream, before anything else draws from it.
import type { Run, RunStop } from '../experiment/types';
import { DENSE_MAX_DIM, type Instance } from '../functions/types';
import { l2norm } from './gradient';
import { addUniformBall } from './optimizers/pgd';
import type { Rng } from './rng';
import { STOP, STOP_REASONS, stepGradient, stopCodeAt } from './runRules';
import { isOutsideVectorBox, type VectorBox, vectorDivergedAt, vectorDivergenceBox } from './runRulesDivergence';
import { LrSchedule } from './schedule';
import { spectrum } from './spectrum';
import type { RunChunk } from './surfaceRun';
import type { OptimizerDef, OptimizerInstance, StepContext } from './types';
import { fmtNum, spectrumKind, type StopSpectrum, vectorVerdict } from './verdict';

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
  params: Record<string, number | boolean | number[]>;
  /** The run's start before its random draw (Run.start, or the function's default start). */
  start: Float64Array;
  maxSteps: number;
  gradTol: number;
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
export function stopSpectrum(instance: Instance, x: Float64Array, seed: number): StopSpectrum | null {
  const s = spectrum(instance, x, { seed });
  if (!Number.isFinite(s.lambdaMin) || !Number.isFinite(s.lambdaMax)) return null;
  const zeroInside = s.eigenvalues !== null && s.eigenvalues.some((l) => Math.abs(l) <= s.threshold);
  return { method: s.method, lambdaMin: s.lambdaMin, lambdaMax: s.lambdaMax, index: s.index, threshold: s.threshold, zeroInside, converged: s.converged };
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
  private readonly baseLr: number;
  private readonly schedule: LrSchedule;
  private readonly box: VectorBox;
  /** Step index of the current point x_t; its f and gradient are already evaluated. */
  private t = 0;
  private fx: number;
  private stopped: RunStop | null = null;

  constructor(private readonly cfg: VectorRunConfig) {
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
    this.schedule = new LrSchedule(this.baseLr, cfg.run.schedule);
    this.box = vectorDivergenceBox(cfg.instance.view, this.x);
    this.ctx = { lr: this.baseLr, rng: cfg.rng, hessian: cfg.def.needsHessian ? new Float64Array(d * d) : undefined };
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
    const { instance, gradTol, maxSteps, run } = this.cfg;
    const d = this.dim;
    // At most the points left to maxSteps: a chunk holds d numbers a point, so a short run must
    // not allocate a whole chunk (4096 x 1000 doubles is 32 MB).
    const cap = this.done ? 0 : Math.min(steps, maxSteps - this.t + 1);
    const points = new Float64Array(d * cap);
    const fs = new Float64Array(cap);
    const gn = new Float64Array(cap);
    const perturbations: number[] = [];
    const start = this.t;
    const x = this.x;
    let n = 0;
    let stop: RunStop | undefined;
    while (n < cap) {
      // 1. record the current point (its f and gradient were evaluated when it was reached)
      const norm = l2norm(this.g);
      points.set(x, n * d);
      fs[n] = this.fx;
      gn[n] = norm;
      n++;
      // 2. stopping rule
      const code = stopCodeAt(this.fx, norm, this.t, gradTol, maxSteps);
      if (code !== STOP.running) {
        stop = this.finish(STOP_REASONS[code]!, code === STOP.diverged ? 'f or its gradient is not finite at the start' : undefined);
        break;
      }
      // 3. the step's gradient: noise, then clipping
      stepGradient(this.g, run.gradNoise, run.clip, this.cfg.rng);
      // 4. the optimizer's step with the scheduled learning rate
      this.ctx.lr = this.schedule.at(this.t);
      if (this.ctx.hessian) instance.hessian(x, this.ctx.hessian);
      this.prev.set(x);
      if (this.opt.step(x, this.g, this.ctx)) perturbations.push(this.t);
      // 5. divergence: x_{t+1} or f(x_{t+1}) not finite, or out of the box; then the gradient there
      const fNext = isOutsideVectorBox(this.box, x) ? NaN : instance.grad(x, this.gNext);
      if (vectorDivergedAt(fNext, this.box, x)) {
        const what = this.divergenceWhat();
        x.set(this.prev);
        stop = this.finish('diverged', this.divergenceMessage(what));
        break;
      }
      if (!allFinite(this.gNext)) {
        x.set(this.prev);
        stop = this.finish('diverged', `diverged at step ${this.t + 1}: the gradient is not finite there`);
        break;
      }
      [this.g, this.gNext] = [this.gNext, this.g];
      this.fx = fNext;
      this.t++;
    }
    return {
      run: this.index,
      start,
      xy: n === cap ? points : points.slice(0, d * n),
      dim: d,
      f: n === cap ? fs : fs.slice(0, n),
      gradNorm: n === cap ? gn : gn.slice(0, n),
      perturbations,
      stop,
    };
  }

  private finish(reason: RunStop['reason'], message?: string): RunStop {
    const { instance, gradTol, seed } = this.cfg;
    // The true gradient at the stop point (the step's copy carries noise and clipping).
    instance.grad(this.x, this.gNext);
    const gradNorm = l2norm(this.gNext);
    const s = stopSpectrum(instance, this.x, seed);
    const base = {
      reason,
      step: this.t,
      kind: s ? spectrumKind(s) : null,
      hessianEigenvalues: s ? ([s.lambdaMin, s.lambdaMax] as [number, number]) : null,
    };
    this.stopped = {
      ...base,
      message: message ?? vectorVerdict(base, s, gradNorm, gradTol),
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

  private divergenceMessage(what: string): string {
    const { instance, seed } = this.cfg;
    let msg = `diverged at step ${this.t + 1}: ${what}; last finite point at step ${this.t}, f = ${fmtNum(this.fx)}`;
    // The curvature bound at the start: plain GD converges locally only if lr < 2 / lambda_max.
    const s = stopSpectrum(instance, this.x0, seed);
    const lmax = s ? Math.max(Math.abs(s.lambdaMin), Math.abs(s.lambdaMax)) : NaN;
    if (Number.isFinite(lmax) && lmax > 0 && this.baseLr > 2 / lmax) {
      msg += `. Hint: lr = ${fmtNum(this.baseLr)} > 2 / lambda_max = ${fmtNum(2 / lmax)} at the start, where plain gradient descent cannot converge`;
    }
    return msg;
  }
}
