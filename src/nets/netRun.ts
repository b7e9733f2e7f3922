// One optimizer run on a network, advanced a few steps at a time. The run rules of a surface run
// (experiment-v1.md, "Semantics of one run"; src/optim/runRules.ts), with weights for x:
// 1. at w_t record the full-batch training objective L(w_t) (mean logistic loss + Omega), the
//    norm of its full-batch gradient, and the same objective on the held-out split;
// 2. stop with gradTol if gradTol > 0 and the FULL-BATCH ||grad L(w_t)|| <= gradTol (a minibatch
//    gradient is never 0, and only the full one says whether w_t is stationary: the honest
//    verdict), with maxSteps if t = maxSteps;
// 3. the step's gradient: the full one when batchSize is 0 (or covers the split), otherwise the
//    gradient on the next minibatch (+ Omega's); then gradNoise, then clipping;
// 4. the optimizer's step with the scheduled learning rate (second-order methods get the dense
//    Hessian on the step's batch);
// 5. diverged if a weight or L(w_t+1) or its gradient is not finite, or a weight leaves
//    [-WEIGHT_BOUND, WEIGHT_BOUND] (runRulesDivergence.ts); the run then keeps its last finite
//    weights.
// At the stop, Lanczos on Hessian-vector products gives lambda_min and lambda_max of the
// full-batch objective's Hessian, hence the kind (verdict.ts).
import type { ParamValue, Run, RunStop, SecondOrderRule } from '../experiment/types';
import { nonFiniteStepCause } from '../optim/divergenceCause';
import { l2norm } from '../optim/gradient';
import type { Rng } from '../optim/rng';
import type { Evaluate } from '../optim/lineSearch';
import { runStopCode, stepGradient, STOP, STOP_REASONS, type StopRule } from '../optim/runRules';
import { isOutsideWeightBound, WEIGHT_BOUND } from '../optim/runRulesDivergence';
import { LrSchedule } from '../optim/schedule';
import type { OptimizerDef, OptimizerInstance, StepContext } from '../optim/types';
import { fmtNum, withNotes } from '../optim/verdict';
import { lanczosExtremes } from '../optim/lanczos';
import { MinibatchOrder } from './minibatch';
import type { NetObjective } from './objective';
import { Snapshots } from './snapshots';
import { netStream } from './streams';
import { classifyExtremes, lanczosNote, networkVerdict } from './verdict';
import { verdictLanczosIterations } from './cost';

export { WEIGHT_BOUND } from '../optim/runRulesDivergence';

/** Steps x_start .. x_(start+n-1) of one run, recorded by one advance(). */
export interface NetworkChunk {
  run: number;
  start: number;
  /** Training objective L(w_t): mean logistic loss + Omega, full batch. */
  f: Float64Array;
  /** ||grad L(w_t)||, full batch. */
  gradNorm: Float64Array;
  /** Evaluations spent before each step (RunResult.evals): cumulative, 0 at w_0. */
  evals: Float64Array;
  /** The same objective (mean logistic loss + Omega) on the held-out split. */
  heldOutLoss: Float64Array;
  /** Fraction of the training split classified right. */
  accuracy: Float64Array;
  heldOutAccuracy: Float64Array;
  /** Steps whose update added a perturbation (pgd). */
  perturbations: number[];
  stop?: RunStop;
}

export interface NetRunConfig {
  index: number;
  run: Run;
  objective: NetObjective;
  def: OptimizerDef;
  params: Record<string, ParamValue>;
  init: Float64Array;
  maxSteps: number;
  gradTol: number;
  /** stop.maxEvals; undefined: no budget. */
  maxEvals?: number;
  /** 0 = full batch. */
  batchSize: number;
  seed: number;
  /** The run's own stream (optimizer noise, gradNoise). */
  rng: Rng;
  /** The second-order stopping rule (stop.secondOrder): lambda_min by Lanczos where ||grad L|| <= eps. */
  secondOrder?: SecondOrderRule;
  /** Told how far a dense-Hessian step is (it takes seconds on a large net); it only reads. */
  onProgress?: (p: StepProgress) => void;
}

/**
 * How far run `run` is inside the step that makes w_step from w_(step-1): building the dense
 * Hessian (`fraction` of its columns done), then the optimizer's update on it (an O(dim^3) solve
 * or eigendecomposition, one call: fraction 0). Only optimizers that need the dense Hessian report.
 */
export interface StepProgress {
  run: number;
  step: number;
  phase: 'hessian' | 'update';
  fraction: number;
}

/** The full-batch training objective's L and gradient at any weights (StepContext.evaluate). */
function fullBatchEvaluator(objective: NetObjective): Evaluate {
  const out = { f: 0, g: new Float64Array(objective.dim) };
  return (w) => {
    out.f = objective.lossGrad(w, out.g).loss;
    return out;
  };
}

export class NetRun {
  readonly index: number;
  readonly w: Float64Array;
  readonly snapshots: Snapshots;
  private readonly g: Float64Array;
  private readonly gs: Float64Array;
  private readonly prev: Float64Array;
  private readonly opt: OptimizerInstance;
  private readonly ctx: StepContext;
  private readonly baseLr: number;
  private readonly schedule: LrSchedule;
  private readonly order: MinibatchOrder | null;
  private t = 0;
  private fx = NaN;
  private held = { loss: NaN, accuracy: NaN };
  private acc = NaN;
  /** Evaluations spent by the steps before t. */
  private evals = 0;
  private stopped: RunStop | null = null;
  /** Lanczos at w_t for step t, kept so that the stop verdict at t reuses the second-order test's. */
  private extremesAt: { t: number; value: ReturnType<NetRun['extremes']> } | null = null;

  /** The stop test's settings (runRules.runStopCode), read once from the config. */
  private readonly stopRule: StopRule;
  /** denseHessian's column callback, reporting StepProgress (undefined: nobody listens). */
  private readonly onColumn?: (done: number, total: number) => void;

  constructor(private readonly cfg: NetRunConfig) {
    this.stopRule = { gradTol: cfg.gradTol, maxSteps: cfg.maxSteps, rho: cfg.secondOrder?.rho, maxEvals: cfg.maxEvals };
    const dim = cfg.objective.dim;
    this.index = cfg.index;
    this.w = cfg.init.slice();
    this.g = new Float64Array(dim);
    this.gs = new Float64Array(dim);
    this.prev = new Float64Array(dim);
    this.opt = cfg.def.create(cfg.params, dim);
    this.baseLr = cfg.params.lr as number;
    this.schedule = new LrSchedule(this.baseLr, cfg.run.schedule);
    this.ctx = { lr: this.baseLr, rng: cfg.rng, hessian: cfg.def.needsHessian ? new Float64Array(dim * dim) : undefined, evaluate: fullBatchEvaluator(cfg.objective) };
    const n = cfg.objective.train.count;
    this.order = cfg.batchSize > 0 && cfg.batchSize < n ? new MinibatchOrder(n, cfg.batchSize, netStream(cfg.seed, 'minibatch')) : null;
    // the schema refuses this (consistency.ts): a line search compares f at several points of one objective
    if (this.order && cfg.def.needsEvaluator) throw new Error(`${cfg.def.id} needs the full batch (problem.batchSize = 0)`);
    this.snapshots = new Snapshots(dim);
    this.snapshots.offer(0, this.w);
    this.evaluateHere();
    const report = cfg.onProgress;
    if (report && cfg.def.needsHessian) this.onColumn = (done, total) => report({ run: this.index, step: this.t + 1, phase: 'hessian', fraction: done / total });
  }

  get done(): boolean {
    return this.stopped !== null;
  }

  get stop(): RunStop | null {
    return this.stopped;
  }

  /** Index of the current point w_t (the number of steps taken). */
  get step(): number {
    return this.t;
  }

  private evaluateHere(): boolean {
    const e = this.cfg.objective.lossGrad(this.w, this.g);
    if (!Number.isFinite(e.loss) || !this.g.every(Number.isFinite)) return false;
    this.fx = e.loss;
    this.acc = e.accuracy;
    this.held = this.cfg.objective.evaluate(this.w, this.cfg.objective.heldOut);
    return true;
  }

  advance(steps: number): NetworkChunk {
    const { run, objective } = this.cfg;
    const cap = this.done ? 0 : steps;
    const out = { f: new Float64Array(cap), gn: new Float64Array(cap), ev: new Float64Array(cap), ho: new Float64Array(cap), acc: new Float64Array(cap), hacc: new Float64Array(cap) };
    const perturbations: number[] = [];
    const start = this.t;
    const w = this.w;
    let n = 0;
    let stop: RunStop | undefined;
    while (n < cap) {
      const norm = l2norm(this.g);
      const code = runStopCode(this.fx, norm, this.t, this.evals, this.stopRule, this.lambdaMinHere);
      if (code === STOP.diverged) {
        // Only at the start: nothing finite to record (the run has 0 points, as a surface run).
        stop = this.finish('diverged', 'diverged at the start: the loss or its gradient is not finite at the initial weights, so the run records no point');
        break;
      }
      out.f[n] = this.fx;
      out.gn[n] = norm;
      out.ev[n] = this.evals;
      out.ho[n] = this.held.loss;
      out.acc[n] = this.acc;
      out.hacc[n] = this.held.accuracy;
      n++;
      if (code !== STOP.running) {
        stop = this.finish(STOP_REASONS[code]!);
        break;
      }
      const batch = this.order ? this.order.next() : null;
      if (batch) objective.lossGrad(w, this.gs, batch, batch.length);
      else this.gs.set(this.g);
      stepGradient(this.gs, run.gradNoise, run.clip, this.cfg.rng);
      this.ctx.lr = this.schedule.at(this.t);
      if (this.ctx.hessian) {
        objective.denseHessian(w, this.ctx.hessian, batch, batch ? batch.length : undefined, this.onColumn);
        this.cfg.onProgress?.({ run: this.index, step: this.t + 1, phase: 'update', fraction: 0 });
      }
      this.prev.set(w);
      this.ctx.f = this.fx;
      this.ctx.evals = 1;
      if (this.opt.step(w, this.gs, this.ctx)) perturbations.push(this.t);
      this.evals += this.ctx.evals;
      const bad = this.outOfBounds();
      if (bad || !this.evaluateHere()) {
        // A division by zero in the optimizer's state (eps = 0, a singular Newton system) is named as such.
        const cause = nonFiniteStepCause({ optimizer: run.optimizer, params: this.cfg.params, prev: this.prev, g: this.gs, next: w, coordinate: (i) => `weight ${i}` });
        const what = cause ?? bad ?? 'the loss or its gradient is not finite there';
        w.set(this.prev);
        this.evaluateHere();
        stop = this.finish('diverged', this.divergenceMessage(what, cause === null));
        break;
      }
      this.t++;
      this.snapshots.offer(this.t, w);
    }
    const cut = (a: Float64Array) => (n === cap ? a : a.slice(0, n));
    return {
      run: this.index,
      start,
      f: cut(out.f),
      gradNorm: cut(out.gn),
      evals: cut(out.ev),
      heldOutLoss: cut(out.ho),
      accuracy: cut(out.acc),
      heldOutAccuracy: cut(out.hacc),
      perturbations,
      stop,
    };
  }

  private outOfBounds(): string | null {
    for (let i = 0; i < this.w.length; i++) {
      const v = this.w[i];
      if (!isOutsideWeightBound(v)) continue;
      if (!Number.isFinite(v)) return 'the step produced a non-finite weight';
      return `weight ${i} went to ${fmtNum(v)}, beyond the bound |w| <= ${fmtNum(WEIGHT_BOUND)}`;
    }
    return null;
  }

  /** lambda_min and lambda_max of the full-batch Hessian at w (Lanczos, seeded start vector). */
  /** The work is bounded (cost.ts: verdictLanczosIterations), so the largest net's check takes seconds. */
  private extremes(w: Float64Array): { eig: [number, number]; converged: boolean; iterations: number; residuals?: [number, number] } | null {
    const obj = this.cfg.objective;
    const maxIter = verdictLanczosIterations(obj.train.count, obj.dim);
    const e = lanczosExtremes((v, out) => obj.hvp(w, v, out), obj.dim, netStream(this.cfg.seed, 'lanczos'), { maxIter });
    return Number.isFinite(e.min) && Number.isFinite(e.max) ? { eig: [e.min, e.max], converged: e.converged, iterations: e.iterations, ...(e.residuals ? { residuals: e.residuals } : {}) } : null;
  }

  /** extremes(w_t), computed once per step t (the second-order test, then the stop verdict). */
  private extremesHere(): ReturnType<NetRun['extremes']> {
    if (this.extremesAt?.t !== this.t) this.extremesAt = { t: this.t, value: this.extremes(this.w) };
    return this.extremesAt.value;
  }

  /** lambda_min at w_t (the second-order stop test; NaN when Lanczos gave no finite estimate). */
  private readonly lambdaMinHere = (): number => this.extremesHere()?.eig[0] ?? NaN;

  private finish(reason: RunStop['reason'], divergence?: string): RunStop {
    const found = this.extremesHere();
    const eig = found?.eig ?? null;
    const base = { reason, step: this.t, kind: eig ? classifyExtremes(eig[0], eig[1]) : null, hessianEigenvalues: eig };
    let message = divergence ?? networkVerdict(base, l2norm(this.g), this.cfg.gradTol, this.cfg.secondOrder);
    const notes = this.opt.notes?.() ?? [];
    if (found && !found.converged) message += lanczosNote(found.iterations, found.residuals);
    // the network's message is its verdict sentence (NetworkPanel shows it): the notes go there too
    this.stopped = notes.length ? { ...base, message: withNotes(message, { notes }), notes } : { ...base, message };
    return this.stopped;
  }

  private divergenceMessage(what: string, hint: boolean): string {
    let msg = `diverged at step ${this.t + 1}: ${what}; last finite weights at step ${this.t}, L = ${fmtNum(this.fx)}`;
    if (!hint) return msg;
    // The curvature bound at the initial weights: plain GD converges locally only if lr < 2 / lambda_max.
    const eig = this.extremes(this.cfg.init)?.eig;
    const lmax = eig ? Math.max(Math.abs(eig[0]), Math.abs(eig[1])) : NaN;
    // (not for a line search, whose step length is its own)
    if (!this.cfg.def.needsEvaluator && Number.isFinite(lmax) && lmax > 0 && this.baseLr > 2 / lmax) {
      msg += `. Hint: lr = ${fmtNum(this.baseLr)} > 2 / lambda_max = ${fmtNum(2 / lmax)} at the initial weights, where plain gradient descent cannot converge`;
    }
    return msg;
  }
}
