// What the critical-point search returns and the knobs it takes.
import type { PointKind } from '../../experiment/types';

export interface CriticalPoint {
  x: number;
  y: number;
  f: number;
  kind: PointKind;
  /** Hessian eigenvalues at the point, ascending. */
  eigenvalues: [number, number];
  /** Unit eigenvectors, eigenvectors[i] belongs to eigenvalues[i]. */
  eigenvectors: [[number, number], [number, number]];
  /**
   * ||grad f|| at the point: the residual the search reached. Near 0 at a smooth point; about the
   * jump of the gradient at a cusp or crease (0 if the point is the one where the surface's
   * convention sets grad f = 0, like Ackley's origin or L1 at 0).
   */
  gradNorm: number;
  /**
   * false where grad f is not continuous: a cusp (the tip of Ackley's cone) or a crease (the axes
   * under L1 regularization). The point is critical in Clarke's sense (0 lies among the
   * gradients around it), its kind comes from the slopes of f around it, and its eigenvalues are
   * only those of the Hessian the surface reports there (of the smooth part, for L1).
   */
  smooth: boolean;
}

export interface CriticalSearchOptions {
  /** Seeds per axis of the Newton start grid; default adapts to the surface (see seedGrid.ts). */
  seedsPerAxis?: number;
  /** Newton iterations per seed (degenerate points converge only linearly). Default 100. */
  maxIterations?: number;
  /** Stop collecting beyond this many points (a surface with a curve of critical points). Default 2000. */
  maxPoints?: number;
  /**
   * Eigenvalue tolerance of the classification, relative to the surface's typical curvature.
   * Default 1e-6.
   */
  degenerateTol?: number;
}

export interface CriticalSearchResult {
  /** Sorted by f, then x, then y. */
  points: CriticalPoint[];
  /** Seeds per axis actually used. */
  seedsPerAxis: number;
  /**
   * True when the points may not be all: maxPoints was reached (a continuum of critical points,
   * or very many), or the surface oscillates faster than the seed grid follows (see
   * completeness.ts).
   */
  truncated: boolean;
  /** Why truncated, one sentence for a reader (the plot's legend, the CLI); null when not truncated. */
  truncatedReason: string | null;
}
