// One definition per optimizer, for any number of parameters: surfaces use dim = 2, networks
// their weight count. An optimizer updates x in place from the step's gradient.
import type { OptimizerId, ParamValue } from '../experiment/types';
import type { Rng } from './rng';

export interface StepContext {
  /** Learning rate for this step (the schedule's value). */
  lr: number;
  /** The run's own random stream. */
  rng: Rng;
  /** Row-major dim x dim Hessian at the current x; provided when the definition needs it. */
  hessian?: Float64Array;
}

export interface OptimizerInstance {
  /** Moves x in place using gradient g. Returns true when this step added a perturbation (pgd). */
  step(x: Float64Array, g: Float64Array, ctx: StepContext): boolean;
}

export interface OptimizerDef {
  id: OptimizerId;
  /** Second-order methods get the Hessian at x in StepContext. */
  needsHessian?: boolean;
  create(params: Record<string, ParamValue>, dim: number): OptimizerInstance;
}
