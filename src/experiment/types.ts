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

export type ParamValue = number | boolean | number[];

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
}

export interface ViewWindow {
  x: [number, number];
  y: [number, number];
}

export interface Experiment {
  v: 1;
  problem: Problem;
  runs: Run[];
  stop: { maxSteps: number; gradTol: number };
  seed: number;
  view?: ViewWindow;
}

export type StopReason = 'gradTol' | 'maxSteps' | 'diverged';
export type PointKind = 'minimum' | 'saddle' | 'maximum' | 'degenerate';

export interface RunStop {
  reason: StopReason;
  step: number;
  kind: PointKind | null;
  hessianEigenvalues: [number, number] | null;
  /** Human-readable explanation (divergence hint, verdict sentence). Extension of v1. */
  message?: string;
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
  stop: RunStop;
  /** Steps at which a perturbation was applied (pgd). Extension of v1. */
  perturbations?: number[];
}
