// One run on a 2D surface, advanced a few steps at a time, by the run rules (runRules.ts,
// experiment-v1.md "Semantics of one run"). Pure and deterministic: the same inputs give
// bit-identical numbers in Node and browsers.
import type { ParamValue, Run, RunStop, SecondOrderRule, ViewWindow } from '../experiment/types';
import { classifyEigenvalues, eigenSym2 } from '../surfaces/classify';
import type { Objective2 } from '../surfaces/objective';
import type { Rng } from './rng';
import type { Evaluate } from './lineSearch';
import { gradNorm2, runStopCode, stepGradient, STOP, STOP_REASONS, type StopRule } from './runRules';
import { type DivergenceBox, divergedInBox, divergenceBox } from './runRulesDivergence';
import { LrSchedule } from './schedule';
import type { OptimizerDef, OptimizerInstance, StepContext } from './types';
import { fmtNum } from './verdict';
import { nonFiniteStepCause } from './divergenceCause';

/** Points recorded by one call of advance(): x_start .. x_(start+n-1). */
export interface RunChunk {
  run: number;
  /** Index of the first point in this chunk. */
  start: number;
  /** Interleaved x, y of each point; on a function problem, the `dim` coordinates of each point in turn. */
  xy: Float64Array;
  /** Coordinates per point in xy: absent on a surface (2); a function problem's d (vectorRun.ts). */
  dim?: number;
  f: Float64Array;
  gradNorm: Float64Array;
  /** Evaluations spent before each point's step (RunResult.evals): cumulative, 0 at x_0. */
  evals: Float64Array;
  /** Steps whose update added a perturbation (pgd). */
  perturbations: number[];
  /** Present when the run ended in this chunk. */
  stop?: RunStop;
}

/** The per-point arrays of one chunk (reused across advance(steps, true) calls). */
type ChunkArrays = Pick<RunChunk, 'xy' | 'f' | 'gradNorm' | 'evals'>;

export interface SurfaceRunConfig {
  index: number;
  run: Run;
  objective: Objective2;
  def: OptimizerDef;
  params: Record<string, ParamValue>;
  start: [number, number];
  /** The surface's default window: the divergence box is centred on it (runRulesDivergence.ts). */
  home: ViewWindow;
  maxSteps: number;
  gradTol: number;
  /** stop.maxEvals; undefined: no budget. */
  maxEvals?: number;
  rng: Rng;
  /** The second-order stopping rule (stop.secondOrder); absent: ||grad f|| <= eps alone. */
  secondOrder?: SecondOrderRule;
}

/** f and the gradient of a 2D objective at any point, into one reused result (StepContext.evaluate). */
export function objectiveEvaluator(objective: Objective2): Evaluate {
  const out = { f: 0, g: new Float64Array(2) };
  return (p) => {
    out.f = objective.f(p[0], p[1]);
    objective.grad(p[0], p[1], out.g);
    return out;
  };
}

export class SurfaceRun {
  readonly index: number;
  private readonly x = new Float64Array(2);
  private readonly g = new Float64Array(2);
  private readonly h4 = new Float64Array(4);
  private readonly h3 = new Float64Array(3);
  private readonly opt: OptimizerInstance;
  private readonly ctx: StepContext;
  private readonly baseLr: number = NaN;
  /** null for a constant rate: the loop then never calls at(), whose inlined code would use V8's inlining budget. */
  private readonly schedule: LrSchedule | null;
  /** Whether step 3 changes the gradient (noise or clipping): stepGradient is called only then. */
  private readonly touchesGradient: boolean;
  private readonly box: DivergenceBox;
  /** Step index of the current point x_t; its f and gradient are already evaluated. */
  private t = 0;
  /**
   * f(x_t). Initialised here with a number: a field declared without one is defined as
   * undefined first (ES2022 class fields), which makes V8 store it, and the loop's local copy,
   * boxed: a heap number per step.
   */
  private fx = NaN;
  /** Evaluations spent by the steps before t (RunResult.evals). */
  private evals = 0;
  private stopped: RunStop | null = null;
  /** The arrays of the last chunk, for the next advance(steps, true). */
  private kept: ChunkArrays | null = null;

  /** The stop test's settings (runRules.runStopCode), read once from the config. */
  private readonly stopRule: StopRule;

  constructor(private readonly cfg: SurfaceRunConfig) {
    this.stopRule = { gradTol: cfg.gradTol, maxSteps: cfg.maxSteps, rho: cfg.secondOrder?.rho, maxEvals: cfg.maxEvals };
    this.index = cfg.index;
    this.x[0] = cfg.start[0];
    this.x[1] = cfg.start[1];
    this.opt = cfg.def.create(cfg.params, 2);
    this.baseLr = cfg.params.lr as number;
    const schedule = cfg.run.schedule;
    this.schedule = schedule && schedule.kind !== 'constant' ? new LrSchedule(this.baseLr, schedule) : null;
    this.touchesGradient = Boolean(cfg.run.gradNoise) || (cfg.run.clip !== undefined && cfg.run.clip !== null);
    this.box = divergenceBox(cfg.home, cfg.start);
    this.ctx = { lr: this.baseLr, rng: cfg.rng, hessian: cfg.def.needsHessian ? this.h4 : undefined, evaluate: objectiveEvaluator(cfg.objective) };
    this.fx = cfg.objective.f(this.x[0], this.x[1]);
    cfg.objective.grad(this.x[0], this.x[1], this.g);
  }

  get done(): boolean {
    return this.stopped !== null;
  }

  get stop(): RunStop | null {
    return this.stopped;
  }

  /**
   * Records up to `steps` points (fewer when the run stops) and returns them. `reuse`: the caller
   * is done with the previous chunk's arrays (it copied them), so this chunk may be written into
   * them: fresh arrays for every chunk cost a quarter of a fast run's time. Arrays that were
   * transferred to another thread (detached) are never reused.
   */
  advance(steps: number, reuse = false): RunChunk {
    const { objective, run } = this.cfg;
    const cap = this.done ? 0 : steps;
    const { xy, f: fs, gradNorm: gn, evals: ev } = this.chunkArrays(cap, reuse);
    const perturbations: number[] = [];
    const start = this.t;
    const x = this.x;
    const g = this.g;
    const { cx, cy, r } = this.box;
    const hessian = this.ctx.hessian;
    // f(x_t) in a local (written back before any exit: a number field written per step costs a heap number)
    let fx = this.fx;
    let n = 0;
    let stop: RunStop | undefined;
    while (n < cap) {
      // 1. record the current point (its f and gradient were evaluated when it was reached)
      const norm = gradNorm2(g[0], g[1]);
      // 2. stopping rule (with the second-order rule on, lambda_min only where ||g|| <= eps)
      const code = runStopCode(fx, norm, this.t, this.evals, this.stopRule, this.lambdaMinHere);
      if (code === STOP.diverged) {
        // Only at the start: f or its gradient is not finite there, so there is no point to
        // record (a recorded f would be Infinity or NaN, null in JSON): the run has 0 points.
        this.fx = fx;
        stop = this.finish('diverged', notFiniteAtStart(x[0], x[1], fx, norm));
        break;
      }
      xy[2 * n] = x[0];
      xy[2 * n + 1] = x[1];
      fs[n] = fx;
      gn[n] = norm;
      ev[n] = this.evals;
      n++;
      if (code !== STOP.running) {
        this.fx = fx;
        stop = this.finish(STOP_REASONS[code]!);
        break;
      }
      // 3. the step's gradient: noise, then clipping
      if (this.touchesGradient) stepGradient(g, run.gradNoise, run.clip, this.cfg.rng);
      // 4. the optimizer's step with the scheduled learning rate (written only when it changes:
      // each write of a number into an object field costs V8 a heap number)
      const lr = this.schedule ? this.schedule.at(this.t) : this.baseLr;
      if (this.ctx.lr !== lr) this.ctx.lr = lr;
      if (hessian) {
        // the Hessian at x_t, row-major 2 x 2: the surface writes (hxx, hxy, hyy), spread here
        // (written out, not a method: the loop is near V8's inlining budget)
        objective.hessian(x[0], x[1], hessian);
        hessian[3] = hessian[2];
        hessian[2] = hessian[1];
      }
      const prevX = x[0];
      const prevY = x[1];
      this.ctx.f = fx;
      this.ctx.evals = 1;
      if (this.opt.step(x, g, this.ctx)) perturbations.push(this.t);
      this.evals += this.ctx.evals;
      // 5. divergence: x_{t+1} or f(x_{t+1}) not finite, or out of the box
      // f even at a non-finite x_{t+1}: divergedAt rejects such a point whatever f says, and
      // `finite ? f : NaN` would make V8 box every f in a heap number.
      const fNext = objective.f(x[0], x[1]);
      if (divergedInBox(fNext, cx, cy, r, x[0], x[1])) {
        const bad: [number, number] = [x[0], x[1]];
        x[0] = prevX;
        x[1] = prevY;
        this.fx = fx;
        stop = this.finish('diverged', this.divergenceMessage(bad, fNext));
        break;
      }
      objective.grad(x[0], x[1], g);
      if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) {
        x[0] = prevX;
        x[1] = prevY;
        this.fx = fx;
        stop = this.finish('diverged', `diverged at step ${this.t + 1}: the gradient is not finite there`);
        break;
      }
      fx = fNext;
      this.t++;
    }
    this.fx = fx;
    const exact = n === xy.length / 2;
    return {
      run: this.index,
      start,
      // views of reused arrays; copies otherwise, so that a transferred chunk carries no unused tail
      xy: exact ? xy : reuse ? xy.subarray(0, 2 * n) : xy.slice(0, 2 * n),
      f: exact ? fs : reuse ? fs.subarray(0, n) : fs.slice(0, n),
      gradNorm: exact ? gn : reuse ? gn.subarray(0, n) : gn.slice(0, n),
      evals: exact ? ev : reuse ? ev.subarray(0, n) : ev.slice(0, n),
      perturbations,
      stop,
    };
  }

  /** lambda_min of the Hessian at the current point (the second-order stop test). */
  private readonly lambdaMinHere = (): number => {
    this.cfg.objective.hessian(this.x[0], this.x[1], this.h3);
    return eigenSym2(this.h3[0], this.h3[1], this.h3[2]).values[0];
  };

  /** Arrays for up to `cap` points: the last chunk's when reusable (reuse asked, large enough, not transferred), else new ones. */
  private chunkArrays(cap: number, reuse: boolean): ChunkArrays {
    const kept = this.kept;
    if (reuse && kept && kept.f.length >= cap && kept.f.buffer.byteLength > 0 && kept.xy.buffer.byteLength > 0 && kept.gradNorm.buffer.byteLength > 0 && kept.evals.buffer.byteLength > 0) {
      return cap === kept.f.length ? kept : { xy: kept.xy.subarray(0, 2 * cap), f: kept.f.subarray(0, cap), gradNorm: kept.gradNorm.subarray(0, cap), evals: kept.evals.subarray(0, cap) };
    }
    const made = { xy: new Float64Array(2 * cap), f: new Float64Array(cap), gradNorm: new Float64Array(cap), evals: new Float64Array(cap) };
    if (reuse) this.kept = made;
    return made;
  }

  private finish(reason: RunStop['reason'], message?: string): RunStop {
    this.cfg.objective.hessian(this.x[0], this.x[1], this.h3);
    const finite = this.h3.every(Number.isFinite);
    const eig = finite ? eigenSym2(this.h3[0], this.h3[1], this.h3[2]).values : null;
    const notes = this.opt.notes?.() ?? [];
    this.stopped = {
      reason,
      step: this.t,
      kind: eig ? classifyEigenvalues(eig) : null,
      hessianEigenvalues: eig,
      ...(message ? { message } : {}),
      ...(notes.length ? { notes } : {}),
    };
    return this.stopped;
  }

  private divergenceMessage(bad: [number, number], fNext: number): string {
    const [x, y] = [this.x[0], this.x[1]];
    const what = !Number.isFinite(bad[0]) || !Number.isFinite(bad[1])
      ? 'the step produced a non-finite point'
      : !Number.isFinite(fNext)
        ? `f is not finite at (${fmtNum(bad[0])}, ${fmtNum(bad[1])})`
        : `the step went to (${fmtNum(bad[0])}, ${fmtNum(bad[1])}), more than ${fmtNum(this.box.r)} from the centre of the surface's window`;
    const last = `last finite point (${fmtNum(x)}, ${fmtNum(y)}), f = ${fmtNum(this.fx)}`;
    // A division by zero in the optimizer's own state (g still holds the step's gradient): said, and no lr hint.
    const cause = nonFiniteStepCause({ optimizer: this.cfg.run.optimizer, params: this.cfg.params, prev: this.x, g: this.g, next: bad, coordinate: (i) => (i === 0 ? 'x' : 'y') });
    if (cause) return `diverged at step ${this.t + 1}: ${cause}; ${last}`;
    let msg = `diverged at step ${this.t + 1}: ${what}; ${last}`;
    // The curvature bound at the start: plain GD converges locally only if lr < 2 / lambda_max.
    const [sx, sy] = this.cfg.start;
    this.cfg.objective.hessian(sx, sy, this.h3);
    const lmax = Math.max(...eigenSym2(this.h3[0], this.h3[1], this.h3[2]).values.map(Math.abs));
    // (not for a line search, whose step length is its own)
    if (!this.cfg.def.needsEvaluator && Number.isFinite(lmax) && lmax > 0 && this.baseLr > 2 / lmax) {
      msg += `. Hint: lr = ${fmtNum(this.baseLr)} > 2 / lambda_max = ${fmtNum(2 / lmax)} at the start, where plain gradient descent cannot converge`;
    }
    return msg;
  }
}

/** The stop message of a start where f or its gradient is not finite (no point is recorded). */
export function notFiniteAtStart(x: number, y: number, f: number, gradNorm: number): string {
  const what = Number.isFinite(f) ? `||grad f|| = ${fmtNum(gradNorm)}` : `f = ${fmtNum(f)}`;
  return `diverged at the start: ${what} at (${fmtNum(x)}, ${fmtNum(y)}) is not finite, so the run records no point`;
}
