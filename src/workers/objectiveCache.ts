// The worker resolves a problem (catalogue lookup or expression compile) once and reuses it for
// grids, probes and critical points until the problem changes.
import type { Experiment } from '../experiment/types';
import { regularized, regularizedSurface, type Objective2 } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';
import type { Surface } from '../surfaces/types';

export type ObjectiveResult =
  | { ok: true; objective: Objective2; surface: Surface; /** the objective as a Surface */ asSurface: Surface }
  | { ok: false; message: string };

let cachedKey = '';
let cached: ObjectiveResult | null = null;

export function objectiveOf(exp: Experiment): ObjectiveResult {
  const key = JSON.stringify(exp.problem);
  if (cached && key === cachedKey) return cached;
  let result: ObjectiveResult;
  if (exp.problem.kind !== 'surface') result = { ok: false, message: 'network problems have no 2D surface' };
  else {
    const r = resolveSurface(exp.problem);
    const reg = exp.problem.regularization;
    result = r.ok ? { ok: true, surface: r.surface, objective: regularized(r.surface, reg), asSurface: regularizedSurface(r.surface, reg) } : r;
  }
  cachedKey = key;
  cached = result;
  return result;
}
