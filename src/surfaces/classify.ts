// Classifying a point by the eigenvalues of its 2x2 symmetric Hessian.
import type { PointKind } from '../experiment/types';
import { atan2, cos, sin } from '../numeric';

export interface Eigen2 {
  /** Ascending: values[0] <= values[1]. */
  values: [number, number];
  /** Unit eigenvectors, vectors[i] belongs to values[i]. */
  vectors: [[number, number], [number, number]];
}

/** Eigen-decomposition of [[a, b], [b, c]], stable for every input (no cancellation in the gap). */
export function eigenSym2(a: number, b: number, c: number): Eigen2 {
  const mean = (a + c) / 2;
  const half = (a - c) / 2;
  const r = Math.hypot(half, b);
  const lo = mean - r;
  const hi = mean + r;
  // Eigenvector of hi: (cos t, sin t) with t = atan2(b, half) / 2, by detMath so that the same
  // bits come out on every engine (Math.hypot stays: Node and Chromium agreed on every input
  // scripts/dev/mathcheck.mjs compared).
  const t = atan2(b, half) / 2;
  const v1: [number, number] = [cos(t), sin(t)];
  const v0: [number, number] = [-v1[1], v1[0]];
  return { values: [lo, hi], vectors: [v0, v1] };
}

/**
 * Relative tolerance: an eigenvalue counts as zero when |lambda| <= tol * max(scale, |lambda|max).
 * Scaling by the largest eigenvalue keeps the test meaningful on steep and flat surfaces alike.
 */
export const DEGENERATE_TOL = 1e-8;

/**
 * minimum / maximum / saddle by the signs of the eigenvalues; 'degenerate' when one of them is
 * zero within the tolerance (the second-order test then says nothing) or not a number.
 * `scale` is the curvature that counts as "ordinary" on this surface. At a degenerate point both
 * eigenvalues may be tiny, so the point's own eigenvalues are no yardstick; a caller that knows
 * the surface (the critical-point search) passes its typical curvature. The default 1 keeps the
 * absolute floor of the original rule.
 */
export function classifyEigenvalues(
  [lo, hi]: readonly [number, number],
  tol = DEGENERATE_TOL,
  scale = 1,
): PointKind {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'degenerate';
  const zero = tol * Math.max(scale, Math.abs(lo), Math.abs(hi));
  if (Math.abs(lo) <= zero || Math.abs(hi) <= zero) return 'degenerate';
  if (lo > 0) return 'minimum';
  if (hi < 0) return 'maximum';
  return 'saddle';
}
