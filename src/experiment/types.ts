// The Experiment description, version 1 (../shared/design/experiment-v1.md).
// This file is the contract behind the share link, the JSON export, the CLI and the worker.

export const SURFACE_IDS = [
  'rosenbrock',
  'himmelblau',
  'beale',
  'booth',
  'matyas',
  'threeHumpCamel',
  'sixHumpCamel',
  'goldsteinPrice',
  'rastrigin',
  'ackley',
  'styblinskiTang',
  'saddle',
  'monkeySaddle',
  'doubleWell',
] as const;
export type SurfaceId = (typeof SURFACE_IDS)[number];

export const OPTIMIZER_IDS = [
  'sgd',
  'adagrad',
  'rmsprop',
  'adadelta',
  'adam',
  'adamw',
  'adamax',
  'nadam',
  'radam',
  'pgd',
  'noisySgd',
  'newton',
  'cubic',
  'saddleFreeNewton',
  'lbfgs',
  'bfgs',
  'cg',
] as const;
export type OptimizerId = (typeof OPTIMIZER_IDS)[number];

/** The d-dimensional test functions (src/functions; src/functions/limits.test.ts proves the list equal to its registry). */
export const FUNCTION_IDS = ['rastrigin', 'rosenbrock', 'styblinskiTang', 'strictSaddle', 'saddleChain', 'matrixFactorization'] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

export const DATASET_IDS = ['moons', 'circles', 'xor', 'spiral', 'blobs'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];
export const ACTIVATION_IDS = ['tanh', 'relu', 'sigmoid'] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

export interface Regularization {
  l1?: number;
  l2?: number;
}

export type SurfaceProblem =
  | { kind: 'surface'; id: SurfaceId; regularization?: Regularization }
  | { kind: 'surface'; expr: string; regularization?: Regularization };

export interface NetworkProblem {
  kind: 'network';
  dataset: DatasetId;
  samples: number;
  noise: number;
  hidden: number[];
  activation: ActivationId;
  batchSize: number;
  regularization?: Regularization;
}

/**
 * A d-dimensional test function (src/functions) at dimension `dim` (2 .. 1000) with its own
 * parameters (FUNCTION_PARAM_LIMITS; omitted ones take the function's defaults). Relations
 * between parameters and the dimension (strictSaddle's k <= dim, matrixFactorization's r | dim)
 * are the function's own check, made when the engine builds it.
 */
export interface FunctionProblem {
  kind: 'function';
  id: FunctionId;
  dim: number;
  params?: Record<string, number>;
}

export type Problem = SurfaceProblem | NetworkProblem | FunctionProblem;

/** A parameter's value: a number, a flag, a pair, or one of a choice's options (a name). */
export type ParamValue = number | boolean | number[] | string;

export type Schedule =
  | { kind: 'constant' }
  | { kind: 'step'; stepSize: number; gamma: number }
  | { kind: 'exponential'; gamma: number }
  | { kind: 'inverseTime'; decay: number }
  | { kind: 'cosine'; tMax: number; etaMin: number };

export interface Run {
  optimizer: OptimizerId;
  params?: Record<string, ParamValue>;
  /** The start point: 2 numbers on a surface, `dim` numbers on a function problem; default per problem. */
  start?: number[];
  /**
   * Function problems: the start is drawn uniformly from the Euclidean ball of this radius around
   * `start` (or the function's default start), from the run's own random stream before its first step.
   */
  startRadius?: number;
  gradNoise?: number;
  clip?: number;
  schedule?: Schedule;
  label?: string;
  /**
   * The run's random stream id (rng.ts: the stream of (seed, stream)). Written when the app
   * creates a run (the smallest id no other run uses), so removing, reordering or duplicating
   * runs never changes another run's numbers. Left out: the run's index, as before streams had ids.
   */
  stream?: number;
  /** Network runs only: the initial weights, layer by layer (./netInit.ts); not carried by the share link. */
  init?: LayerWeights[];
}

/** One layer of a network's weights: W is outputs x inputs (torch.nn.Linear's weight), b the biases. */
export interface LayerWeights {
  W: number[][];
  b: number[];
}

export interface ViewWindow {
  x: [number, number];
  y: [number, number];
}

export interface Experiment {
  v: 1;
  problem: Problem;
  runs: Run[];
  stop: {
    maxSteps: number;
    gradTol: number;
    secondOrder?: SecondOrderRule;
    /**
     * Stop once the evaluations of f and its gradient spent reach this many (a fair race between
     * methods that evaluate once per step and line searches). Extension of v1; absent: no limit.
     */
    maxEvals?: number;
  };
  seed: number;
  view?: ViewWindow;
}

/**
 * The second-order stopping rule: with it, a run stops on gradTol only at an
 * (eps, sqrt(rho eps))-second-order stationary point, ||grad f|| <= eps AND
 * lambda_min(Hessian) >= -sqrt(rho eps) (Nesterov and Polyak 2006; Jin et al. 2017), rho being
 * the Hessian's Lipschitz constant. Left out: the first-order test alone.
 */
export interface SecondOrderRule {
  rho: number;
}

/**
 * The x axis of the run charts (||grad f||, f): the step t, or the evaluations of f and its
 * gradient spent to reach x_t (RunResult.evals), the fair axis for a race with line searches.
 * A view setting, not part of the Experiment; the link carries it (`xaxis=`).
 */
export const CHART_X_AXES = ['steps', 'evals'] as const;
export type ChartXAxis = (typeof CHART_X_AXES)[number];

export type StopReason = 'gradTol' | 'maxSteps' | 'diverged' | 'maxEvals';
export type PointKind = 'minimum' | 'saddle' | 'maximum' | 'degenerate';

export interface RunStop {
  reason: StopReason;
  step: number;
  kind: PointKind | null;
  hessianEigenvalues: [number, number] | null;
  /** Human-readable explanation (divergence hint, verdict sentence). Extension of v1. */
  message?: string;
  /** What the method reports about its run (BFGS's skipped updates, ...); absent when none. Extension of v1. */
  notes?: string[];
  /**
   * Function problems: how hessianEigenvalues ([lambda_min, lambda_max]) were found: every
   * eigenvalue of the dense Hessian (d <= 200), or Lanczos's estimates of the extremes (d > 200).
   */
  spectrum?: 'dense' | 'lanczos';
  /** Function problems: the Morse index (eigenvalues below the zero threshold) where the full spectrum is known, else null. */
  index?: number | null;
}

export interface RunResult {
  label: string;
  optimizer: OptimizerId;
  /** x_0 .. x_T, each with every coordinate: 2 on a surface, d on a function problem, none on a network. */
  points: number[][];
  f: number[];
  gradNorm: number[];
  /**
   * Evaluations of f and its gradient spent before each point's step: evals[t] is the sum over
   * steps 0 .. t-1 of what each step evaluated, counted as torch.optim.LBFGS counts func_evals
   * (1 for f and the gradient at x_s, plus its line search's), so evals[0] = 0 and a
   * first-order method has evals[t] = t. Extension of v1.
   */
  evals: number[];
  stop: RunStop;
  /** Steps at which a perturbation was applied (pgd). Extension of v1. */
  perturbations?: number[];
}
