// Switching the problem: another catalogue surface, a typed expression, the network race, or
// another dataset. Each run keeps its optimizer and its own settings; a setting still on a
// default follows the new problem's recommendation (a surface's learning rate for gradient
// descent, a dataset's noise), so what the problem's sentence says is what the screen shows. The
// network set-up is remembered while a surface is shown, and the surface runs while a network is.
import { OPTIMIZER_SPECS } from '../optim/optimizers/params';
import type { DatasetId, Experiment, NetworkProblem, OptimizerId, Run, SurfaceId } from '../experiment/types';
import { CATALOGUE } from '../surfaces/catalogue';
import { editExperiment } from './edit';
import { useStore } from './store';

/**
 * The optimizers whose step is lr times the gradient, for which a surface's recommended learning
 * rate is meant (sgd.ts, pgd.ts, noisySgd.ts). Adaptive methods scale their own steps and Newton's
 * methods take lr = 1 as a full step: their learning rates do not carry over.
 */
const GRADIENT_STEP: ReadonlySet<OptimizerId> = new Set<OptimizerId>(['sgd', 'pgd', 'noisySgd']);

/** The learning rate a surface recommends for gradient descent (undefined for typed expressions). */
function recommendedLr(problem: Experiment['problem']): number | undefined {
  return problem.kind === 'surface' && 'id' in problem ? CATALOGUE[problem.id]?.recommendedLr : undefined;
}

/** A run's learning rate is "on a default" when it is unset, the optimizer's default, or the old surface's recommendation. */
function onDefaultLr(run: Run, previous: number | undefined): boolean {
  const lr = run.params?.lr;
  const spec = OPTIMIZER_SPECS[run.optimizer].params.lr;
  return lr === undefined || (spec?.type === 'number' && lr === spec.default) || (previous !== undefined && lr === previous);
}

/**
 * The runs moved from one surface problem to another: optimizers and settings kept, starts
 * dropped (each surface has its own), and a gradient-descent run on a default learning rate given
 * the new surface's recommended one.
 */
export function runsForSurface(runs: readonly Run[], from: Experiment['problem'], to: Experiment['problem']): Run[] {
  const previous = recommendedLr(from);
  const next = recommendedLr(to);
  return runs.map((run) => {
    const { start: _start, ...moved } = structuredClone(run);
    if (next !== undefined && GRADIENT_STEP.has(run.optimizer) && onDefaultLr(run, previous)) moved.params = { ...moved.params, lr: next };
    return moved;
  });
}

/** Where a network race starts: a small tanh network on moons, Adam against SGD with momentum. */
function defaultNetworkSetup(): Pick<Experiment, 'problem' | 'runs' | 'stop'> {
  return {
    problem: { kind: 'network', dataset: 'moons', samples: 300, noise: DATASET_NOISE.moons, hidden: [8, 8], activation: 'tanh', batchSize: 0 },
    runs: [
      { optimizer: 'adam', params: { lr: 0.02 } },
      { optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 } },
    ],
    stop: { maxSteps: 1000, gradTol: 1e-4 },
  };
}

/**
 * Each dataset's noise (the standard deviation added to every coordinate) that keeps its shape
 * visible: the spiral's arms are 0.28 apart at most, so the moons' 0.15 would blur them into a disc.
 */
export const DATASET_NOISE: Readonly<Record<DatasetId, number>> = { moons: 0.15, circles: 0.1, xor: 0.1, spiral: 0.03, blobs: 0.1 };

/** What the other kind of problem looked like when the user left it, restored on return. */
let savedNetwork: Pick<Experiment, 'problem' | 'runs' | 'stop'> | null = null;
let savedSurface: Pick<Experiment, 'problem' | 'runs' | 'stop'> | null = null;

const setupOf = (e: Experiment): Pick<Experiment, 'problem' | 'runs' | 'stop'> => structuredClone({ problem: e.problem, runs: e.runs, stop: e.stop });

/** A catalogue surface or a typed expression; from a network, the surface runs left behind come back. */
export function chooseSurfaceProblem(problem: Extract<Experiment['problem'], { kind: 'surface' }>): boolean {
  return editExperiment((e) => {
    if (e.problem.kind === 'network') {
      savedNetwork = setupOf(e);
      const back = savedSurface ?? { problem, runs: [{ optimizer: 'sgd', params: {} }], stop: { maxSteps: 2000, gradTol: 1e-4 } };
      e.runs = back.runs;
      e.stop = back.stop;
      e.problem = back.problem;
    }
    if (e.problem.kind === 'function') {
      // a d-dimensional start or a random start means nothing on a surface
      for (const r of e.runs) {
        delete r.start;
        delete r.startRadius;
      }
    }
    e.runs = runsForSurface(e.runs, e.problem, problem);
    e.problem = problem;
    delete e.view;
  });
}

/** Where a function in d dimensions starts: GD stuck at a strict saddle in d = 10, perturbed GD escaping it. */
export function chooseFunction(): boolean {
  useStore.setState({ rejectedExpr: null });
  return editExperiment((e) => {
    if (e.problem.kind === 'function') return;
    if (e.problem.kind === 'network') savedNetwork = setupOf(e);
    else savedSurface = setupOf(e);
    e.problem = { kind: 'function', id: 'strictSaddle', dim: 10, params: { k: 2 } };
    e.runs = [
      { optimizer: 'sgd', params: { lr: 0.05 } },
      { optimizer: 'pgd', params: { lr: 0.05, tThreshold: 1000 } },
    ];
    e.stop = { maxSteps: 3000, gradTol: 1e-6 };
    delete e.view;
  });
}

export function chooseSurface(id: SurfaceId): boolean {
  useStore.setState({ rejectedExpr: null });
  return chooseSurfaceProblem({ kind: 'surface', id });
}

/** The network race: the set-up left when the user last switched away, else the default one. */
export function chooseNetwork(): boolean {
  return editExperiment((e) => {
    if (e.problem.kind === 'network') return;
    savedSurface = setupOf(e);
    const setup = savedNetwork ?? defaultNetworkSetup();
    e.problem = structuredClone(setup.problem);
    e.runs = structuredClone(setup.runs);
    e.stop = { ...setup.stop };
    delete e.view;
  });
}

/** Another dataset; a noise still on the old dataset's value takes the new dataset's. */
export function chooseDataset(dataset: DatasetId): boolean {
  return editExperiment((e) => {
    if (e.problem.kind !== 'network') return;
    const p: NetworkProblem = e.problem;
    if (p.noise === DATASET_NOISE[p.dataset]) p.noise = DATASET_NOISE[dataset];
    p.dataset = dataset;
  });
}
