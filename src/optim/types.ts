// One definition per optimizer, for any number of parameters: surfaces use dim = 2, networks
// their weight count. An optimizer updates x in place from the step's gradient.
//
// Everything the project knows about an optimizer sits in its OptimizerDef, in its own module
// under src/optim/optimizers: the parameter table, the update, whether it is separable, its
// per-step scalars and its GLSL form. Every field is required, so a new optimizer must state
// each one (registry.test.ts checks what the type cannot).
import type { OptimizerId, ParamValue } from '../experiment/types';
import type { Evaluate } from './lineSearch';
import type { OptimizerSpec } from './optimizers/paramSpec';
import type { Rng } from './rng';

export interface StepContext {
  /** Learning rate for this step (the schedule's value). */
  lr: number;
  /** The run's own random stream. */
  rng: Rng;
  /** Row-major dim x dim Hessian at the current x; provided when the definition needs it. */
  hessian?: Float64Array;
  /** f at the current x (the engine's objective: regularization included); given to every step. */
  f?: number;
  /**
   * f and the gradient of the engine's objective at any point (full batch on a network): what a
   * line search evaluates. Given to every step; the gradient it returns is a buffer it reuses.
   */
  evaluate?: Evaluate;
  /**
   * Evaluations of f and its gradient this step made: the engine sets 1 (the evaluation at x)
   * before each step, and a method that evaluates more (a line search) sets its own count.
   */
  evals?: number;
}

export interface OptimizerInstance {
  /** Moves x in place using gradient g. Returns true when this step added a perturbation (pgd). */
  step(x: Float64Array, g: Float64Array, ctx: StepContext): boolean;
  /**
   * What the run's verdict should say about the method itself (BFGS's skipped updates, line
   * searches that ended without the Wolfe conditions); the engines put it in RunStop.notes.
   */
  notes?(): string[];
}

/**
 * The scalars of a step that depend only on the step count s = 1, 2, ... and the parameters
 * (bias corrections, NAdam's momentum products, RAdam's rectification). Defined once: the JS
 * update reads them from here, and the WebGL engine uploads the same float64 numbers per step
 * (src/batch/glsl/stepConstants.ts).
 */
export interface StepScalars {
  /** What each value is, in order (documentation and tests). */
  names: readonly string[];
  /** A fresh sequence for one run. */
  start(params: Record<string, ParamValue>): StepScalarSequence;
}

export interface StepScalarSequence {
  /** Advances to the next step and returns its scalars in `names` order (the array is reused). */
  next(): Float64Array;
}

/**
 * A scalar of the step that the GLSL snippet reads as `$Ki$` (i: its index; at most four). The
 * batched engine computes it in float64 from the step's scalars, or, where a sweep varies two
 * parameters it depends on, in the shader with the `glsl` formula.
 */
export interface StepConstant {
  /** Parameters it depends on ('beta1', 'beta2' for the betas pair). */
  deps: readonly string[];
  /** The value from this step's StepScalars values. */
  value(scalars: Float64Array): number;
  /** The same value in GLSL, from p_<name>, s = float(t + 1) and the snippet's own locals. */
  glsl: string;
}

/**
 * The update in GLSL for the WebGL batched engine: the float64 update's operations in the same
 * order, in float32. In scope when `step` runs: `x` (vec2, updated in place), `g` (vec2, the
 * step's gradient), `lr` (this step's rate), `t` (int, step index; the step count is s = t + 1),
 * state `a`, `b`, `c` (vec2) and `aux` (float), all 0 before the first step, `p_<name>` for each
 * name of `params`, `$Ki$` for constant i, `pixel` and the noise functions spNormal2 / spUniform.
 */
export interface GlslForm {
  /** Numeric parameters read as p_<name>; the betas pair is beta1, beta2 and their complements beta1c, beta2c. */
  params: readonly string[];
  /** GLSL statements of one step; boolean parameters (from `flags`) are baked into the text. */
  step(flags: Record<string, ParamValue>): string;
  constants: readonly StepConstant[];
  /** GLSL functions of its own that its `constants`' formulas call ('' if none). */
  prelude: string;
}

export interface OptimizerDef {
  id: OptimizerId;
  /** Name, one line about it, and its parameters with defaults and limits. */
  spec: OptimizerSpec;
  /** The torch.optim class it reproduces, checked by fixtures/torch/<id>.json; null where torch has none. */
  torch: string | null;
  /**
   * The update of coordinate k reads only g[k] and coordinate k's own state, so n starts in
   * lockstep are one instance of dimension 2n, bit for bit (src/batch/jsBatch.ts).
   */
  separable: boolean;
  /** Second-order methods get the Hessian at x in StepContext. */
  needsHessian: boolean;
  /**
   * The step compares f and exact gradients at several points (line searches, curvature pairs
   * y = g_{k+1} - g_k): it reads ctx.f and ctx.evaluate, so it needs one fixed, noise-free
   * objective. The schema refuses it with gradient noise, clipping or minibatches
   * (src/experiment/consistency.ts), and it has no GLSL form. Absent: false.
   */
  needsEvaluator?: boolean;
  stepScalars: StepScalars;
  /**
   * The step draws from ctx.rng (noisySgd's noise, pgd's perturbation). Batched maps of such a
   * method keep the lockstep order of draws (src/batch/jsBatch.ts). Absent: false.
   */
  drawsRandom?: boolean;
  /**
   * Its GLSL update, or null: JS only. Null only for methods that need the Hessian or an
   * evaluator (f along a line), which the fused shader's one-gradient-per-step loop lacks.
   */
  glsl: GlslForm | null;
  /**
   * `scalars`: where the instance reads its step scalars, one next() per step; by default its own
   * `stepScalars.start(params)`. The batched kernel passes one sequence to every pixel whose
   * parameters give the same scalars, so a sweep computes them once per step, not once per pixel.
   */
  create(params: Record<string, ParamValue>, dim: number, scalars?: StepScalarSequence): OptimizerInstance;
}
