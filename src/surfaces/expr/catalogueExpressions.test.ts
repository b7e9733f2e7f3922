// The key test of the expression compiler: each catalogue surface, typed in the expression
// syntax, gives the same f, gradient and Hessian as its closed form, at many points of its view.
import { describe, expect, it } from 'vitest';
import { SURFACE_IDS, type SurfaceId } from '../../experiment/types';
import { CATALOGUE } from '../catalogue';
import type { Surface } from '../types';
import { CATALOGUE_EXPRESSIONS, EXAMPLE_EXPRESSIONS } from './catalogueExpressions';
import { compileSurface } from './compileSurface';
import { CRITICAL_POINT_SAMPLES } from './criticalPoints.testdata';

function compiled(expr: string): Surface {
  const r = compileSurface(expr);
  if (!r.ok) throw new Error(`${expr}: ${r.message}`);
  return r.surface;
}

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

describe('CATALOGUE_EXPRESSIONS', () => {
  it('has an expression for every surface id, and each one compiles', () => {
    expect(Object.keys(CATALOGUE_EXPRESSIONS).sort()).toEqual([...SURFACE_IDS].sort());
    for (const expr of Object.values(CATALOGUE_EXPRESSIONS)) expect(compileSurface(expr).ok).toBe(true);
  });

  const registered = Object.entries(CATALOGUE) as [SurfaceId, Surface | undefined][];
  it.each(registered)('%s: f, gradient and Hessian equal the closed form over the view', (id, surface) => {
    if (!surface) return;
    const typed = compiled(CATALOGUE_EXPRESSIONS[id]);
    // Ackley's origin is a cusp: the gradient is undefined there, and the closed form picks
    // a subgradient by convention. Everywhere else both must agree.
    const points = viewPoints(surface).filter(([x, y]) => id !== 'ackley' || Math.hypot(x, y) > 1e-3);
    const reference = points.map(([x, y]) => jet(surface, x, y));
    const ours = points.map(([x, y]) => jet(typed, x, y));
    // Relative 1e-12, with an absolute floor of 1e-15 times the largest magnitude that quantity
    // takes over the view: where a value is the small difference of large terms (a gradient
    // near a critical point) both sides carry rounding error of the terms' size, not the value's.
    const scale = QUANTITIES.map((_, k) => Math.max(...reference.map((r) => Math.abs(r[k]))));
    const failures: string[] = [];
    reference.forEach((r, i) => {
      QUANTITIES.forEach((name, k) => {
        const tolerance = 1e-12 * Math.max(Math.abs(r[k]), 1e-3 * scale[k]);
        if (!(Math.abs(ours[i][k] - r[k]) <= tolerance)) {
          failures.push(`${name} at (${points[i]}): expression ${ours[i][k]}, closed form ${r[k]}`);
        }
      });
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('covers every surface id once the catalogue is complete', () => {
    const missing = SURFACE_IDS.filter((id) => !CATALOGUE[id]);
    expect(missing).toEqual([]);
  });

  // Independent of the closed forms: the critical points of shared/design/critical-points.json.
  it.each(SURFACE_IDS.map((id) => [id]))('%s: reproduces the recorded critical points', (id) => {
    const s = compiled(CATALOGUE_EXPRESSIONS[id]);
    for (const p of CRITICAL_POINT_SAMPLES[id]) {
      const [f, gx, gy, hxx, hxy, hyy] = jet(s, p.x, p.y);
      const [l1, l2] = p.hessianEigenvalues;
      const curvature = Math.max(1, Math.abs(l1), Math.abs(l2));
      // The coordinates are rounded to ~5e-10, which moves f by ~curvature * 1e-19 and the
      // gradient by up to ~curvature * 7e-10.
      expect(Math.abs(f - p.f)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(p.f)));
      expect(Math.hypot(gx, gy)).toBeLessThanOrEqual(2e-9 * curvature);
      const mean = (hxx + hyy) / 2;
      const radius = Math.hypot((hxx - hyy) / 2, hxy);
      // The eigenvalues are recorded to 9 significant digits.
      expect(Math.abs(mean - radius - l1)).toBeLessThanOrEqual(1e-8 * Math.abs(l1) + 1e-9 * curvature);
      expect(Math.abs(mean + radius - l2)).toBeLessThanOrEqual(1e-8 * Math.abs(l2) + 1e-9 * curvature);
    }
  });
});

describe('EXAMPLE_EXPRESSIONS', () => {
  it.each(EXAMPLE_EXPRESSIONS.map((e) => [e.label, e.expr]))('%s (%s) compiles to finite values at its start', (_label, expr) => {
    const s = compiled(expr);
    expect(jet(s, s.start[0], s.start[1]).every(Number.isFinite)).toBe(true);
  });
});
