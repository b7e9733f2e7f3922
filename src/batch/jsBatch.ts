// The batched engine in plain JS (float64): the run rules of src/optim/runRules.ts, the scalar
// engine's (surfaceRun.ts) step for step, reusing the optimizer definitions of
// src/optim/optimizers rather than a second copy of each update rule. Two kernels:
// - pixel-outer (pixelOuter.ts), each start run to its stop before the next: maps in which
//   nothing is random (no gradient noise, an optimizer that does not draw); the fast path;
// - lockstep (RowBatch below), a whole row of pixels advancing one step per pass: maps with
//   randomness, whose draws come in the order described below, and basin maps of the separable
//   optimizers with step scalars (Adam and its kin), for which a row-wide instance is faster.
// JsBatchRunner picks one (runsPixelOuter); its `kernel` says which. Both give every cell the
// single run's end, bit for bit.
//
// For a coordinate-separable optimizer with one parameter set (a basin map), a row of n starts
// is ONE optimizer instance of dimension 2n: each coordinate's update reads only its own
// gradient and state, so the result is bit-identical to n separate runs (a test checks it
// against SurfaceRun) while the per-call overhead is paid once per row. Pixels that have
// stopped get a zero gradient and their end point is kept aside, so whatever their coordinates
// do afterwards touches nothing. Non-separable optimizers (pgd's norm test, newton and cubic's
// Hessians) and sweeps (a parameter set per pixel) get one instance of dimension 2 per pixel.
//
// Random numbers (gradNoise, noisySgd, pgd) come from one stream per grid row, derived from
// (seed, row), so a map is reproducible whatever the number of workers. They are not the
// explorer's run stream: a noisy pixel agrees with an explorer run in distribution only.
//
// Line-search methods (lbfgs, bfgs, cg) are not separable: each pixel gets its own instance and
// the objective's evaluator (StepContext.evaluate); each pixel counts its evaluations for the
// maxEvals rule. They have no GLSL form, so maps of them run here, never on the fused WebGL path.

import { OPTIMIZERS, SEPARABLE } from '../optim/optimizers';
import { Rng } from '../optim/rng';
import { gradNorm2, runStopCode, stepGradient, STOP, stopCodeAt, type StopRule } from '../optim/runRules';
import { boxHalfWidth, divergedInBox, homeBox } from '../optim/runRulesDivergence';
import { LrSchedule } from '../optim/schedule';
import { objectiveEvaluator } from '../optim/surfaceRun';
import type { OptimizerDef, OptimizerInstance, StepContext } from '../optim/types';
import type { Objective2 } from '../surfaces/objective';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { type BatchJob, pixelSetting, pixelStart, sharedSetting } from './batchJob';
import { allocateRows, type RowsOutcome } from './outcome';
import { type Evaluator, evaluatorOf, hessian2x2, lambdaMinAt } from './evaluator';
import { drawsNothing, PixelOuterRows, runsPixelOuter } from './pixelOuter';
import { SharedScalars } from './sharedScalars';

/** A 32-bit hash of (seed, row): the seed of row `row`'s random stream. */
export function rowSeed(seed: number, row: number): number {
  let h = (seed ^ Math.imul(row + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function optimizerDef(job: BatchJob): OptimizerDef {
  // the registry is complete (a Record over every id the schema accepts)
  return OPTIMIZERS[job.optimizer];
}

/** One grid row in lockstep (maps with randomness). `t` is the step index of every pixel still running. */
export class RowBatch {
  private readonly n: number;
  private readonly x: Float64Array;
  /** The step's gradient (noise, clipping), ready for the next step; zero for stopped pixels. */
  private readonly gs: Float64Array;
  private readonly fx: Float64Array;
  /** Evaluations each pixel has spent (the maxEvals rule). */
  private readonly evals: Float64Array;
  private readonly prev = new Float64Array(2);
  private readonly h3 = new Float64Array(3);
  private readonly pair = new Float64Array(2);
  /** x_t of every running pixel, to undo a diverging step (written when x_t is accepted). */
  private readonly saved: Float64Array;
  /** 1 while the pixel runs (a local copy of `out.reason === running`, read in the hot loop). */
  private readonly live: Uint8Array;
  private readonly rng: Rng;
  /** The divergence boxes (runRulesDivergence.ts): one centre, the surface's; each start's half-width. */
  private readonly cx: number;
  private readonly cy: number;
  private readonly halfWidth: Float64Array;
  private readonly evaluator: Evaluator;
  private readonly instances: OptimizerInstance[];
  /** Per-pixel instances only: each one's views of x and gs (made once, not per step). */
  private readonly xViews: Float64Array[] = [];
  private readonly gViews: Float64Array[] = [];
  /** Per-pixel instances only: the step scalars, one sequence per distinct parameter set. */
  private readonly scalars: SharedScalars | null;
  private readonly schedules: LrSchedule[];
  private readonly noise: Float64Array;
  private readonly ctx: StepContext[];
  private readonly separable: boolean;
  /**
   * No pixel adds noise and the job does not clip, so stepGradient would return g_t as it is:
   * the kernel skips the call and its copy (a few percent of a basin map's time).
   */
  private readonly plainGradient: boolean;
  /** plainGradient, and no second-order or maxEvals rule: reached() may test the stop by stopCodeAt inline. */
  private readonly fusedStop: boolean;
  private t = 0;
  /** The pixel whose stop is being tested (read by lambdaMinOfPixel). */
  private testing = 0;
  active: number;

  /** The stop test's settings (runRules.runStopCode), read once from the job. */
  private readonly stopRule: StopRule;

  constructor(
    private readonly job: BatchJob,
    private readonly objective: Objective2,
    readonly row: number,
    private readonly out: RowsOutcome,
    /** Offset of this row in `out`'s arrays. */
    private readonly base: number,
  ) {
    this.stopRule = { gradTol: job.gradTol, maxSteps: job.maxSteps, rho: job.secondOrder?.rho, maxEvals: job.maxEvals };
    const n = job.grid.nx;
    this.n = n;
    this.active = n;
    this.x = new Float64Array(2 * n);
    this.gs = new Float64Array(2 * n);
    this.fx = new Float64Array(n);
    this.evals = new Float64Array(n);
    this.saved = new Float64Array(2 * n);
    this.live = new Uint8Array(n).fill(1);
    this.halfWidth = new Float64Array(n);
    const def = optimizerDef(job);
    this.separable = sharedSetting(job) && SEPARABLE.has(job.optimizer);
    const rng = new Rng(xoroshiro128plus(rowSeed(job.seed, row)));
    const settings = this.separable ? [pixelSetting(job, 0, row)] : Array.from({ length: n }, (_, i) => pixelSetting(job, i, row));
    this.scalars = this.separable ? null : new SharedScalars(def.stepScalars);
    const scalars = this.scalars;
    this.instances = scalars ? settings.map((s) => def.create(s.params, 2, scalars.sequenceFor(s.params))) : [def.create(settings[0].params, 2 * n)];
    this.schedules = settings.map((s) => new LrSchedule(s.params.lr as number, job.schedule ?? undefined));
    this.noise = Float64Array.from(this.separable ? Array<number>(n).fill(settings[0].gradNoise) : settings.map((s) => s.gradNoise));
    this.plainGradient = job.clip === null && this.noise.every((sigma) => !sigma);
    this.fusedStop = this.plainGradient && !job.secondOrder && job.maxEvals === undefined;
    const evaluate = objectiveEvaluator(objective);
    this.ctx = this.instances.map(() => ({ lr: NaN, rng, hessian: def.needsHessian ? new Float64Array(4) : undefined, evaluate }));
    this.rng = rng;
    const home = homeBox(objective.surface.view);
    this.evaluator = evaluatorOf(objective);
    this.cx = home.cx;
    this.cy = home.cy;
    const g0 = new Float64Array(2 * n);
    const g2 = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      const [sx, sy] = pixelStart(job, i, row);
      this.halfWidth[i] = boxHalfWidth(sx, sy, home.cx, home.cy, home.r);
      this.x[2 * i] = sx;
      this.x[2 * i + 1] = sy;
      this.saved[2 * i] = sx;
      this.saved[2 * i + 1] = sy;
      this.fx[i] = objective.f(sx, sy);
      objective.grad(sx, sy, g2);
      g0[2 * i] = g2[0];
      g0[2 * i + 1] = g2[1];
      if (!this.separable) {
        this.xViews.push(this.x.subarray(2 * i, 2 * i + 2));
        this.gViews.push(this.gs.subarray(2 * i, 2 * i + 2));
      }
    }
    // Steps 2-3 at x_0; later steps do them as soon as x_t is reached (see advance).
    for (let i = 0; i < n; i++) this.prepare(i, 0, this.fx[i], g0[2 * i], g0[2 * i + 1]);
  }

  /** Pixel i stops at x_t, as step `t` found it. */
  private finish(i: number, reason: number, t: number): void {
    const k = this.base + i;
    this.out.endX[k] = this.x[2 * i];
    this.out.endY[k] = this.x[2 * i + 1];
    this.out.f[k] = this.fx[i];
    this.out.steps[k] = t;
    this.out.reason[k] = reason;
    this.live[i] = 0;
    // A stopped pixel's coordinates may still move inside a row-wide instance: with a zero
    // gradient they touch nothing else, and its end point is already kept above.
    this.gs[2 * i] = 0;
    this.gs[2 * i + 1] = 0;
    this.active--;
  }

  /** Steps 2-3 of step t at pixel i, at x_t with f(x_t) = f and g_t = (gx, gy): the stopping rule, then the step's gradient. */
  private prepare(i: number, t: number, f: number, gx: number, gy: number): void {
    const gs = this.gs;
    this.testing = i;
    const code = runStopCode(f, gradNorm2(gx, gy), t, this.evals[i], this.stopRule, this.lambdaMinOfPixel);
    if (code !== STOP.running) {
      this.finish(i, code, t);
    } else if (this.plainGradient) {
      gs[2 * i] = gx;
      gs[2 * i + 1] = gy;
    } else {
      const pair = this.pair;
      pair[0] = gx;
      pair[1] = gy;
      stepGradient(pair, this.noise[i], this.job.clip, this.rng);
      gs[2 * i] = pair[0];
      gs[2 * i + 1] = pair[1];
    }
  }

  /**
   * Advances every running pixel up to `steps` steps; returns the pixel-steps done. Per step t
   * there are two passes over the row: the optimizer's step (4; one call for a row-wide
   * instance, with the scalars of the step computed once), then per running pixel step 5
   * (divergence, f and g at x_(t+1)) followed at once by steps 2-3 of step t + 1 (stopping rule,
   * step gradient), so the stopping test never needs a pass of its own. Random numbers are drawn
   * in the same order as in a step-by-step reading of the rules: every pixel's noise for step t,
   * then the optimizer's draws of step t, pixel by pixel.
   */
  advance(steps: number): number {
    const { n, x, live } = this;
    let work = 0;
    for (let s = 0; s < steps && this.active > 0; s++) {
      const t = this.t;
      // 4: the optimizer's step with the scheduled learning rate
      // (ctx.lr is written only when the rate changes: each write of a number into an object
      // field costs V8 a heap number, per pixel-step in a sweep)
      if (this.separable) {
        const ctx = this.ctx[0];
        const lr = this.schedules[0].at(t);
        if (ctx.lr !== lr) ctx.lr = lr;
        this.instances[0].step(x, this.gs, ctx);
        // one evaluation a step each (a separable update evaluates nothing else)
        for (let i = 0; i < n; i++) if (live[i] !== 0) this.evals[i] += 1;
      } else {
        this.scalars!.advance();
        for (let i = 0; i < n; i++) {
          if (live[i] === 0) continue;
          const ctx = this.ctx[i];
          const lr = this.schedules[i].at(t);
          if (ctx.lr !== lr) ctx.lr = lr;
          if (ctx.hessian) this.hessianAt(x[2 * i], x[2 * i + 1], ctx.hessian);
          ctx.f = this.fx[i];
          ctx.evals = 1;
          this.instances[i].step(this.xViews[i], this.gViews[i], ctx);
          this.evals[i] += ctx.evals;
        }
      }
      work += this.reached(t);
      this.t = t + 1;
    }
    return work;
  }

  /** Step 5 of step t for every running pixel, then steps 2-3 of step t + 1; returns the pixel-steps done. */
  private reached(t: number): number {
    const { n, x, gs, fx, saved, live, halfWidth, cx, cy, prev, evaluator } = this;
    const { gradTol, maxSteps } = this.job;
    // the fused stop test below is stopCodeAt alone: only without the second-order and maxEvals rules
    const fused = this.fusedStop;
    let work = 0;
    // 5: divergence, then f and the gradient at x_{t+1}; then 2-3 of step t + 1 there
    for (let i = 0; i < n; i++) {
      if (live[i] === 0) continue;
      work++;
      const px = x[2 * i];
      const py = x[2 * i + 1];
      // f even where x_{t+1} is not finite (the box test below rejects such a point whatever f
      // says): `finite ? f : NaN` would make V8 box every f value in a heap number.
      const fNext = evaluator.f(px, py);
      let ok = !divergedInBox(fNext, cx, cy, halfWidth[i], px, py);
      if (ok) {
        evaluator.grad(px, py, prev);
        ok = Number.isFinite(prev[0]) && Number.isFinite(prev[1]);
      }
      if (ok) {
        fx[i] = fNext;
        saved[2 * i] = px;
        saved[2 * i + 1] = py;
        const gx = prev[0];
        const gy = prev[1];
        // the common case inline: the pixel runs on and its step gradient is g itself
        if (fused && stopCodeAt(fNext, gradNorm2(gx, gy), t + 1, gradTol, maxSteps) === STOP.running) {
          gs[2 * i] = gx;
          gs[2 * i + 1] = gy;
        } else {
          this.prepare(i, t + 1, fNext, gx, gy);
        }
      } else {
        x[2 * i] = saved[2 * i];
        x[2 * i + 1] = saved[2 * i + 1];
        this.finish(i, STOP.diverged, t);
      }
    }
    return work;
  }

  /** lambda_min of the Hessian at pixel `testing`'s x_t: the second-order stop test, only where ||g|| <= eps. */
  private readonly lambdaMinOfPixel = (): number => lambdaMinAt(this.objective, this.x[2 * this.testing], this.x[2 * this.testing + 1], this.h3);

  private hessianAt(px: number, py: number, h4: Float64Array): void {
    hessian2x2(this.objective, px, py, this.h3, h4);
  }
}

/** Which kernel runs a job's rows: pixel-outer (pixelOuter.ts) where nothing is random, else lockstep. */
export type BatchKernel = 'pixel-outer' | 'lockstep';

/** The rows of a job given to one worker, advanced a chunk at a time. */
export class JsBatchRunner {
  readonly outcome: RowsOutcome;
  readonly kernel: BatchKernel;
  private readonly batches: RowBatch[];
  private readonly pixelOuter: PixelOuterRows | null;

  /**
   * `kernel`: the one to run instead of runsPixelOuter's choice (tests compare the two); a job
   * that draws random numbers runs lockstep whatever is asked.
   */
  constructor(job: BatchJob, objective: Objective2, rows: number[], { kernel }: { kernel?: BatchKernel } = {}) {
    this.outcome = allocateRows(job.grid.nx, rows);
    const pixelOuter = kernel === undefined ? runsPixelOuter(job) : kernel === 'pixel-outer' && drawsNothing(job);
    this.kernel = pixelOuter ? 'pixel-outer' : 'lockstep';
    this.pixelOuter = this.kernel === 'pixel-outer' ? new PixelOuterRows(job, objective, rows, this.outcome) : null;
    this.batches = this.pixelOuter ? [] : rows.map((row, k) => new RowBatch(job, objective, row, this.outcome, k * job.grid.nx));
  }

  /** Steps every still-running pixel has taken (lockstep); the chunks asked for so far (pixel-outer). */
  stepsTaken = 0;

  get active(): number {
    return this.pixelOuter ? this.pixelOuter.active : this.batches.reduce((s, b) => s + b.active, 0);
  }

  /** Between 0 and 1: the lockstep's share of maxSteps, or the share of finished pixels if larger. */
  progress(maxSteps: number): number {
    const pixels = this.outcome.reason.length;
    return pixels === 0 ? 1 : Math.min(1, Math.max(this.stepsTaken / (maxSteps + 1), 1 - this.active / pixels));
  }

  /**
   * Up to `steps` more steps for every running pixel (lockstep), or the same amount of work,
   * `steps` x the running pixels, pixel after pixel (pixel-outer); returns the pixel-steps done.
   */
  advance(steps: number): number {
    let work = 0;
    if (this.pixelOuter) work = this.pixelOuter.advance(steps * this.pixelOuter.active);
    else for (const b of this.batches) if (b.active > 0) work += b.advance(steps);
    this.stepsTaken += steps;
    return work;
  }
}
