// How many Newton seeds per axis. Critical points sit where the curves df/dx = 0 and df/dy = 0
// cross, so a grid line crosses about as many of those curves as the probe counted sign changes;
// a few seeds between two neighbouring crossings put every critical point within easy reach of
// a seed (Rastrigin and Ackley: 21 crossings per line, 441 points). The count is the larger of
// the probe grid's and its jittered lines' (which aliasing cannot hide).
// The grid stops at MAX_SEEDS_PER_AXIS (65,536 Newton runs); a search that needed more says so
// (completeness.ts).
import type { SurfaceProbe } from './probe';

/** Seeds per interval between two sign changes along a line. */
export const SEEDS_PER_INTERVAL = 4;
export const MIN_SEEDS_PER_AXIS = 24;
export const MAX_SEEDS_PER_AXIS = 256;

/** Seeds per axis the surface's oscillation asks for, before the cap. */
export function seedsWantedFor(probe: SurfaceProbe): number {
  // Unresolved, the counts are only lower bounds: as many seeds as the grid may have.
  if (!probe.resolved) return MAX_SEEDS_PER_AXIS;
  const changes = Math.max(probe.maxSignChanges, probe.jitteredSignChanges);
  return Math.max(MIN_SEEDS_PER_AXIS, SEEDS_PER_INTERVAL * (changes + 1));
}

export function seedsPerAxisFor(probe: SurfaceProbe): number {
  return Math.min(MAX_SEEDS_PER_AXIS, seedsWantedFor(probe));
}
