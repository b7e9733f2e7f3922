// One run on a 2D surface, advanced a few steps at a time, by the run rules (runRules.ts,
// experiment-v1.md "Semantics of one run"). Pure and deterministic: the same inputs give
// bit-identical numbers in Node and browsers.
import type { Run, RunStop, ViewWindow } from '../experiment/types';
import { classifyEigenvalues, eigenSym2 } from '../surfaces/classify';
import type { Objective2 } from '../surfaces/objective';
import type { Rng } from './rng';
import { gradNorm2, STOP, STOP_REASONS, stepGradient, stopCodeAt } from './runRules';
import { type DivergenceBox, divergedAt, divergenceBox } from './runRulesDivergence';
import { LrSchedule } from './schedule';
import type { OptimizerDef, OptimizerInstance, StepContext } from './types';
import { fmtNum } from './verdict';

/** Points recorded by one call of advance(): x_start .. x_(start+n-1). */
export interface RunChunk {
  run: number;
  /** Index of the first point in this chunk. */
  start: number;
  /** Interleaved x, y of each point. */
  xy: Float64Array;
  f: Float64Array;
  gradNorm: Float64Array;
  /** Steps whose update added a perturbation (pgd). */
  perturbations: number[];
  /** Present when the run ended in this chunk. */
  stop?: RunStop;
}

export interface SurfaceRunConfig {
  index: number;
  run: Run;
  objective: Objective2;
  def: OptimizerDef;
  params: Record<string, number | boolean | number[]>;
  start: [number, number];
  /** The surface's default window: the divergence box is centred on it (runRulesDivergence.ts). */
  home: ViewWindow;
  maxSteps: number;
  gradTol: number;
  rng: Rng;
}

export class SurfaceRun {
  readonly index: number;
  private readonly x = new Float64Array(2);
  private readonly g = new Float64Array(2);
  private readonly h4 = new Float64Array(4);
  private readonly h3 = new Float64Array(3);
  private readonly opt: OptimizerInstance;
  private readonly ctx: StepContext;
  private readonly baseLr: number;
  private readonly schedule: LrSchedule;
  private readonly box: DivergenceBox;
  /** Step index of the current point x_t; its f and gradient are already evaluated. */
  private t = 0;
  private fx: number;
  private stopped: RunStop | null = null;
  /** The arrays of the last chunk, for the next advance(steps, true). */
  private kept: { xy: Float64Array; f: Float64Array; gradNorm: Float64Array } | null = null;

  constructor(private readonly cfg: SurfaceRunConfig) {
    this.index = cfg.index;
    this.x[0] = cfg.start[0];
    this.x[1] = cfg.start[1];
    this.opt = cfg.def.create(cfg.params, 2);
    this.baseLr = cfg.params.lr as number;
    this.schedule = new LrSchedule(this.baseLr, cfg.run.schedule);
    this.box = divergenceBox(cfg.home, cfg.start);
    this.ctx = { lr: this.baseLr, rng: cfg.rng, hessian: cfg.def.needsHessian ? this.h4 : undefined };
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
    const { objective, gradTol, maxSteps, run } = this.cfg;
    const cap = this.done ? 0 : steps;
    const { xy, f: fs, gradNorm: gn } = this.chunkArrays(cap, reuse);
    const perturbations: number[] = [];
    const start = this.t;
    const x = this.x;
    const g = this.g;
    // f(x_t) in a local (written back before any exit: a number field written per step costs a heap number)
    let fx = this.fx;
    let n = 0;
    let stop: RunStop | undefined;
    while (n < cap) {
      // 1. record the current point (its f and gradient were evaluated when it was reached)
      const norm = gradNorm2(g[0], g[1]);
      xy[2 * n] = x[0];
      xy[2 * n + 1] = x[1];
      fs[n] = fx;
      gn[n] = norm;
      n++;
      // 2. stopping rule
      const code = stopCodeAt(fx, norm, this.t, gradTol, maxSteps);
      if (code !== STOP.running) {
        const message = code === STOP.diverged ? `f or its gradient is not finite at the start (${fmtNum(x[0])}, ${fmtNum(x[1])})` : undefined;
        this.fx = fx;
        stop = this.finish(STOP_REASONS[code]!, message);
        break;
      }
      // 3. the step's gradient: noise, then clipping
      stepGradient(g, run.gradNoise, run.clip, this.cfg.rng);
      // 4. the optimizer's step with the scheduled learning rate (written only when it changes:
      // each write of a number into an object field costs V8 a heap number)
      const lr = this.schedule.at(this.t);
      if (this.ctx.lr !== lr) this.ctx.lr = lr;
      if (this.ctx.hessian) this.fullHessian(x[0], x[1]);
      const prevX = x[0];
      const prevY = x[1];
      if (this.opt.step(x, g, this.ctx)) perturbations.push(this.t);
      // 5. divergence: x_{t+1} or f(x_{t+1}) not finite, or out of the box
      // f even at a non-finite x_{t+1}: divergedAt rejects such a point whatever f says, and
      // `finite ? f : NaN` would make V8 box every f in a heap number.
      const fNext = objective.f(x[0], x[1]);
      if (divergedAt(fNext, this.box, x[0], x[1])) {
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
      perturbations,
      stop,
    };
  }

  /** Arrays for up to `cap` points: the last chunk's when reusable (reuse asked, large enough, not transferred), else new ones. */
  private chunkArrays(cap: number, reuse: boolean): { xy: Float64Array; f: Float64Array; gradNorm: Float64Array } {
    const kept = this.kept;
    if (reuse && kept && kept.f.length >= cap && kept.f.buffer.byteLength > 0 && kept.xy.buffer.byteLength > 0 && kept.gradNorm.buffer.byteLength > 0) {
      return cap === kept.f.length ? kept : { xy: kept.xy.subarray(0, 2 * cap), f: kept.f.subarray(0, cap), gradNorm: kept.gradNorm.subarray(0, cap) };
    }
    const made = { xy: new Float64Array(2 * cap), f: new Float64Array(cap), gradNorm: new Float64Array(cap) };
    if (reuse) this.kept = made;
    return made;
  }

  private fullHessian(x: number, y: number): void {
    this.cfg.objective.hessian(x, y, this.h3);
    this.h4[0] = this.h3[0];
    this.h4[1] = this.h3[1];
    this.h4[2] = this.h3[1];
    this.h4[3] = this.h3[2];
  }

  private finish(reason: RunStop['reason'], message?: string): RunStop {
    this.cfg.objective.hessian(this.x[0], this.x[1], this.h3);
    const finite = this.h3.every(Number.isFinite);
    const eig = finite ? eigenSym2(this.h3[0], this.h3[1], this.h3[2]).values : null;
    this.stopped = {
      reason,
      step: this.t,
      kind: eig ? classifyEigenvalues(eig) : null,
      hessianEigenvalues: eig,
      ...(message ? { message } : {}),
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
    let msg = `diverged at step ${this.t + 1}: ${what}; last finite point (${fmtNum(x)}, ${fmtNum(y)}), f = ${fmtNum(this.fx)}`;
    // The curvature bound at the start: plain GD converges locally only if lr < 2 / lambda_max.
    const [sx, sy] = this.cfg.start;
    this.cfg.objective.hessian(sx, sy, this.h3);
    const lmax = Math.max(...eigenSym2(this.h3[0], this.h3[1], this.h3[2]).values.map(Math.abs));
    if (Number.isFinite(lmax) && lmax > 0 && this.baseLr > 2 / lmax) {
      msg += `. Hint: lr = ${fmtNum(this.baseLr)} > 2 / lambda_max = ${fmtNum(2 / lmax)} at the start, where plain gradient descent cannot converge`;
    }
    return msg;
  }
}
