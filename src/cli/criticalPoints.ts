// `--critical-points`: every critical point of the experiment's objective (regularization
// included) inside its view window, classified, as the worker computes them for the plot; and,
// when the search may have missed some (it stopped at its limit, or the surface varies faster
// than its grid resolves), why: the CLI prints that on stderr as a warning beside the points.
import type { Experiment } from '../experiment/types';
import { searchCriticalPoints, type CriticalPoint } from '../surfaces/critical';
import { regularizedSurface } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';

export type CriticalPointsResult =
  | { ok: true; points: CriticalPoint[]; truncated: boolean; truncatedReason: string | null }
  | { ok: false; message: string };

export function criticalPointsOf(exp: Experiment): CriticalPointsResult {
  if (exp.problem.kind !== 'surface') return { ok: false, message: 'problem: --critical-points needs a surface problem' };
  const resolved = resolveSurface(exp.problem);
  if (!resolved.ok) return { ok: false, message: `problem: ${resolved.message}` };
  const surface = regularizedSurface(resolved.surface, exp.problem.regularization);
  const { points, truncated, truncatedReason } = searchCriticalPoints(surface, exp.view ?? resolved.surface.view);
  return { ok: true, points, truncated, truncatedReason };
}
