// The worker resolves a problem (catalogue lookup or expression compile) once and reuses it for
// grids, probes and critical points until the problem changes.
import type { Experiment } from '../experiment/types';
import { regularized, type Objective2 } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';
import type { Surface } from '../surfaces/types';

export type ObjectiveResult = { ok: true; objective: Objective2; surface: Surface } | { ok: false; message: string };

let cachedKey = '';
let cached: ObjectiveResult | null = null;

export function objectiveOf(exp: Experiment): ObjectiveResult {
  const key = JSON.stringify(exp.problem);
  if (cached && key === cachedKey) return cached;
  let result: ObjectiveResult;
  if (exp.problem.kind !== 'surface') result = { ok: false, message: 'network problems have no 2D surface' };
  else {
    const r = resolveSurface(exp.problem);
    result = r.ok ? { ok: true, surface: r.surface, objective: regularized(r.surface, exp.problem.regularization) } : r;
  }
  cachedKey = key;
  cached = result;
  return result;
}

/** The regularized objective seen as a Surface (what the critical-point search takes). */
export function objectiveSurface(r: { objective: Objective2; surface: Surface }): Surface {
  const { objective, surface } = r;
  return { ...surface, f: objective.f, grad: objective.grad, hessian: objective.hessian };
}
