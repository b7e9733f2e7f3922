// The network engine: an Experiment with a NetworkProblem in, runs out a chunk at a time, with the
// shape of the surface engine (src/optim/engine.ts) so the worker, the store and the CLI can route
// `problem.kind === 'network'` here. Runs race on the same data, the same initial weights and the
// same minibatch order (streams.ts); each run keeps its own stream for optimizer noise.
import { OPTIMIZER_SPECS, resolveParams } from '../optim/optimizers/params';
import { exactGradientIssues } from '../experiment/consistency';
import type { FieldError } from '../experiment/parse';
import type { Experiment, NetworkProblem, Run, RunResult } from '../experiment/types';
import { runStreamId } from '../experiment/streamIds';
import { OPTIMIZERS } from '../optim/optimizers';
import { runStream } from '../optim/rng';
import { fmtNum } from '../optim/verdict';
import { makeDataset, type NetworkData } from './datasets';
import { glorotInit, mlp, type Mlp } from './mlp';
import { type NetworkChunk, NetRun, type StepProgress } from './netRun';
import { NetObjective } from './objective';
import { netStream } from './streams';
import { initShapeError } from '../experiment/netInit';
import { flatWeights } from './exported';

export type { NetworkChunk, StepProgress } from './netRun';

/**
 * Newton and cubic Newton need the dense Hessian every step: dim Hessian-vector products and an
 * O(dim^3) solve or eigendecomposition. Past this many weights a step takes seconds.
 */
export const MAX_DENSE_HESSIAN_WEIGHTS = 400;

export interface NetworkPath {
  /** Steps of the kept snapshots, ending with the current step. */
  steps: number[];
  weights: Float64Array[];
}

export interface NetworkEngine {
  kind: 'network';
  labels: string[];
  readonly done: boolean;
  problem: NetworkProblem;
  seed: number;
  net: Mlp;
  data: NetworkData;
  objective: NetObjective;
  /** The seeded initial weights every run starts from (but a run with its own Run.init). */
  init: Float64Array;
  /** Moves every unfinished run up to `steps` steps; one chunk per unfinished run. */
  advance(steps: number): NetworkChunk[];
  /** A copy of run i's current weights w_t. */
  weights(run: number): Float64Array;
  /** t of run i's current weights. */
  step(run: number): number;
  /** Run i's thinned path of weights (snapshots.ts), the current weights last. */
  path(run: number): NetworkPath;
}

export type NetworkEngineResult = { ok: true; engine: NetworkEngine } | { ok: false; errors: FieldError[] };

/** The legend label, as the surface engine's defaultLabel (kept here to avoid an import cycle). */
function label(run: Run): string {
  if (run.label) return run.label;
  const lr = resolveParams(run.optimizer, run.params).lr as number;
  return `${OPTIMIZER_SPECS[run.optimizer].name} lr=${fmtNum(lr)}`;
}

/** `onProgress`: told how far each dense-Hessian step is (NetRunConfig.onProgress). */
export function createNetworkEngine(exp: Experiment, opts: { onProgress?: (p: StepProgress) => void } = {}): NetworkEngineResult {
  const problem = exp.problem;
  if (problem.kind !== 'network') return { ok: false, errors: [{ path: 'problem.kind', message: 'not a network problem' }] };
  const net = mlp(problem.hidden, problem.activation);
  const data = makeDataset(problem, exp.seed);
  const objective = new NetObjective(net, data.train, data.heldOut, problem.regularization);
  const init = glorotInit(net, netStream(exp.seed, 'init'));
  // the schema refuses these (minibatches, noise, clipping with a line search); code may not have asked it
  const errors: FieldError[] = exactGradientIssues(exp).map(({ path, message }) => ({ path, message }));
  if (errors.length) return { ok: false, errors };
  const runs: NetRun[] = [];
  exp.runs.forEach((run, index) => {
    // the registry is complete (a Record over every id the schema accepts)
    const def = OPTIMIZERS[run.optimizer];
    // A run's own initial weights (Run.init, e.g. exported from an earlier run) replace the seeded ones.
    const shapeError = run.init ? initShapeError(problem, run.init) : null;
    if (shapeError) {
      errors.push({ path: `runs[${index}].init`, message: shapeError });
      return;
    }
    if (def.needsHessian && net.weightCount > MAX_DENSE_HESSIAN_WEIGHTS) {
      errors.push({
        path: `runs[${index}].optimizer`,
        message: `${run.optimizer} needs the dense Hessian every step, limited to ${MAX_DENSE_HESSIAN_WEIGHTS} weights; this network has ${net.weightCount}`,
      });
      return;
    }
    runs.push(
      new NetRun({
        index,
        run,
        objective,
        def,
        params: resolveParams(run.optimizer, run.params),
        init: run.init ? flatWeights(net, run.init) : init,
        maxSteps: exp.stop.maxSteps,
        gradTol: exp.stop.gradTol,
        maxEvals: exp.stop.maxEvals,
        batchSize: problem.batchSize,
        seed: exp.seed,
        rng: runStream(exp.seed, runStreamId(run, index)),
        ...(exp.stop.secondOrder ? { secondOrder: exp.stop.secondOrder } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      }),
    );
  });
  if (errors.length) return { ok: false, errors };
  const byIndex = (i: number): NetRun => {
    const r = runs[i];
    if (!r) throw new RangeError(`no run ${i} (the experiment has ${runs.length})`);
    return r;
  };
  return {
    ok: true,
    engine: {
      kind: 'network',
      labels: exp.runs.map(label),
      get done() {
        return runs.every((r) => r.done);
      },
      problem,
      seed: exp.seed,
      net,
      data,
      objective,
      init,
      advance: (steps) => runs.filter((r) => !r.done).map((r) => r.advance(steps)),
      weights: (i) => byIndex(i).w.slice(),
      step: (i) => byIndex(i).step,
      path(i) {
        const r = byIndex(i);
        const steps = [...r.snapshots.steps];
        const weights = [...r.snapshots.weights];
        if (steps[steps.length - 1] !== r.step) {
          steps.push(r.step);
          weights.push(r.w.slice());
        }
        return { steps, weights };
      },
    },
  };
}

/** A network run's result: RunResult (points empty, f = training objective) plus the held-out series. */
export interface NetworkRunResult extends RunResult {
  heldOutLoss: number[];
  accuracy: number[];
  heldOutAccuracy: number[];
}

export function appendNetworkChunk(result: NetworkRunResult, chunk: NetworkChunk): void {
  for (let i = 0; i < chunk.f.length; i++) {
    result.f.push(chunk.f[i]);
    result.gradNorm.push(chunk.gradNorm[i]);
    result.evals.push(chunk.evals[i]);
    result.heldOutLoss.push(chunk.heldOutLoss[i]);
    result.accuracy.push(chunk.accuracy[i]);
    result.heldOutAccuracy.push(chunk.heldOutAccuracy[i]);
  }
  if (chunk.perturbations.length) (result.perturbations ??= []).push(...chunk.perturbations);
  if (chunk.stop) result.stop = chunk.stop;
}

/** Runs a network experiment to the end and collects every run's result (the CLI's path). */
export function collectNetworkResults(exp: Experiment, engine: NetworkEngine, chunkSteps = 4096): NetworkRunResult[] {
  const results: NetworkRunResult[] = exp.runs.map((run, i) => ({
    label: engine.labels[i],
    optimizer: run.optimizer,
    points: [],
    f: [],
    gradNorm: [],
    evals: [],
    heldOutLoss: [],
    accuracy: [],
    heldOutAccuracy: [],
    stop: { reason: 'maxSteps', step: 0, kind: null, hessianEigenvalues: null },
  }));
  while (!engine.done) {
    for (const chunk of engine.advance(chunkSteps)) appendNetworkChunk(results[chunk.run], chunk);
  }
  return results;
}
