// `--critical-points`: every critical point of the experiment's objective (regularization
// included) inside its view window, classified, as the worker computes them for the plot.
import type { Experiment } from '../experiment/types';
import { findCriticalPoints, type CriticalPoint } from '../surfaces/critical';
import { regularizedSurface } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';

export type CriticalPointsResult = { ok: true; points: CriticalPoint[] } | { ok: false; message: string };

export function criticalPointsOf(exp: Experiment): CriticalPointsResult {
  if (exp.problem.kind !== 'surface') return { ok: false, message: 'problem: --critical-points needs a surface problem' };
  const resolved = resolveSurface(exp.problem);
  if (!resolved.ok) return { ok: false, message: `problem: ${resolved.message}` };
  const surface = regularizedSurface(resolved.surface, exp.problem.regularization);
  return { ok: true, points: findCriticalPoints(surface, exp.view ?? resolved.surface.view) };
}
