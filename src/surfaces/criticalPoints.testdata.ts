// Test data: the reference critical points of every catalogue surface, read from
// fixtures/surfaces/critical-points.json (found by Newton's method from a dense seed grid in
// float64 and classified by the Hessian's eigenvalues, independently of this code; coordinates
// to 9 decimals, eigenvalues to 9 significant digits). One loader, one type, for every test that
// checks a surface or the critical-point search against it.
import { readFileSync } from 'node:fs';
import type { PointKind, SurfaceId, ViewWindow } from '../experiment/types';

export interface ReferencePoint {
  x: number;
  y: number;
  f: number;
  kind: PointKind;
  /** Ascending. */
  hessianEigenvalues: [number, number];
}

export interface SurfaceReference {
  /** The box searched: every critical point inside it is listed. */
  domain: ViewWindow;
  criticalPoints: ReferencePoint[];
  counts: Partial<Record<PointKind, number>>;
}

const file = JSON.parse(
  readFileSync(new URL('../../fixtures/surfaces/critical-points.json', import.meta.url), 'utf8'),
) as { surfaces: Record<SurfaceId, SurfaceReference> };

export const CRITICAL_POINT_REFERENCE: Readonly<Record<SurfaceId, SurfaceReference>> = file.surfaces;
