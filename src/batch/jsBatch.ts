// The batched engine in plain JS (float64): the run rules of src/optim/runRules.ts, the scalar
// engine's (surfaceRun.ts) step for step, for a whole row of pixels in lockstep, reusing the
// optimizer definitions of src/optim/optimizers rather than a second copy of each update rule.
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
import { gradNorm2, secondOrderStopCode, STOP, stepGradient, stopCodeAt, stopCodeWithEvals } from '../optim/runRules';
import { eigenSym2 } from '../surfaces/classify';
import { type DivergenceBox, divergedAt, divergenceBox } from '../optim/runRulesDivergence';
import { LrSchedule } from '../optim/schedule';
import { objectiveEvaluator } from '../optim/surfaceRun';
import type { OptimizerDef, OptimizerInstance, StepContext } from '../optim/types';
import type { Objective2 } from '../surfaces/objective';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { type BatchJob, pixelSetting, pixelStart, sharedSetting } from './batchJob';
import { allocateRows, type RowsOutcome } from './outcome';

/** A 32-bit hash of (seed, row): the seed of row `row`'s random stream. */
export function rowSeed(seed: number, row: number): number {
  let h = (seed ^ Math.imul(row + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function optimizerDef(job: BatchJob): OptimizerDef {
  const def = OPTIMIZERS[job.optimizer];
  if (!def) throw new Error(`optimizer "${job.optimizer}" is not implemented yet`);
  return def;
}

/** One grid row in lockstep. `t` is the step index of every pixel still running. */
export class RowBatch {
  private readonly n: number;
  private readonly x: Float64Array;
  private readonly g: Float64Array;
  /** The step's gradient (noise, clipping); zero for stopped pixels. */
  private readonly gs: Float64Array;
  private readonly fx: Float64Array;
  /** Evaluations each pixel has spent (the maxEvals rule). */
  private readonly evals: Float64Array;
  private readonly prev = new Float64Array(2);
  private readonly h3 = new Float64Array(3);
  private readonly pair = new Float64Array(2);
  /** x_t of every pixel, to undo a diverging step. */
  private readonly saved: Float64Array;
  private readonly rng: Rng;
  /** Each start's divergence box (it depends on the start: runRulesDivergence.ts). */
  private readonly boxes: DivergenceBox[] = [];
  private readonly instances: OptimizerInstance[];
  private readonly schedules: LrSchedule[];
  private readonly noise: Float64Array;
  private readonly ctx: StepContext[];
  private readonly separable: boolean;
  /**
   * No pixel adds noise and the job does not clip, so stepGradient would return g_t as it is:
   * the kernel skips the call and its copy (a few percent of a basin map's time).
   */
  private readonly plainGradient: boolean;
  private t = 0;
  /** The pixel whose stop is being tested (read by lambdaMinOfPixel). */
  private testing = 0;
  active: number;

  constructor(
    private readonly job: BatchJob,
    private readonly objective: Objective2,
    readonly row: number,
    private readonly out: RowsOutcome,
    /** Offset of this row in `out`'s arrays. */
    private readonly base: number,
  ) {
    const n = job.grid.nx;
    this.n = n;
    this.active = n;
    this.x = new Float64Array(2 * n);
    this.g = new Float64Array(2 * n);
    this.gs = new Float64Array(2 * n);
    this.fx = new Float64Array(n);
    this.evals = new Float64Array(n);
    this.saved = new Float64Array(2 * n);
    const def = optimizerDef(job);
    this.separable = sharedSetting(job) && SEPARABLE.has(job.optimizer);
    const rng = new Rng(xoroshiro128plus(rowSeed(job.seed, row)));
    const settings = this.separable ? [pixelSetting(job, 0, row)] : Array.from({ length: n }, (_, i) => pixelSetting(job, i, row));
    this.instances = this.separable ? [def.create(settings[0].params, 2 * n)] : settings.map((s) => def.create(s.params, 2));
    this.schedules = settings.map((s) => new LrSchedule(s.params.lr as number, job.schedule ?? undefined));
    this.noise = Float64Array.from(this.separable ? Array<number>(n).fill(settings[0].gradNoise) : settings.map((s) => s.gradNoise));
    this.plainGradient = job.clip === null && this.noise.every((sigma) => !sigma);
    const evaluate = objectiveEvaluator(objective);
    this.ctx = this.instances.map(() => ({ lr: 0, rng, hessian: def.needsHessian ? new Float64Array(4) : undefined, evaluate }));
    const g2 = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      const [sx, sy] = pixelStart(job, i, row);
      this.boxes.push(divergenceBox(objective.surface.view, [sx, sy]));
      this.x[2 * i] = sx;
      this.x[2 * i + 1] = sy;
      this.fx[i] = objective.f(sx, sy);
      objective.grad(sx, sy, g2);
      this.g[2 * i] = g2[0];
      this.g[2 * i + 1] = g2[1];
    }
    this.rng = rng;
  }

  private finish(i: number, reason: number): void {
    const k = this.base + i;
    this.out.endX[k] = this.x[2 * i];
    this.out.endY[k] = this.x[2 * i + 1];
    this.out.f[k] = this.fx[i];
    this.out.steps[k] = this.t;
    this.out.reason[k] = reason;
    this.active--;
  }

  private running(i: number): boolean {
    return this.out.reason[this.base + i] === STOP.running;
  }

  /** Advances every running pixel up to `steps` steps; returns the pixel-steps done. */
  advance(steps: number): number {
    const { job, n, x, g, gs, fx, objective } = this;
    const { gradTol, maxSteps, maxEvals } = job;
    let work = 0;
    for (let s = 0; s < steps && this.active > 0; s++) {
      // 1-3: stopping rule at x_t, then the step's gradient (noise, then clipping)
      for (let i = 0; i < n; i++) {
        gs[2 * i] = 0;
        gs[2 * i + 1] = 0;
        if (!this.running(i)) continue;
        const gx = g[2 * i];
        const gy = g[2 * i + 1];
        this.testing = i;
        const code = stopCodeWithEvals(secondOrderStopCode(stopCodeAt(fx[i], gradNorm2(gx, gy), this.t, gradTol, maxSteps), this.t, maxSteps, gradTol, job.secondOrder?.rho, this.lambdaMinOfPixel), this.evals[i], maxEvals);
        if (code !== STOP.running) {
          this.finish(i, code);
        } else if (this.plainGradient) {
          gs[2 * i] = gx;
          gs[2 * i + 1] = gy;
        } else {
          const pair = this.pair;
          pair[0] = gx;
          pair[1] = gy;
          stepGradient(pair, this.noise[i], job.clip, this.rng);
          gs[2 * i] = pair[0];
          gs[2 * i + 1] = pair[1];
        }
      }
      if (this.active === 0) break;
      // 4: the optimizer's step with the scheduled learning rate (x_t kept in `saved`)
      const saved = this.saved;
      saved.set(x);
      if (this.separable) {
        this.ctx[0].lr = this.schedules[0].at(this.t);
        this.instances[0].step(x, gs, this.ctx[0]);
        // one evaluation a step each (a separable update evaluates nothing else)
        for (let i = 0; i < n; i++) if (this.running(i)) this.evals[i] += 1;
      } else {
        for (let i = 0; i < n; i++) {
          if (!this.running(i)) continue;
          const ctx = this.ctx[i];
          ctx.lr = this.schedules[i].at(this.t);
          if (ctx.hessian) this.hessianAt(x[2 * i], x[2 * i + 1], ctx.hessian);
          ctx.f = fx[i];
          ctx.evals = 1;
          this.instances[i].step(x.subarray(2 * i, 2 * i + 2), gs.subarray(2 * i, 2 * i + 2), ctx);
          this.evals[i] += ctx.evals;
        }
      }
      // 5: divergence, then f and the gradient at x_{t+1}
      for (let i = 0; i < n; i++) {
        if (!this.running(i)) continue;
        work++;
        const px = x[2 * i];
        const py = x[2 * i + 1];
        const fNext = Number.isFinite(px) && Number.isFinite(py) ? objective.f(px, py) : NaN;
        let ok = !divergedAt(fNext, this.boxes[i], px, py);
        if (ok) {
          objective.grad(px, py, this.prev);
          ok = Number.isFinite(this.prev[0]) && Number.isFinite(this.prev[1]);
          g[2 * i] = this.prev[0];
          g[2 * i + 1] = this.prev[1];
        }
        if (ok) {
          fx[i] = fNext;
        } else {
          x[2 * i] = saved[2 * i];
          x[2 * i + 1] = saved[2 * i + 1];
          this.finish(i, STOP.diverged);
        }
      }
      this.t++;
    }
    return work;
  }

  /** lambda_min of the Hessian at pixel `testing`'s x_t: the second-order stop test, only where ||g|| <= eps. */
  private readonly lambdaMinOfPixel = (): number => {
    const i = this.testing;
    this.objective.hessian(this.x[2 * i], this.x[2 * i + 1], this.h3);
    return eigenSym2(this.h3[0], this.h3[1], this.h3[2]).values[0];
  };

  private hessianAt(px: number, py: number, h4: Float64Array): void {
    this.objective.hessian(px, py, this.h3);
    h4[0] = this.h3[0];
    h4[1] = this.h3[1];
    h4[2] = this.h3[1];
    h4[3] = this.h3[2];
  }
}

/** The rows of a job given to one worker, advanced a chunk at a time. */
export class JsBatchRunner {
  readonly outcome: RowsOutcome;
  private readonly batches: RowBatch[];

  constructor(job: BatchJob, objective: Objective2, rows: number[]) {
    this.outcome = allocateRows(job.grid.nx, rows);
    this.batches = rows.map((row, k) => new RowBatch(job, objective, row, this.outcome, k * job.grid.nx));
  }

  /** Steps every still-running pixel has taken. */
  stepsTaken = 0;

  get active(): number {
    return this.batches.reduce((s, b) => s + b.active, 0);
  }

  /** Between 0 and 1: the lockstep's share of maxSteps, or the share of finished pixels if larger. */
  progress(maxSteps: number): number {
    const pixels = this.outcome.reason.length;
    return pixels === 0 ? 1 : Math.min(1, Math.max(this.stepsTaken / (maxSteps + 1), 1 - this.active / pixels));
  }

  /** Up to `steps` more steps for every running pixel; returns the pixel-steps done. */
  advance(steps: number): number {
    let work = 0;
    for (const b of this.batches) if (b.active > 0) work += b.advance(steps);
    this.stepsTaken += steps;
    return work;
  }
}
