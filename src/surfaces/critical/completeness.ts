// Whether a search may have missed critical points, and why, in one sentence for a reader (the
// plot's legend, the CLI). Two ways to fall short: the search stopped at its maxPoints (a curve
// of critical points, or just very many); or the surface oscillates faster than the seed grid
// can follow, either beyond what the finest probe resolves or beyond the grid's cap, and the
// points found are fewer than the probe's census counted (a capped grid that still finds them
// all is not flagged: sin(80x) sin(36y) over [-1.02, 2] x [-1.6, -0.52] asks for 312 seeds a
// side, and 256 find all its 1,912 points).
import { MAX_SEEDS_PER_AXIS } from './seedGrid';
import type { SurfaceProbe } from './probe';

export interface SearchOutcome {
  probe: SurfaceProbe;
  /** Seeds per axis the surface asked for, and the number used. */
  seedsWanted: number;
  seedsPerAxis: number;
  /** Distinct points found. */
  found: number;
  /** The maxPoints limit, and whether the search stopped there. */
  maxPoints: number;
  stoppedAtMax: boolean;
}

/** Why the search may not have found every critical point, or null when nothing says so. */
export function incompleteReason(o: SearchOutcome): string | null {
  const { probe, found } = o;
  const expected = probe.resolved ? probe.census.count : 0;
  const seen = Math.max(probe.maxSignChanges, probe.jitteredSignChanges);
  const tooFast = probe.resolved
    ? null
    : `the surface varies faster than the search grid resolves (its gradient changes sign at least ${seen} times ` +
      `along a line, too often for a ${probe.resolution}-point probe to follow)`;
  if (o.stoppedAtMax) {
    const why = tooFast ?? (expected > found ? `about ${expected} expected` : 'the surface may have a curve of them');
    return `the search stopped at its limit of ${o.maxPoints} critical points: ${why}`;
  }
  if (tooFast) return `${tooFast}: ${found} critical points found, likely not all`;
  if (o.seedsPerAxis < o.seedsWanted && expected > found) {
    const cap = o.seedsPerAxis === MAX_SEEDS_PER_AXIS ? ` (the seed grid stops at ${MAX_SEEDS_PER_AXIS} per axis)` : '';
    return `the surface varies faster than the search grid resolves: about ${expected} critical points expected, ${found} found${cap}`;
  }
  return null;
}
