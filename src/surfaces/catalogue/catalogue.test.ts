// The catalogue against two independent references: central finite differences of its own f and
// gradient (property tests at random points of each view window), and the published critical
// points of fixtures/surfaces/critical-points.json (value, vanishing gradient, Hessian eigenvalues).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SURFACE_IDS, type ViewWindow } from '../../experiment/types';
import { eigenSym2 } from '../classify';
import { CRITICAL_POINT_REFERENCE } from '../criticalPoints.testdata';
import type { Surface } from '../types';
import { ackley } from './ackley';
import { CATALOGUE } from './index';

/** Fourth-order central difference of a scalar function along one axis. */
function derivative(fn: (t: number) => number, t: number, h: number): number {
  return (-fn(t + 2 * h) + 8 * fn(t + h) - 8 * fn(t - h) + fn(t - 2 * h)) / (12 * h);
}

function gradOf(s: Surface, x: number, y: number): [number, number] {
  const g = new Float64Array(2);
  s.grad(x, y, g);
  return [g[0], g[1]];
}

function hessianOf(s: Surface, x: number, y: number): [number, number, number] {
  const h = new Float64Array(3);
  s.hessian(x, y, h);
  return [h[0], h[1], h[2]];
}

/** |analytic - numeric| <= 1e-6 (|analytic| + floor): relative, with a floor for values near 0. */
function expectClose(analytic: number, numeric: number, floor: number, what: string): void {
  const tolerance = 1e-6 * (Math.abs(analytic) + floor);
  if (!(Math.abs(analytic - numeric) <= tolerance)) {
    throw new Error(`${what}: analytic ${analytic}, finite difference ${numeric}, tolerance ${tolerance}`);
  }
}

const width = (w: ViewWindow) => Math.max(w.x[1] - w.x[0], w.y[1] - w.y[0]);

/** Random points of the view window, away from Ackley's cusp where nothing is differentiable. */
function pointsOf(s: Surface) {
  const xs = fc.double({ min: s.view.x[0], max: s.view.x[1], noNaN: true });
  const ys = fc.double({ min: s.view.y[0], max: s.view.y[1], noNaN: true });
  return fc.tuple(xs, ys).filter(([x, y]) => s.id !== 'ackley' || Math.hypot(x, y) > 0.25);
}

describe('catalogue', () => {
  it('has a surface for every id of experiment-v1, under that id', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...SURFACE_IDS].sort());
    for (const id of SURFACE_IDS) expect(CATALOGUE[id].id).toBe(id);
  });

  it('has a critical-point fixture for every surface, and none for a surface it lacks', () => {
    expect(Object.keys(CRITICAL_POINT_REFERENCE).sort()).toEqual([...SURFACE_IDS].sort());
  });

  describe.each(SURFACE_IDS.map((id) => [id, CATALOGUE[id]] as const))('%s', (id, s) => {
    const ref = CRITICAL_POINT_REFERENCE[id];

    it('describes itself: name, a one-sentence lesson, the reference domain as view', () => {
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.teaches).toMatch(/^[A-Z][^]*\.$/);
      expect(s.teaches).not.toMatch(/\.\s/);
      expect(s.view).toEqual(ref.domain);
    });

    it('starts inside its view, away from every critical point', () => {
      const [x, y] = s.start;
      expect(x).toBeGreaterThanOrEqual(s.view.x[0]);
      expect(x).toBeLessThanOrEqual(s.view.x[1]);
      expect(y).toBeGreaterThanOrEqual(s.view.y[0]);
      expect(y).toBeLessThanOrEqual(s.view.y[1]);
      for (const p of ref.criticalPoints) expect(Math.hypot(p.x - x, p.y - y)).toBeGreaterThan(0.02 * width(s.view));
    });

    it('matches the reference at its critical points: f, a vanishing gradient, the Hessian eigenvalues', () => {
      for (const p of ref.criticalPoints) {
        const [hxx, hxy, hyy] = hessianOf(s, p.x, p.y);
        const [lo, hi] = eigenSym2(hxx, hxy, hyy).values;
        const curvature = Math.max(1, Math.abs(lo), Math.abs(hi));
        expect(Math.abs(s.f(p.x, p.y) - p.f)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(p.f)));
        // The reference coordinates carry 9 decimals, so the gradient there is ~ H * 1e-9.
        expect(Math.hypot(...gradOf(s, p.x, p.y))).toBeLessThanOrEqual(1e-8 * curvature);
        expect(Math.abs(lo - p.hessianEigenvalues[0])).toBeLessThanOrEqual(1e-6 * curvature);
        expect(Math.abs(hi - p.hessianEigenvalues[1])).toBeLessThanOrEqual(1e-6 * curvature);
      }
    });

    it('knows its global minimum: the lowest reference minimum (none for surfaces unbounded below)', () => {
      const minima = ref.criticalPoints.filter((p) => p.kind === 'minimum');
      if (s.globalMin === undefined) {
        expect(minima).toEqual([]);
        return;
      }
      const lowest = Math.min(...minima.map((p) => p.f));
      expect(Math.abs(s.globalMin - lowest)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(lowest)));
    });

    it('has a gradient that agrees with finite differences of f', () => {
      const h = 1e-4 * width(s.view);
      fc.assert(
        fc.property(pointsOf(s), ([x, y]) => {
          const [gx, gy] = gradOf(s, x, y);
          const floor = (1 + Math.abs(s.f(x, y))) / width(s.view);
          expectClose(gx, derivative((t) => s.f(t, y), x, h), floor, `df/dx at (${x}, ${y})`);
          expectClose(gy, derivative((t) => s.f(x, t), y, h), floor, `df/dy at (${x}, ${y})`);
        }),
        { numRuns: 200 },
      );
    });

    it('has a Hessian that agrees with finite differences of the gradient, and is symmetric', () => {
      const h = 1e-4 * width(s.view);
      fc.assert(
        fc.property(pointsOf(s), ([x, y]) => {
          const [hxx, hxy, hyy] = hessianOf(s, x, y);
          const floor = (1 + Math.abs(s.f(x, y))) / width(s.view) ** 2;
          const at = `at (${x}, ${y})`;
          expectClose(hxx, derivative((t) => gradOf(s, t, y)[0], x, h), floor, `d2f/dx2 ${at}`);
          expectClose(hxy, derivative((t) => gradOf(s, t, y)[1], x, h), floor, `d2f/dxdy (from df/dy) ${at}`);
          expectClose(hxy, derivative((t) => gradOf(s, x, t)[0], y, h), floor, `d2f/dydx (from df/dx) ${at}`);
          expectClose(hyy, derivative((t) => gradOf(s, x, t)[1], y, h), floor, `d2f/dy2 ${at}`);
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('ackley at its cusp', () => {
  it('takes the gradient 0 at the exact origin, where the cone has no gradient', () => {
    expect(gradOf(ackley, 0, 0)).toEqual([0, 0]);
  });

  it('has a gradient of length 20 * 0.2 / sqrt(2) on every ray just off the origin', () => {
    for (const r of [1e-12, 1e-300]) {
      for (const angle of [0, 1, 2.5, 4]) {
        const norm = Math.hypot(...gradOf(ackley, r * Math.cos(angle), r * Math.sin(angle)));
        expect(norm).toBeCloseTo((20 * 0.2) / Math.SQRT2, 9);
      }
    }
  });

  it('reports a huge but finite curvature at the origin, upward in every direction', () => {
    const h = hessianOf(ackley, 0, 0);
    expect(h.every(Number.isFinite)).toBe(true);
    const [lo, hi] = eigenSym2(...h).values;
    expect(lo).toBeGreaterThan(1e100);
    expect(hi).toBeLessThan(1e300);
  });
});
