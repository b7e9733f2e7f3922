// Many seeds converge to the same critical point, each to within rounding (or, at a degenerate
// point, within the slow tail of Newton's linear convergence). Points closer than `radius` to a
// cluster's first point belong to that cluster; a spatial hash with cells of that size finds the
// neighbours without comparing all pairs (Rastrigin: thousands of seeds onto 441 points).
import type { PointKind } from '../../experiment/types';

export interface Candidate {
  x: number;
  y: number;
  gradNorm: number;
  /** Set when this candidate was recognised as a cusp (see cusp.ts), with its kind. */
  cusp: PointKind | null;
}

interface Cluster {
  /** The first member's position: the cluster's fixed address in the hash. */
  anchorX: number;
  anchorY: number;
  best: Candidate;
}

export class PointMerger {
  private readonly cells = new Map<string, Cluster[]>();
  private readonly clusters: Cluster[] = [];

  constructor(private readonly radius: number) {}

  get size(): number {
    return this.clusters.length;
  }

  /** Adds a candidate, or folds it into the cluster whose anchor lies within `radius`. */
  add(candidate: Candidate): void {
    const i = Math.floor(candidate.x / this.radius);
    const j = Math.floor(candidate.y / this.radius);
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        for (const cluster of this.cells.get(key(i + di, j + dj)) ?? []) {
          if (Math.hypot(cluster.anchorX - candidate.x, cluster.anchorY - candidate.y) <= this.radius) {
            fold(cluster.best, candidate);
            return;
          }
        }
      }
    }
    const cluster: Cluster = { anchorX: candidate.x, anchorY: candidate.y, best: { ...candidate } };
    const k = key(i, j);
    const cell = this.cells.get(k);
    if (cell) cell.push(cluster);
    else this.cells.set(k, [cluster]);
    this.clusters.push(cluster);
  }

  /** One representative per cluster. */
  points(): Candidate[] {
    return this.clusters.map((c) => c.best);
  }
}

/**
 * The cluster keeps the position with the smallest residual. Once any of its members was seen to
 * be a cusp it stays one: the seed that lands exactly on the tip (gradient 0 by convention) must
 * not hide what its neighbours saw.
 */
function fold(into: Candidate, other: Candidate): void {
  if (other.gradNorm < into.gradNorm) {
    into.x = other.x;
    into.y = other.y;
    into.gradNorm = other.gradNorm;
  }
  into.cusp ??= other.cusp;
}

function key(i: number, j: number): string {
  return `${i},${j}`;
}
