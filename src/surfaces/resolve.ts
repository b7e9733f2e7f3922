// From an Experiment's surface problem to a Surface: a catalogue id or a typed expression.
import type { SurfaceProblem } from '../experiment/types';
import { CATALOGUE } from './catalogue';
import { compileSurface } from './expr/compileSurface';
import type { Surface } from './types';

/** column: 1-based position in the expression, for a caret under a typed expression's error. */
export type SurfaceResult = { ok: true; surface: Surface } | { ok: false; message: string; column?: number };

export function resolveSurface(problem: SurfaceProblem): SurfaceResult {
  if ('expr' in problem) {
    const compiled = compileSurface(problem.expr);
    if (!compiled.ok) return { ok: false, message: `expression: ${compiled.message}`, column: compiled.column };
    return compiled;
  }
  // The catalogue covers every SurfaceId (its type checks that); this guards a caller that
  // skipped validation, and keeps names such as "constructor" out of the prototype chain.
  if (!Object.hasOwn(CATALOGUE, problem.id)) return { ok: false, message: `surface: unknown id "${problem.id}"` };
  return { ok: true, surface: CATALOGUE[problem.id] };
}
