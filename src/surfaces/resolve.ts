// From an Experiment's surface problem to a Surface: a catalogue id or a typed expression.
import type { SurfaceProblem } from '../experiment/types';
import { CATALOGUE } from './catalogue';
import type { Surface } from './types';

export type SurfaceResult = { ok: true; surface: Surface } | { ok: false; message: string };

export function resolveSurface(problem: SurfaceProblem): SurfaceResult {
  if ('expr' in problem) return { ok: false, message: 'custom expressions are not supported yet' };
  const surface = CATALOGUE[problem.id];
  if (!surface) return { ok: false, message: `surface "${problem.id}" is not implemented yet` };
  return { ok: true, surface };
}
