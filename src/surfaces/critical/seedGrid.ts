// How many Newton seeds per axis. Critical points sit where the curves df/dx = 0 and df/dy = 0
// cross, so a grid line crosses about as many of those curves as the probe counted sign changes;
// a few seeds between two neighbouring crossings put every critical point within easy reach of
// a seed (Rastrigin and Ackley: 21 crossings per line, 441 points).
import type { SurfaceProbe } from './probe';

/** Seeds per interval between two sign changes along a line. */
export const SEEDS_PER_INTERVAL = 4;
export const MIN_SEEDS_PER_AXIS = 24;
export const MAX_SEEDS_PER_AXIS = 256;

export function seedsPerAxisFor(probe: SurfaceProbe): number {
  const wanted = SEEDS_PER_INTERVAL * (probe.maxSignChanges + 1);
  return Math.min(MAX_SEEDS_PER_AXIS, Math.max(MIN_SEEDS_PER_AXIS, wanted));
}
