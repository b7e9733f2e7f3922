// The batched JS engine's fast path: pixel-outer. Each start runs all its steps to its stop
// before the next one starts, so its point, gradient and counters stay in locals (registers)
// instead of a row of typed arrays walked once per step; per step it does exactly what the
// scalar engine (surfaceRun.ts) does, by the same run rules (runRules.ts: runStopCode, the one
// stop test, then stepGradient's clip, the optimizer's step, the divergence box), so every cell
// is the single run's, bit for bit (jsBatch.test.ts, pixelOuter.test.ts, the rules table).
//
// The numbers that depend only on the step and the parameters are computed once per step for
// all the pixels that share them (stepTable.ts): the optimizer's step scalars (Adam's bias
// corrections) for pixels whose parameters give the same ones, and a schedule's learning rate
// for pixels with the same base rate. Pixels are taken in order of those parameters, so one
// table of each is alive at a time.
//
// Only for deterministic work: the order of random draws is the lockstep kernel's (all pixels'
// noise for step t, then the optimizer's draws, pixel by pixel), so maps with gradient noise or
// an optimizer that draws (OptimizerDef.drawsRandom) stay on that kernel (jsBatch.ts). The
// context's random stream here refuses to draw, so an optimizer that draws without saying so
// fails loudly instead of giving a map that differs from its single runs. Basin maps of the
// separable optimizers with step scalars stay lockstep too, where they are faster (runsPixelOuter).
import { OPTIMIZERS, SEPARABLE } from '../optim/optimizers';
import { Rng } from '../optim/rng';
import { gradNorm2, runStopCode, stepGradient, STOP, stopCodeAt, type StopRule } from '../optim/runRules';
import { divergedInBox, boxHalfWidth, homeBox } from '../optim/runRulesDivergence';
import { LrSchedule } from '../optim/schedule';
import { objectiveEvaluator } from '../optim/surfaceRun';
import type { OptimizerDef, OptimizerInstance, StepContext } from '../optim/types';
import type { ParamValue } from '../experiment/types';
import type { Objective2 } from '../surfaces/objective';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { type BatchJob, pixelSetting, pixelStart, sharedSetting } from './batchJob';
import { type Evaluator, evaluatorOf, hessian2x2, lambdaMinAt } from './evaluator';
import type { RowsOutcome } from './outcome';
import { ScalarKeys } from './sharedScalars';
import { scalarTable, StepTable, TableReplay } from './stepTable';

/**
 * Whether a job's map runs pixel-outer: no pixel adds gradient noise, the optimizer never draws,
 * and it is not a basin map of a separable optimizer with step scalars (Adam, AdamW, NAdam,
 * RAdam, Adamax). Those take the lockstep kernel's row-wide instance, which computes the step's
 * scalar work (the bias corrections and the step size divided by them) once per row and step
 * instead of once per pixel and step: measured on the Adam basin map, lockstep 0.85 of the hand
 * loop, pixel-outer 0.73; for GD, momentum, RMSprop, Adagrad, Newton and sweeps pixel-outer is
 * the faster one (bench/results/maps.md).
 */
export function runsPixelOuter(job: BatchJob): boolean {
  const rowWideScalars = sharedSetting(job) && SEPARABLE.has(job.optimizer) && OPTIMIZERS[job.optimizer].stepScalars.names.length > 0;
  return drawsNothing(job) && !rowWideScalars;
}

/** No pixel adds gradient noise and the optimizer never draws: the pixel-outer kernel can run the job. */
export function drawsNothing(job: BatchJob): boolean {
  const g = job.grid;
  const noiseSwept = g.kind === 'sweep' && (g.x.param === 'gradNoise' || g.y.param === 'gradNoise');
  return !OPTIMIZERS[job.optimizer].drawsRandom && job.gradNoise === 0 && !noiseSwept;
}

/** The random stream of a pixel-outer map's steps: there is nothing to draw. */
class NoDraws extends Rng {
  constructor(private readonly optimizer: string) {
    super(xoroshiro128plus(0));
  }
  uniform(): number {
    throw new Error(`${this.optimizer} drew a random number in a pixel-outer map: mark it drawsRandom`);
  }
  normal(): number {
    return this.uniform();
  }
}

/** What a pixel runs with, and the keys of the per-step tables it reads. */
interface PixelPlan {
  /** Index in the outcome's arrays. */
  k: number;
  /** Column and grid row. */
  i: number;
  row: number;
  params: Record<string, ParamValue>;
  scalarKey: string;
  /** The base rate, when a schedule changes it (else the rate is params.lr throughout). */
  lr: number;
}

/** The pixel under way between two advance() calls (its numbers are in PixelOuterRows.paused). */
interface Current {
  plan: PixelPlan;
  instance: OptimizerInstance;
  /** The rates of its steps, or null: lr is constant. */
  lrs: StepTable | null;
}

/**
 * Where a paused pixel's numbers wait (t, f(x_t), g_t, evaluations spent, the half-width of its
 * divergence box); x_t is in `x`. A typed array: a plain object's fields would change
 * representation (an integral f is stored as a small integer) and send the kernel back to the
 * interpreter.
 */
const T = 0;
const F = 1;
const GX = 2;
const GY = 3;
const EVALS = 4;
const HALF_WIDTH = 5;

export class PixelOuterRows {
  private readonly def: OptimizerDef;
  private readonly plans: PixelPlan[];
  private next = 0;
  private current: Current | null = null;
  /** x_t of the running pixel: the array the optimizer updates in place. */
  private readonly x = new Float64Array(2);
  /** g_t, then the step's gradient (after clipping) handed to the optimizer; the evaluator writes g_(t+1) here. */
  private readonly g = new Float64Array(2);
  private readonly h3 = new Float64Array(3);
  private readonly paused = new Float64Array(6);
  private readonly ctx: StepContext;
  private readonly evaluator: Evaluator;
  private readonly rule: StopRule;
  private readonly cx: number;
  private readonly cy: number;
  private readonly homeR: number;
  /** The tables of the pixels under way (one of each alive at a time: plans are sorted by key). */
  private scalars: { key: string; table: StepTable } | null = null;
  private rates: { lr: number; table: StepTable } | null = null;
  /** No second-order rule and no evaluation budget: runStopCode is stopCodeAt alone (runRules.ts). */
  private readonly firstOrderStop: boolean;
  active: number;

  constructor(
    private readonly job: BatchJob,
    private readonly objective: Objective2,
    rows: readonly number[],
    private readonly out: RowsOutcome,
  ) {
    const def = OPTIMIZERS[job.optimizer];
    this.def = def;
    this.rule = { gradTol: job.gradTol, maxSteps: job.maxSteps, rho: job.secondOrder?.rho, maxEvals: job.maxEvals };
    this.firstOrderStop = this.rule.rho === undefined && this.rule.maxEvals === undefined;
    const nx = job.grid.nx;
    const shared = sharedSetting(job) ? pixelSetting(job, 0, rows[0] ?? 0).params : null;
    const keys = new ScalarKeys(def.stepScalars);
    const sharedKey = shared ? keys.of(shared) : '';
    const scheduled = !!job.schedule && job.schedule.kind !== 'constant';
    this.plans = [];
    rows.forEach((row, r) => {
      for (let i = 0; i < nx; i++) {
        const params = shared ?? pixelSetting(job, i, row).params;
        this.plans.push({ k: r * nx + i, i, row, params, scalarKey: shared ? sharedKey : keys.of(params), lr: scheduled ? (params.lr as number) : 0 });
      }
    });
    // one table of each kind alive at a time: pixels that share them run one after another
    if (!shared) this.plans.sort((a, b) => (a.scalarKey < b.scalarKey ? -1 : a.scalarKey > b.scalarKey ? 1 : a.lr - b.lr));
    this.active = this.plans.length;
    // lr, f: NaN and evals: 1 from the start, so the fields hold numbers (writing a double into a field
    // made for `undefined` or a small integer costs V8 a heap number per write)
    this.ctx = {
      lr: NaN,
      rng: new NoDraws(job.optimizer),
      hessian: def.needsHessian ? new Float64Array(4) : undefined,
      evaluate: objectiveEvaluator(objective),
      f: NaN,
      evals: 1,
    };
    this.evaluator = evaluatorOf(objective);
    const home = homeBox(objective.surface.view);
    this.cx = home.cx;
    this.cy = home.cy;
    this.homeR = home.r;
  }

  /** Runs pixels until about `budget` pixel-steps are done (the pixel under way pauses there); returns the pixel-steps done. */
  advance(budget: number): number {
    let work = 0;
    while (work < budget && (this.current || this.next < this.plans.length)) {
      const cur = this.current ?? this.begin(this.plans[this.next++]);
      work += this.run(cur, budget - work);
    }
    return work;
  }

  private tableOfScalars(plan: PixelPlan): StepTable {
    if (this.scalars?.key !== plan.scalarKey) {
      const def = this.def;
      this.scalars = { key: plan.scalarKey, table: scalarTable(def.stepScalars.start(plan.params), def.stepScalars.names.length) };
    }
    return this.scalars.table;
  }

  private tableOfRates(plan: PixelPlan): StepTable | null {
    const schedule = this.job.schedule;
    if (!schedule || schedule.kind === 'constant') return null;
    if (this.rates?.lr !== plan.lr) {
      const s = new LrSchedule(plan.lr, schedule);
      let t = 0;
      this.rates = { lr: plan.lr, table: new StepTable(1, (out) => (out[0] = s.at(t++))) };
    }
    return this.rates.table;
  }

  /** Sets up pixel `plan` at x_0 (steps 1-3 of step 0 happen in run()). */
  private begin(plan: PixelPlan): Current {
    const [sx, sy] = pixelStart(this.job, plan.i, plan.row);
    const { x, g, objective } = this;
    x[0] = sx;
    x[1] = sy;
    const f = objective.f(sx, sy);
    objective.grad(sx, sy, g);
    const instance = this.def.create(plan.params, 2, new TableReplay(this.tableOfScalars(plan)));
    this.ctx.lr = plan.params.lr as number;
    const p = this.paused;
    p[T] = 0;
    p[F] = f;
    p[GX] = g[0];
    p[GY] = g[1];
    p[EVALS] = 0;
    p[HALF_WIDTH] = boxHalfWidth(sx, sy, this.cx, this.cy, this.homeR);
    const cur: Current = { plan, instance, lrs: this.tableOfRates(plan) };
    this.current = cur;
    return cur;
  }

  /**
   * Steps 2-5 of the run rules for the pixel under way, from its step t until it stops or has
   * taken `budget` steps; returns the steps attempted (a step whose x_(t+1) diverged counts).
   * One way out, through which every pixel passes: code that runs only when a pixel pauses would
   * have no type feedback when V8 optimizes this, and each pause would leave the optimized code.
   */
  private run(cur: Current, budget: number): number {
    const { x, g, ctx, evaluator, rule, cx, cy } = this;
    const { instance, lrs } = cur;
    const clip = this.job.clip;
    const hessian = ctx.hessian;
    const p = this.paused;
    const halfWidth = p[HALF_WIDTH];
    let t = p[T];
    let f = p[F];
    let gx = p[GX];
    let gy = p[GY];
    let evals = p[EVALS];
    let sx = x[0];
    let sy = x[1];
    g[0] = gx;
    g[1] = gy;
    const tEnd = t + budget;
    const { gradTol, maxSteps } = rule;
    const firstOrder = this.firstOrderStop;
    const lineSearch = this.def.needsEvaluator === true;
    const lambdaMin = this.lambdaMin;
    const t0 = t;
    /** 1 when the last step attempted left the box (a step taken, though not counted in t). */
    let leftBox = 0;
    let code: number = STOP.running;
    for (;;) {
      // 2: the stop test at x_t (x holds x_t for lambdaMin)
      code = firstOrder ? stopCodeAt(f, gradNorm2(gx, gy), t, gradTol, maxSteps) : runStopCode(f, gradNorm2(gx, gy), t, evals, rule, lambdaMin);
      if (code !== STOP.running || t >= tEnd) break;
      // 3: the step's gradient (no noise on this path): g holds g_t
      if (clip !== null) stepGradient(g, 0, clip, ctx.rng);
      // 4: the optimizer's step with the scheduled rate
      if (lrs !== null) {
        const lr = lrs.at(t)[0];
        if (ctx.lr !== lr) ctx.lr = lr;
      }
      if (hessian !== undefined) this.hessianAt(sx, sy, hessian);
      if (lineSearch) {
        ctx.f = f;
        ctx.evals = 1;
        instance.step(x, g, ctx);
        evals += ctx.evals;
      } else {
        // a method without a line search reads neither f nor the count, and spends one evaluation
        instance.step(x, g, ctx);
        evals += 1;
      }
      // 5: divergence, then f and g at x_(t+1)
      const px = x[0];
      const py = x[1];
      const fNext = evaluator.f(px, py);
      let ok = !divergedInBox(fNext, cx, cy, halfWidth, px, py);
      if (ok) {
        evaluator.grad(px, py, g);
        gx = g[0];
        gy = g[1];
        ok = Number.isFinite(gx) && Number.isFinite(gy);
      }
      if (!ok) {
        x[0] = sx;
        x[1] = sy;
        code = STOP.diverged;
        leftBox = 1;
        break;
      }
      sx = px;
      sy = py;
      f = fNext;
      t++;
    }
    p[T] = t;
    p[F] = f;
    p[GX] = gx;
    p[GY] = gy;
    p[EVALS] = evals;
    if (code !== STOP.running) this.finish(cur.plan.k, code, t, sx, sy, f);
    return t + leftBox - t0;
  }

  private finish(k: number, reason: number, t: number, ex: number, ey: number, f: number): void {
    const out = this.out;
    out.endX[k] = ex;
    out.endY[k] = ey;
    out.f[k] = f;
    out.steps[k] = t;
    out.reason[k] = reason;
    this.current = null;
    this.active--;
  }

  /** lambda_min of the Hessian at x_t of the pixel under way: the second-order stop test, only where ||g|| <= eps. */
  private readonly lambdaMin = (): number => lambdaMinAt(this.objective, this.x[0], this.x[1], this.h3);

  private hessianAt(px: number, py: number, h4: Float64Array): void {
    hessian2x2(this.objective, px, py, this.h3, h4);
  }
}
