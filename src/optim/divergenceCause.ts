// Why a step turned a finite point into a non-finite one, when the cause is the optimizer's own
// arithmetic rather than the learning rate (issue 14, item 7). With the point x_t and the step's
// gradient both finite, a NaN or infinite coordinate of x_{t+1} can only come from a division
// inside the update:
// - eps = 0 in an adaptive method (adagrad, rmsprop, adadelta, adam and kin) divides each
//   coordinate's step by a state built from its past squared gradients, plus eps. A coordinate
//   whose gradient has been exactly 0 (a symmetric start: y = 0 on the double well) has that
//   state 0, and its step is 0/0 = NaN (torch computes the same NaN);
// - Newton's system (H + damping I) d = g has no solution where H + damping I is singular
//   (newton.ts sets x to NaN then).
// Blaming the learning rate (lr > 2 / lambda_max) would send the user the wrong way.
import type { OptimizerId, ParamValue } from '../experiment/types';
import { OPTIMIZER_SPECS } from './optimizers/params';
import { fmtNum } from './verdict';

export interface StepInputs {
  optimizer: OptimizerId;
  params: Record<string, ParamValue>;
  /** x_t, finite. */
  prev: ArrayLike<number>;
  /** The step's gradient (noise and clipping applied). */
  g: ArrayLike<number>;
  /** What the step produced. */
  next: ArrayLike<number>;
  /** Names coordinate i in the message ("y", "weight 12"). */
  coordinate: (i: number) => string;
}

const allFinite = (a: ArrayLike<number>): boolean => {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
};

/** The cause, said in one clause, or null when the step's inputs were not finite or no division explains it. */
export function nonFiniteStepCause(s: StepInputs): string | null {
  if (!allFinite(s.prev) || !allFinite(s.g)) return null;
  let bad = -1;
  for (let i = 0; i < s.next.length && bad < 0; i++) if (!Number.isFinite(s.next[i])) bad = i;
  if (bad < 0) return null;
  const spec = OPTIMIZER_SPECS[s.optimizer];
  if (s.optimizer === 'newton') {
    return `Newton's system (H + damping I) d = grad f has no solution: H + damping I is singular at the last finite point (damping = ${fmtNum(s.params.damping as number)}; a damping > 0 makes it solvable where H is positive semidefinite)`;
  }
  const epsSpec = spec.params.eps;
  if (s.params.eps === 0 && epsSpec?.type === 'number') {
    const zero = s.g[bad] === 0 ? ', where the gradient is exactly 0,' : '';
    return `${spec.name} divided by zero: with eps = 0, coordinate ${s.coordinate(bad)}${zero} has a zero squared-gradient state, so its step is 0/0 = NaN (set eps > 0; the default is ${fmtNum(epsSpec.default)})`;
  }
  return null;
}
