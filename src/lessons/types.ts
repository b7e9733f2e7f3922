// A lesson: a claim of non-convex optimization told as a short sequence of share links, with
// claims about what those runs do that a machine can check (src/cli/lessons/checkClaim.ts). The CLI prints
// LESSONS as `--lessons`; the shape is
//   [{ id, title, steps: [{ link, text }], claims: [{ step, run, expect: { ... } }] }].
import type { PointKind, StopReason } from '../experiment/types';

export interface LessonStep {
  /** A version-1 share link (the hash, `v=1&...`), in the encoder's canonical form. */
  link: string;
  /** The claim, what to look at, and the source (author, year). */
  text: string;
}

/**
 * What a claim expects of one run of one step. Every key given must hold. The first four are the
 * stop's own fields; the rest are computed from the run's recorded series by checkClaim.
 */
export interface Expectation {
  /** The stop's reason: 'gradTol' (eps-stationary), 'maxSteps' or 'diverged'. */
  reason?: StopReason;
  /** The stop's kind, from the Hessian's eigenvalues at the stop. */
  kind?: PointKind;
  /** The stop's step is at least this. */
  minSteps?: number;
  /** The stop's step is at most this. */
  maxSteps?: number;
  /** f (surfaces) or the training loss L (networks) at the stop is below this. */
  fBelow?: number;
  /** ... or above this. */
  fAbove?: number;
  /** The last point is within `within` (default 1e-3, Euclidean) of this point. Surfaces only. */
  endsNear?: [number, number];
  within?: number;
  /**
   * This run reaches an eps-stationary point (reason gradTol) in fewer steps than run `run` of
   * the same step does, if that run reaches one at all.
   */
  fasterThan?: { run: number };
  /** How many perturbations the run applied (perturbed gradient descent). Bounds inclusive. */
  perturbations?: { min?: number; max?: number };
  /** Some point of the path has x above this: the path passes, or overshoots, that line. Surfaces only. */
  xAbove?: number;
  /** How many steps raised f (f_(t+1) > f_t): an oscillation count. Bounds inclusive. */
  fRises?: { min?: number; max?: number };
  /**
   * The run enters the ball of `radius` around `center` and leaves it for good: the escape step is
   * the first step after its last point inside, and lies in [minStep, maxStep]. A run that ends
   * inside the ball has not escaped. Surfaces only.
   */
  leavesBall?: { center: [number, number]; radius: number; minStep: number; maxStep: number };
  /**
   * Length of step `to` (||x_(to+1) - x_to||) over the length of step `from`, within the bounds:
   * how step sizes change along the run. Surfaces only.
   */
  stepLengthRatio?: { from: number; to: number; min?: number; max?: number };
  /**
   * At some steps s < t the gradient norm grew by at least `factor` while the loss fell:
   * ||grad L(x_t)|| >= factor ||grad L(x_s)|| and L(x_t) < L(x_s).
   */
  gradNormRises?: { factor: number };
  /**
   * The held-out loss turns up while the training loss still falls: its minimum is at a step k
   * before the end (where early stopping would stop; k in [minStep, maxStep] when given), the
   * held-out loss at the end is at least (1 + minRise) times that minimum, and the training loss
   * at the end is below its value at k. Networks only.
   */
  heldOutTurnsUp?: { minRise: number; minStep?: number; maxStep?: number };
  /**
   * The critical points of the step's objective in its view window (as `--critical-points`
   * finds them), counted by kind: exactly these numbers. Kinds not listed are not checked.
   */
  criticalPointCounts?: Partial<Record<PointKind, number>>;
}

export interface Claim {
  /** Index into the lesson's steps. */
  step: number;
  /** Index of the run in that step's experiment. */
  run: number;
  expect: Expectation;
}

export interface Lesson {
  id: string;
  title: string;
  steps: LessonStep[];
  claims: Claim[];
}
