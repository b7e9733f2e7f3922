// How long a network job takes, said before it starts (issue 14, item 4: "every long job
// bounded"). The schema allows jobs of weeks: 8 runs x 100,000 full-batch steps of a 4 x 64-unit
// net (12,737 weights) on 4,000 training points is about a second a step; cubic Newton on a
// 394-weight net needs 394 Hessian-vector products and a 394 x 394 eigendecomposition a step,
// about 40 s. The limits stay (they are what old links may hold); what is bounded instead:
// - the stop verdict's Lanczos check, by a fixed amount of work (verdictLanczosIterations): a
//   few seconds on the largest net, its residual stated in the verdict when unconverged;
// - the user's surprise: the CLI prints this estimate on stderr before a job of more than
//   ESTIMATE_NOTE_SECONDS, and its progress while stderr is a terminal.
// Work is counted, not timed, so every run gives the same numbers on every machine.
import { heldOutCount, trainCount as trainingPoints } from '../experiment/netSplit';
import type { Experiment, NetworkProblem } from '../experiment/types';
import { OPTIMIZERS } from '../optim/optimizers';
import { mlp } from './mlp';

/**
 * CPU seconds per (sample x weight) of one pass, measured on the development machine (Node 20,
 * process.cpuUsage around NetObjective's calls on nets of 33 to 12,737 weights; wall time on a
 * loaded machine is longer): the loss and its gradient ~5 ns, a Hessian-vector product ~10 ns,
 * the held-out loss ~2 ns, plus about 100 weights' worth of work per sample (small nets).
 */
const GRAD_S = 6e-9;
const HVP_S = 1.2e-8;
const EVAL_S = 2.5e-9;
const PER_SAMPLE_WEIGHTS = 100;
/**
 * The dense eigen-decomposition with vectors (src/numeric/symmetricEigen.ts, Householder + QL) of
 * an n x n matrix: ~5 ns x n^3 of CPU (0.29 s at n = 394, median of 3 on a random matrix, load
 * average 9.7). Cubic Newton's cyclic Jacobi, which it replaced, took 25 s there.
 */
const EIGEN_S = 5e-9;

/**
 * Work allowed to the stop verdict's Lanczos check, in sample x weight products (one
 * Hessian-vector product costs samples x weights): 100 products for nets up to 4e6 training
 * samples x weights (every net the tests, lessons and fixtures run: the largest is 800 x 337),
 * fewer beyond, at least MIN_VERDICT_ITERATIONS. The largest net allowed (12,737 weights, 4,000
 * training points) gets 8 products, ~4 s of CPU; it had 26 (~13 s of CPU; the issue measured
 * 28 s of wall time). An unconverged check states its residuals in the verdict.
 */
export const VERDICT_LANCZOS_WORK = 4e8;
export const MIN_VERDICT_ITERATIONS = 8;
export const MAX_VERDICT_ITERATIONS = 100;

/** Lanczos iterations (Hessian-vector products) of the stop verdict on a net of `dim` weights. */
export function verdictLanczosIterations(trainCount: number, dim: number): number {
  return Math.max(MIN_VERDICT_ITERATIONS, Math.min(MAX_VERDICT_ITERATIONS, Math.floor(VERDICT_LANCZOS_WORK / (trainCount * dim))));
}

/** A job over this many seconds gets its estimate printed before it starts (CLI, stderr). */
export const ESTIMATE_NOTE_SECONDS = 10;

export interface JobEstimate {
  seconds: number;
  /** One step of the slowest run. */
  stepSeconds: number;
  /** The stop verdict's Lanczos check of one run. */
  checkSeconds: number;
  weights: number;
  trainCount: number;
}

/** The time of a network experiment run to maxSteps (an upper bound: runs may stop earlier); null for a surface. */
export function networkJobEstimate(exp: Experiment): JobEstimate | null {
  if (exp.problem.kind !== 'network') return null;
  const p: NetworkProblem = exp.problem;
  const weights = mlp(p.hidden, p.activation).weightCount;
  const held = heldOutCount(p.samples);
  const trainCount = trainingPoints(p.samples);
  const batch = p.batchSize > 0 && p.batchSize < trainCount ? p.batchSize : 0;
  const pass = (samples: number, perSampleWeight: number) => samples * (weights + PER_SAMPLE_WEIGHTS) * perSampleWeight;
  // each step: the full-batch loss and gradient at w_t, the held-out loss, the minibatch gradient
  const base = pass(trainCount, GRAD_S) + pass(held, EVAL_S) + (batch ? pass(batch, GRAD_S) : 0);
  const dense = weights * pass(batch || trainCount, HVP_S) + EIGEN_S * weights * weights * weights;
  const stepSeconds = base + (exp.runs.some((r) => OPTIMIZERS[r.optimizer]?.needsHessian) ? dense : 0);
  const stepsOf = (needsHessian: boolean) => (needsHessian ? base + dense : base);
  const checkSeconds = verdictLanczosIterations(trainCount, weights) * pass(trainCount, HVP_S);
  const seconds = exp.runs.reduce((s, r) => s + exp.stop.maxSteps * stepsOf(OPTIMIZERS[r.optimizer]?.needsHessian ?? false) + checkSeconds, 0);
  return { seconds, stepSeconds, checkSeconds, weights, trainCount };
}

/** "3.2 s", "4 min", "2.5 h", "6 days". */
export function formatDuration(seconds: number): string {
  const round = (v: number) => (v < 10 ? v.toFixed(1).replace(/\.0$/, '') : v.toFixed(0));
  if (seconds < 60) return `${round(seconds)} s`;
  if (seconds < 3600) return `${round(seconds / 60)} min`;
  if (seconds < 86400) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86400)} days`;
}

/** The line the CLI prints before a long job, or null for a short one. */
export function estimateNote(exp: Experiment): string | null {
  const e = networkJobEstimate(exp);
  if (e === null || e.seconds <= ESTIMATE_NOTE_SECONDS) return null;
  return (
    `note: this job may take about ${formatDuration(e.seconds)} of CPU time (${exp.runs.length} run${exp.runs.length > 1 ? 's' : ''} x ${exp.stop.maxSteps} steps ` +
    `of a ${e.weights}-weight network on ${e.trainCount} training points: ~${formatDuration(e.stepSeconds)} a step, ` +
    `~${formatDuration(e.checkSeconds)} for each run's final Hessian check; fewer if runs stop early)`
  );
}
