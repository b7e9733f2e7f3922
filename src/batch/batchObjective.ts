// The objective of a batched job, resolved the way the scalar engine resolves it (surface or
// typed expression, plus regularization), and the same objective as a Surface for the
// critical-point search, so the basins are those of the function the optimizers minimize.
import { regularized, type Objective2 } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';
import type { Surface } from '../surfaces/types';
import type { BatchJob } from './batchJob';

export function jobObjective(job: Pick<BatchJob, 'problem'>): Objective2 {
  const resolved = resolveSurface(job.problem);
  if (!resolved.ok) throw new Error(resolved.message);
  return regularized(resolved.surface, job.problem.regularization);
}

/** The regularized objective dressed as a Surface (findCriticalPoints takes one). */
export function objectiveAsSurface(objective: Objective2): Surface {
  return { ...objective.surface, f: objective.f, grad: objective.grad, hessian: objective.hessian };
}
