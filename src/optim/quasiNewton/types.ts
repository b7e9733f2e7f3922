// The common shape of the line-search methods (L-BFGS, BFGS, nonlinear CG): a stateful object
// for one run, of any dimension, that a thin optimizer module wraps.
import type { Evaluate } from '../lineSearch';

export type { Evaluate } from '../lineSearch';

/**
 * Something a step did that a verdict may want to state, in the order a step notices them (a
 * step's set lists its notes in this order). A step's notes are a bit set, bit i for
 * STEP_NOTES[i] (NOTE), and each method returns one result object of its own, so that a step
 * allocates nothing: past convergence these methods make a note at every step, and a fresh
 * result and notes array per step cost BFGS's engine steps a quarter of their speed
 * (bench/optimizers: 6.5 -> 9.0 M steps/s).
 */
export const STEP_NOTES = [
  /** L-BFGS: y's <= 1e-10, so the pair was not stored (torch's rule). */
  'historySkipped',
  /**
   * BFGS: y's <= 0, so the inverse-Hessian update was skipped (it would lose positive
   * definiteness); also when 1 / y's or y's / y'y is not finite (both underflow far past convergence).
   */
  'updateSkipped',
  /** CG: the periodic restart (every dim steps) to steepest descent. */
  'restart',
  /** CG, BFGS: the direction was not a descent direction, so steepest descent was used (BFGS also resets H to I). */
  'notDescent',
  /** CG, BFGS: the gradient is exactly 0 (or not finite), so x stays and nothing is evaluated. */
  'stationary',
  /**
   * The line search ended without meeting the strong Wolfe conditions (its bracket shrank below
   * tolerance_change, or it used its max_ls evaluations); the step is its best point, as torch's.
   */
  'wolfeNotMet',
] as const;

export type StepNote = (typeof STEP_NOTES)[number];

/** The bit of each note in a step's set: 1 << its index in STEP_NOTES. */
export const NOTE = Object.fromEntries(STEP_NOTES.map((n, i) => [n, 1 << i])) as Readonly<Record<StepNote, number>>;

/** The notes of a set, in STEP_NOTES order. */
export function noteList(set: number): StepNote[] {
  return STEP_NOTES.filter((n) => (set & NOTE[n]) !== 0);
}

export interface StepResult {
  /**
   * Evaluations of f and its gradient this step, as torch's LBFGS counts them (func_evals): 1
   * for the f, g at x that the caller passed (torch evaluates its closure there), plus the line
   * search's.
   */
  evals: number;
  /** The step length taken along the direction (the line search's t, or the fixed step). */
  t: number;
  /** What the step noticed: a set of NOTE bits (0: nothing; noteList gives the names). */
  notes: number;
}

export interface LineSearchMethod {
  /**
   * Moves x in place. g = grad f(x) and f = f(x) at the x passed; evaluate gives f and the
   * gradient at other points (the line search's); lr, when given, overrides the method's own
   * (a schedule's value for this step). Neither g nor evaluate's results are kept, and g is
   * read before the first evaluate call, so g may be the evaluator's own reused buffer. The
   * result is one object of the method's, overwritten by its next step: copy what you keep.
   */
  step(x: Float64Array, g: Float64Array, f: number, evaluate: Evaluate, lr?: number): StepResult;
}

/** A method's result object before its first step (each method keeps one and reuses it). */
export const newStepResult = (): StepResult => ({ evals: 0, t: NaN, notes: 0 });

/** The step of a method at a point where g.d is not negative even for d = -g: g is 0 or not finite. */
export function stationary(r: StepResult): StepResult {
  r.notes |= NOTE.stationary;
  r.evals = 1;
  r.t = 0;
  return r;
}
