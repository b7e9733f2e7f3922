// A catalogue surface is defined by its expression; its f, gradient and Hessian in closed form
// are a fast path, and this test proves them equal to the expression's own (compiled by
// src/surfaces/expr, derivatives by automatic differentiation) at many points of the view. It
// also checks the expression alone against the critical-point fixture, independently of the
// closed forms. With catalogue.test.ts (closed forms against finite differences and the same
// fixture), a slip in either form fails a test.
import { describe, expect, it } from 'vitest';
import { SURFACE_IDS, type SurfaceId } from '../../experiment/types';
import { classifyEigenvalues } from '../classify';
import { CRITICAL_POINT_REFERENCE } from '../criticalPoints.testdata';
import { compileSurface } from '../expr/compileSurface';
import type { Surface } from '../types';
import { CATALOGUE, CATALOGUE_EXPRESSIONS } from './index';

function compiled(expr: string): Surface {
  const r = compileSurface(expr);
  if (!r.ok) throw new Error(`${expr}: ${r.message}`);
  return r.surface;
}

/**
 * Cusps, where the gradient is undefined and the closed form picks a subgradient by convention:
 * Ackley's origin (the fixture lists it, with the capped curvature the closed form reports).
 */
const CUSPS: Partial<Record<SurfaceId, [number, number][]>> = { ackley: [[0, 0]] };
const nearCusp = (id: SurfaceId, x: number, y: number, r: number) =>
  (CUSPS[id] ?? []).some(([cx, cy]) => Math.hypot(x - cx, y - cy) <= r);

/** A grid over the view (its edges and corners included) and a shifted grid between its nodes. */
function viewPoints(s: Surface, n = 31): [number, number][] {
  const [x0, x1] = s.view.x;
  const [y0, y1] = s.view.y;
  const points: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      points.push([x0 + (i * (x1 - x0)) / (n - 1), y0 + (j * (y1 - y0)) / (n - 1)]);
      points.push([x0 + ((i + 0.37) * (x1 - x0)) / n, y0 + ((j + 0.61) * (y1 - y0)) / n]);
    }
  }
  return points;
}

/** f, df/dx, df/dy, d2f/dx2, d2f/dxdy, d2f/dy2 at (x, y). */
function jet(s: Surface, x: number, y: number): number[] {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  s.grad(x, y, g);
  s.hessian(x, y, h);
  return [s.f(x, y), g[0], g[1], h[0], h[1], h[2]];
}

const QUANTITIES = ['f', 'df/dx', 'df/dy', 'd2f/dx2', 'd2f/dxdy', 'd2f/dy2'];

describe.each(SURFACE_IDS.map((id) => [id, CATALOGUE[id]] as const))('%s', (id, surface) => {
  it('has an expression that compiles, the one CATALOGUE_EXPRESSIONS gives the GPU program', () => {
    expect(compileSurface(surface.expression).ok).toBe(true);
    expect(CATALOGUE_EXPRESSIONS[id]).toBe(surface.expression);
  });

  it('has a closed-form f, gradient and Hessian equal to its expression\'s over the view', () => {
    const typed = compiled(surface.expression);
    const points = viewPoints(surface).filter(([x, y]) => !nearCusp(id, x, y, 1e-3));
    const reference = points.map(([x, y]) => jet(typed, x, y));
    const closed = points.map(([x, y]) => jet(surface, x, y));
    // Relative 1e-12, with an absolute floor of 1e-15 times the largest magnitude that quantity
    // takes over the view: where a value is the small difference of large terms (a gradient
    // near a critical point) both sides carry rounding error of the terms' size, not the value's.
    const scale = QUANTITIES.map((_, k) => Math.max(...reference.map((r) => Math.abs(r[k]))));
    const failures: string[] = [];
    reference.forEach((r, i) => {
      QUANTITIES.forEach((name, k) => {
        const tolerance = 1e-12 * Math.max(Math.abs(r[k]), 1e-3 * scale[k]);
        if (!(Math.abs(closed[i][k] - r[k]) <= tolerance)) {
          failures.push(`${name} at (${points[i]}): closed form ${closed[i][k]}, expression ${r[k]}`);
        }
      });
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });

  // Independent of the closed forms: the expression against the fixture's critical points.
  it('has an expression that reproduces every critical point of its fixture', () => {
    const typed = compiled(surface.expression);
    const points = CRITICAL_POINT_REFERENCE[id].criticalPoints.filter((p) => !nearCusp(id, p.x, p.y, 0));
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) {
      const [f, gx, gy, hxx, hxy, hyy] = jet(typed, p.x, p.y);
      const [l1, l2] = p.hessianEigenvalues;
      const curvature = Math.max(1, Math.abs(l1), Math.abs(l2));
      const at = `at (${p.x}, ${p.y})`;
      // The coordinates are rounded to ~5e-10, which moves f by ~curvature * 1e-19 and the
      // gradient by up to ~curvature * 7e-10.
      expect(Math.abs(f - p.f), `f ${at}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(p.f)));
      expect(Math.hypot(gx, gy), `|grad f| ${at}`).toBeLessThanOrEqual(2e-9 * curvature);
      const mean = (hxx + hyy) / 2;
      const radius = Math.hypot((hxx - hyy) / 2, hxy);
      // The eigenvalues are recorded to 9 significant digits.
      expect(Math.abs(mean - radius - l1), `lambda_min ${at}`).toBeLessThanOrEqual(1e-8 * Math.abs(l1) + 1e-9 * curvature);
      expect(Math.abs(mean + radius - l2), `lambda_max ${at}`).toBeLessThanOrEqual(1e-8 * Math.abs(l2) + 1e-9 * curvature);
      expect(classifyEigenvalues([mean - radius, mean + radius]), `kind ${at}`).toBe(p.kind);
    }
  });
});
