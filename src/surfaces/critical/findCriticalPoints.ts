// Every critical point of a surface inside a window, for any Surface (catalogue or typed
// expression, regularized or not): it only calls f, grad and hessian, and knows nothing of the
// answer.
//   1. probe the surface (typical gradient and curvature, density of sign changes);
//   2. run safeguarded Newton on grad f = 0 from a grid of seeds covering the window;
//   3. accept an end point when ||grad f|| is tiny next to the surface's typical gradient, or
//      when it is a cusp (Clarke-stationary, see cusp.ts); a run that stalls on a crease (grad f
//      jumps across a line, as L1 makes the axes) hands over to a search along it (crease.ts);
//   4. keep those inside the window (with a hair of tolerance for points on its border), merge
//      duplicates;
//   5. audit: the winding number of grad f around a cell of the seed grid is the sum of the
//      indices of the critical points inside; a cell where the points found do not add up is
//      searched by bisection on the difference (indexAudit.ts), which finds what Newton cannot
//      (the tip of a pure cone, Peano's origin, a kink minimum where two creases cross);
//   6. classify by the Hessian's eigenvalues (zero judged against the curvature of the surface's
//      home window, so that a point's kind does not depend on the zoom), or by the slopes around
//      the point where grad f is not continuous (cusps, creases);
//   7. say when the points may not be all: maxPoints reached, or a surface that oscillates
//      faster than the seed grid follows (completeness.ts).
import { classifyEigenvalues, eigenSym2 } from '../classify';
import type { ViewWindow } from '../../experiment/types';
import type { Surface } from '../types';
import { searchAlongCrease } from './crease';
import { incompleteReason } from './completeness';
import { classifyCusp } from './cusp';
import { locateMissing, type WindingBox } from './indexAudit';
import { NewtonSolver } from './newton';
import { PointMerger, type Candidate } from './pointMerger';
import { homeCurvatureScale, lerp, probeSurface } from './probe';
import { seedsPerAxisFor, seedsWantedFor } from './seedGrid';
import type { CriticalPoint, CriticalSearchOptions, CriticalSearchResult } from './types';

/** Accept a root when ||g|| <= GRAD_TOL * (median ||g|| over the window). */
const GRAD_TOL = 1e-9;
/** Lengths relative to the window's diagonal: Newton's stopping step, ... */
const STEP_TOL = 1e-13;
/** ... the distance under which two end points are one point, ... */
const MERGE_RADIUS = 1e-6;
/** ... how far outside the window a point on its border may land by rounding, ... */
const BORDER_TOL = 1e-9;
/** ... the outer radius of the cusp test's rings, ... */
const CUSP_RING_RADIUS = 1e-6;
/** ... and the side under which a winding box counts as a located point (see judgeWindingBox). */
const WINDING_BOX = 1e-8;
/**
 * Longest Newton step, in seed spacings: a trust region that keeps each seed's run local, so that
 * a seed near a cusp closes in on it instead of leaping over it to a far point that happens to
 * have a smaller gradient (Ackley's cone tip is otherwise missed unless a seed sits on it).
 */
const MAX_STEP_SPACINGS = 1;
/** A run that wanders this many seed spacings from its seed is abandoned (see newton.ts). */
const MAX_TRAVEL_SPACINGS = 8;
/** Levenberg-Marquardt shift: (LM_SHIFT * typical curvature)^2, negligible unless H is singular. */
const LM_SHIFT = 1e-12;

export const DEFAULT_MAX_ITERATIONS = 100;
export const DEFAULT_MAX_POINTS = 2000;
export const DEFAULT_DEGENERATE_TOL = 1e-6;

export function findCriticalPoints(
  surface: Surface,
  area: ViewWindow,
  options?: CriticalSearchOptions,
): CriticalPoint[] {
  return searchCriticalPoints(surface, area, options).points;
}

export function searchCriticalPoints(
  surface: Surface,
  area: ViewWindow,
  options: CriticalSearchOptions = {},
): CriticalSearchResult {
  checkWindow(area);
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
  const probe = probeSurface(surface, area);
  const seedsPerAxis = options.seedsPerAxis ?? seedsPerAxisFor(probe);
  const diagonal = Math.hypot(area.x[1] - area.x[0], area.y[1] - area.y[0]);
  // The larger of the two grid steps (the grid has as many seeds on both axes).
  const spacing = Math.max(area.x[1] - area.x[0], area.y[1] - area.y[0]) / (seedsPerAxis - 1);
  const solver = new NewtonSolver(surface, {
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    stepTol: STEP_TOL * diagonal,
    maxStep: MAX_STEP_SPACINGS * spacing,
    maxTravel: MAX_TRAVEL_SPACINGS * spacing,
    shift: (LM_SHIFT * probe.curvatureScale) ** 2,
  });
  const gradTol = GRAD_TOL * probe.gradScale;
  const border = BORDER_TOL * diagonal;
  const mergeRadius = MERGE_RADIUS * diagonal;
  const merger = new PointMerger(mergeRadius);
  const g = new Float64Array(2);
  let stoppedAtMax = false;

  const cuspRing = CUSP_RING_RADIUS * diagonal;
  /**
   * The candidate a search ending at (x, y) with this residual stands for, if any: a root, or,
   * where ||g|| stayed large, a cusp. (Roots get their cusp test once per merged point, below.)
   */
  const judge = (x: number, y: number, gradNorm: number): Candidate | null => {
    if (!insideWindow(area, x, y, border) || !Number.isFinite(surface.f(x, y))) return null;
    if (gradNorm <= gradTol) return { x, y, gradNorm, cusp: null };
    const cusp = classifyCusp(surface, x, y, cuspRing);
    return cusp ? { x, y, gradNorm, cusp } : null;
  };
  const creaseSettings = {
    offset: cuspRing,
    maxStep: spacing,
    maxTravel: MAX_TRAVEL_SPACINGS * spacing,
    tol: STEP_TOL * diagonal,
  };
  /** An end point that is neither root nor cusp may sit on a crease (within reach): search along it. */
  const judgeOrFollowCrease = (x: number, y: number, gradNorm: number, reach: number): Candidate | null => {
    const judged = judge(x, y, gradNorm);
    if (judged) return judged;
    const onCrease = searchAlongCrease(surface, x, y, reach, creaseSettings);
    if (!onCrease) return null;
    surface.grad(onCrease[0], onCrease[1], g);
    return judge(onCrease[0], onCrease[1], Math.hypot(g[0], g[1]));
  };

  /**
   * A box that the index audit shrank onto a critical point. Newton polishes a smooth point (if
   * it stays in the box's neighbourhood: from a cusp it would run off to a neighbour); a cusp
   * passes the cusp test; and a degenerate point on which Newton stalls (Peano's origin, where
   * the Hessian is singular along whole curves) is still critical by the index theorem once the
   * winding box is tiny, its residual being what the bisection could reach.
   */
  const judgeWindingBox = (box: WindingBox): Candidate | null => {
    const polished = solver.solve(box.x, box.y);
    const stayed = Math.hypot(polished.x - box.x, polished.y - box.y) <= Math.max(box.size, mergeRadius);
    if (polished.status !== 'abandoned' && stayed && polished.gradNorm <= gradTol) {
      return judge(polished.x, polished.y, polished.gradNorm);
    }
    surface.grad(box.x, box.y, g);
    const residual = Math.hypot(g[0], g[1]);
    const judged = judgeOrFollowCrease(box.x, box.y, residual, box.size);
    if (judged) return judged;
    const located = box.size <= WINDING_BOX * diagonal && insideWindow(area, box.x, box.y, border);
    if (!located || !Number.isFinite(surface.f(box.x, box.y))) return null;
    return { x: box.x, y: box.y, gradNorm: residual, cusp: null };
  };

  seeds: for (let j = 0; j < seedsPerAxis; j++) {
    const y0 = lerp(area.y, j / (seedsPerAxis - 1));
    for (let i = 0; i < seedsPerAxis; i++) {
      const end = solver.solve(lerp(area.x, i / (seedsPerAxis - 1)), y0);
      const candidate = end.status === 'abandoned' ? null : judgeOrFollowCrease(end.x, end.y, end.gradNorm, cuspRing);
      if (!candidate) continue;
      merger.add(candidate);
      if (merger.size >= maxPoints) {
        stoppedAtMax = true;
        break seeds;
      }
    }
  }

  if (!stoppedAtMax) {
    const grid = { area, n: seedsPerAxis };
    const known = merger.points();
    for (const box of locateMissing(surface, grid, known, STEP_TOL * diagonal, mergeRadius / 2)) {
      const candidate = judgeWindingBox(box);
      if (candidate) merger.add(candidate);
      if (merger.size >= maxPoints) {
        stoppedAtMax = true;
        break;
      }
    }
  }

  const tol = options.degenerateTol ?? DEFAULT_DEGENERATE_TOL;
  // The yardstick of "zero curvature" belongs to the surface, not to the window searched.
  const curvatureScale = homeCurvatureScale(surface, probe);
  const h = new Float64Array(3);
  const points = merger.points().map((c): CriticalPoint => {
    // A root can still be a cusp: exactly on a crease, g = 0 by the subgradient convention (L1
    // at 0), and only the slopes around the point tell its kind, not the smooth part's Hessian.
    const cusp = c.cusp ?? classifyCusp(surface, c.x, c.y, cuspRing);
    surface.hessian(c.x, c.y, h);
    const { values, vectors } = eigenSym2(h[0], h[1], h[2]);
    return {
      x: c.x,
      y: c.y,
      f: surface.f(c.x, c.y),
      kind: cusp ?? classifyEigenvalues(values, tol, curvatureScale),
      eigenvalues: values,
      eigenvectors: vectors,
      gradNorm: c.gradNorm,
      smooth: cusp === null,
    };
  });
  points.sort((a, b) => a.f - b.f || a.x - b.x || a.y - b.y);
  const reason = incompleteReason({ probe, seedsWanted: seedsWantedFor(probe), seedsPerAxis, found: points.length, maxPoints, stoppedAtMax });
  return { points, seedsPerAxis, truncated: reason !== null, truncatedReason: reason };
}

function insideWindow(w: ViewWindow, x: number, y: number, border: number): boolean {
  return x >= w.x[0] - border && x <= w.x[1] + border && y >= w.y[0] - border && y <= w.y[1] + border;
}

function checkWindow(w: ViewWindow): void {
  for (const [lo, hi] of [w.x, w.y]) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new RangeError(`window [${lo}, ${hi}] must be finite with lo < hi`);
    }
  }
}
