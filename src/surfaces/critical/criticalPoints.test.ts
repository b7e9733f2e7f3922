// The critical-point search against fixtures/surfaces/critical-points.json: for every catalogue
// surface, every listed point is found (within 1e-6, same kind) and nothing else is. Then the
// same search on surfaces and windows the reference does not cover, to show it knows nothing of
// the answer: sub-windows cut off-centre, rescaled surfaces, a degenerate point Newton cannot
// reach, continua. Cusps and creases: nonsmooth.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SURFACE_IDS, type PointKind, type ViewWindow } from '../../experiment/types';
import { CATALOGUE } from '../catalogue';
import { classifyEigenvalues } from '../classify';
import { CRITICAL_POINT_REFERENCE, type ReferencePoint } from '../criticalPoints.testdata';
import type { Surface } from '../types';
import { findCriticalPoints, searchCriticalPoints, type CriticalPoint } from './index';

const near = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.abs(p.x - q.x) <= 1e-6 && Math.abs(p.y - q.y) <= 1e-6;

const inside = (w: ViewWindow, p: { x: number; y: number }) =>
  p.x >= w.x[0] && p.x <= w.x[1] && p.y >= w.y[0] && p.y <= w.y[1];

/** Every expected point found exactly once with its kind, and nothing more. */
function expectSamePoints(found: CriticalPoint[], expected: readonly ReferencePoint[]): void {
  const unmatched = expected.filter((q) => found.filter((p) => near(p, q) && p.kind === q.kind).length !== 1);
  const extra = found.filter((p) => !expected.some((q) => near(p, q)));
  expect({ unmatched, extra }).toEqual({ unmatched: [], extra: [] });
  expect(found).toHaveLength(expected.length);
}

function countKinds(points: readonly { kind: PointKind }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of points) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
  return counts;
}

/** f scaled by a constant: same critical points, same kinds, whatever the units. */
function scaled(s: Surface, c: number): Surface {
  return {
    ...s,
    f: (x, y) => c * s.f(x, y),
    grad(x, y, out) {
      s.grad(x, y, out);
      out[0] *= c;
      out[1] *= c;
    },
    hessian(x, y, out) {
      s.hessian(x, y, out);
      for (let i = 0; i < 3; i++) out[i] *= c;
    },
  };
}

describe('findCriticalPoints on the catalogue (reference: critical-points.json)', () => {
  it.each(SURFACE_IDS.map((id) => [id]))('%s: every listed point with its kind, and no other', (id) => {
    const ref = CRITICAL_POINT_REFERENCE[id];
    const found = findCriticalPoints(CATALOGUE[id], ref.domain);
    expectSamePoints(found, ref.criticalPoints);
    expect(countKinds(found)).toEqual(ref.counts);
    for (const p of found) {
      expect(inside(ref.domain, p)).toBe(true);
      const q = ref.criticalPoints.find((r) => near(p, r))!;
      // At Ackley's cusp the Hessian has no value to compare; everywhere else it must agree.
      if (!p.smooth) continue;
      const curvature = Math.max(1, ...q.hessianEigenvalues.map(Math.abs));
      expect(Math.abs(p.eigenvalues[0] - q.hessianEigenvalues[0])).toBeLessThanOrEqual(1e-6 * curvature);
      expect(Math.abs(p.eigenvalues[1] - q.hessianEigenvalues[1])).toBeLessThanOrEqual(1e-6 * curvature);
    }
  });

  it('returns unit, orthogonal eigenvectors that diagonalize the Hessian', () => {
    const s = CATALOGUE.himmelblau;
    const h = new Float64Array(3);
    for (const p of findCriticalPoints(s, s.view)) {
      s.hessian(p.x, p.y, h);
      p.eigenvectors.forEach(([vx, vy], i) => {
        expect(Math.hypot(vx, vy)).toBeCloseTo(1, 12);
        const scale = Math.max(...p.eigenvalues.map(Math.abs));
        expect(Math.abs(h[0] * vx + h[1] * vy - p.eigenvalues[i] * vx)).toBeLessThanOrEqual(1e-12 * scale);
        expect(Math.abs(h[1] * vx + h[2] * vy - p.eigenvalues[i] * vy)).toBeLessThanOrEqual(1e-12 * scale);
      });
      const [[ax, ay], [bx, by]] = p.eigenvectors;
      expect(Math.abs(ax * bx + ay * by)).toBeLessThan(1e-12);
    }
  });

  it('finds Ackley\'s tip as a cusp minimum (not smooth), its gradient undefined there', () => {
    const tip = findCriticalPoints(CATALOGUE.ackley, CATALOGUE.ackley.view).filter((p) => !p.smooth);
    expect(tip).toHaveLength(1);
    expect(Math.hypot(tip[0].x, tip[0].y)).toBeLessThan(1e-9);
    expect(tip[0].kind).toBe('minimum');
  });
});

describe('findCriticalPoints knows nothing of the answer', () => {
  // Off-centre windows: no seed of the grid falls on a critical point by symmetry, and the
  // reference answer is the listed points inside the window (edges chosen clear of any point).
  it.each([
    ['rastrigin', { x: [-2.23, 3.41], y: [-0.77, 1.83] }],
    ['ackley', { x: [-1.33, 2.21], y: [-2.17, 0.89] }],
    ['ackley', { x: [-0.31, 0.43], y: [-0.29, 0.37] }],
    ['sixHumpCamel', { x: [-1.4, 0.3], y: [-1.1, 1.3] }],
    ['himmelblau', { x: [-4.1, 0.7], y: [-3.9, 3.3] }],
  ] as const)('%s in the window %j: exactly the reference points inside it', (id, window) => {
    const w = { x: [...window.x], y: [...window.y] } as ViewWindow;
    const expected = CRITICAL_POINT_REFERENCE[id].criticalPoints.filter((q) => inside(w, q));
    expect(expected.length).toBeGreaterThan(0);
    expectSamePoints(findCriticalPoints(CATALOGUE[id], w), expected);
  });

  it('finds exactly the reference points inside random sub-windows of every domain', () => {
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(...SURFACE_IDS), fraction, fraction, fraction, fraction, (id, a, b, c, d) => {
        const { domain, criticalPoints } = CRITICAL_POINT_REFERENCE[id];
        const along = ([lo, hi]: readonly number[], t: number) => lo + t * (hi - lo);
        const w: ViewWindow = {
          x: [along(domain.x, Math.min(a, b)), along(domain.x, Math.max(a, b))],
          y: [along(domain.y, Math.min(c, d)), along(domain.y, Math.max(c, d))],
        };
        // Edges clear of every point (a point on the edge is in or out by rounding).
        const clear = (v: number, [lo, hi]: readonly number[]) => Math.abs(v - lo) > 1e-4 && Math.abs(v - hi) > 1e-4;
        fc.pre(w.x[1] - w.x[0] > 0.01 && w.y[1] - w.y[0] > 0.01);
        fc.pre(criticalPoints.every((q) => clear(q.x, w.x) && clear(q.y, w.y)));
        expectSamePoints(findCriticalPoints(CATALOGUE[id], w), criticalPoints.filter((q) => inside(w, q)));
      }),
      { numRuns: 60 },
    );
  });

  it.each([1e-6, 1e6])('does not care about units: Himmelblau times %s gives the same points', (c) => {
    const ref = CRITICAL_POINT_REFERENCE.himmelblau;
    expectSamePoints(findCriticalPoints(scaled(CATALOGUE.himmelblau, c), ref.domain), ref.criticalPoints);
  });

  it('classifies the monkey saddle\'s origin as degenerate at any scale', () => {
    for (const c of [1e-6, 1, 1e6]) {
      const found = findCriticalPoints(scaled(CATALOGUE.monkeySaddle, c), CATALOGUE.monkeySaddle.view);
      expect(found.map((p) => p.kind)).toEqual(['degenerate']);
      expect(Math.hypot(found[0].x, found[0].y)).toBeLessThan(1e-6);
    }
  });

  it('finds Peano\'s degenerate origin, where the Hessian is singular along a whole parabola', () => {
    // (y - x^2)(y - 2x^2): Newton stalls on y = x^2 (det H = 12(x^2 - y) = 0 there); the origin
    // is still a critical point of index -1, which the winding audit finds.
    const peano: Surface = {
      ...CATALOGUE.saddle,
      f: (x, y) => (y - x * x) * (y - 2 * x * x),
      grad(x, y, out) {
        out[0] = 8 * x ** 3 - 6 * x * y;
        out[1] = 2 * y - 3 * x * x;
      },
      hessian(x, y, out) {
        out[0] = 24 * x * x - 6 * y;
        out[1] = -6 * x;
        out[2] = 2;
      },
    };
    const found = findCriticalPoints(peano, { x: [-2, 2], y: [-2, 2] });
    expect(found).toHaveLength(1);
    expect(found[0].kind).toBe('degenerate');
    expect(Math.hypot(found[0].x, found[0].y)).toBeLessThan(1e-6);
  });

  it('returns nothing where there is nothing', () => {
    expect(findCriticalPoints(CATALOGUE.booth, { x: [5, 6], y: [5, 6] })).toEqual([]);
    const plane: Surface = {
      ...CATALOGUE.booth,
      f: (x, y) => x + 2 * y,
      grad: (_x, _y, out) => out.set([1, 2]),
      hessian: (_x, _y, out) => out.fill(0),
    };
    expect(findCriticalPoints(plane, { x: [-1, 1], y: [-1, 1] })).toEqual([]);
  });

  it('reports a line of critical points as degenerate points on that line', () => {
    const valley: Surface = {
      ...CATALOGUE.booth,
      f: (x) => (x - 0.3) ** 2,
      grad(x, _y, out) {
        out[0] = 2 * (x - 0.3);
        out[1] = 0;
      },
      hessian(_x, _y, out) {
        out[0] = 2;
        out[1] = 0;
        out[2] = 0;
      },
    };
    const found = findCriticalPoints(valley, { x: [-1, 1], y: [-1, 1] });
    expect(found.length).toBeGreaterThan(1);
    for (const p of found) expect(p).toMatchObject({ x: expect.closeTo(0.3, 9), kind: 'degenerate' });
  });

  it('stops at maxPoints on a flat surface and says so', () => {
    const flat: Surface = {
      ...CATALOGUE.booth,
      f: () => 0,
      grad: (_x, _y, out) => out.fill(0),
      hessian: (_x, _y, out) => out.fill(0),
    };
    const result = searchCriticalPoints(flat, { x: [0, 1], y: [0, 1] }, { maxPoints: 50 });
    expect(result.truncated).toBe(true);
    expect(result.points).toHaveLength(50);
    expect(new Set(result.points.map((p) => p.kind))).toEqual(new Set(['degenerate']));
  });

  it('rejects a window that is empty or not finite', () => {
    const s = CATALOGUE.booth;
    expect(() => findCriticalPoints(s, { x: [1, 1], y: [0, 1] })).toThrow(RangeError);
    expect(() => findCriticalPoints(s, { x: [0, 1], y: [0, Number.NaN] })).toThrow(RangeError);
    expect(() => findCriticalPoints(s, { x: [2, 1], y: [0, 1] })).toThrow(RangeError);
  });
});

describe('classifyEigenvalues', () => {
  it('reads the signs, with zero judged against the given curvature scale', () => {
    expect(classifyEigenvalues([1, 2])).toBe('minimum');
    expect(classifyEigenvalues([-2, -1])).toBe('maximum');
    expect(classifyEigenvalues([-1, 2])).toBe('saddle');
    expect(classifyEigenvalues([1e-9, 1], 1e-8)).toBe('degenerate');
    // Tiny eigenvalues on a surface whose curvatures are all tiny are not degenerate...
    expect(classifyEigenvalues([1e-12, 2e-12], 1e-6, 1e-12)).toBe('minimum');
    // ...but they are next to ordinary curvatures.
    expect(classifyEigenvalues([1e-12, 2e-12], 1e-6, 1)).toBe('degenerate');
    expect(classifyEigenvalues([Number.NaN, 1])).toBe('degenerate');
  });
});

describe('a point\'s kind belongs to the function, not to the window searched', () => {
  // Zoomed out to +-6,000 the double well's typical curvature (3y^2) is ~1e7 times its saddle's
  // eigenvalues (-1, 1): judged against the window, the saddle read as degenerate.
  it.each([6e3, 1e-3])('the double well at +-%s keeps its saddle a saddle', (half) => {
    const found = findCriticalPoints(CATALOGUE.doubleWell, { x: [-half, half], y: [-half, half] });
    const origin = found.find((p) => Math.hypot(p.x, p.y) < 1e-6);
    expect(origin?.kind).toBe('saddle');
    expect(found.filter((p) => p.kind === 'degenerate')).toEqual([]);
  });

  it('gives every catalogue point the same kind in a window 100 times its domain', () => {
    for (const id of ['himmelblau', 'sixHumpCamel', 'doubleWell'] as const) {
      const ref = CRITICAL_POINT_REFERENCE[id];
      const grow = (a: [number, number]): [number, number] => {
        const c = (a[0] + a[1]) / 2;
        const h = (a[1] - a[0]) * 50;
        return [c - h, c + h];
      };
      const found = findCriticalPoints(CATALOGUE[id], { x: grow(ref.domain.x), y: grow(ref.domain.y) });
      // (a window this wide may miss some points; every point it finds keeps its kind)
      const matched = found.flatMap((p) => ref.criticalPoints.filter((q) => Math.hypot(p.x - q.x, p.y - q.y) < 1e-4).map((q) => [p.kind, q.kind, id]));
      expect(matched.length).toBeGreaterThanOrEqual(3);
      for (const [kind, expected, name] of matched) expect(kind, name).toBe(expected);
    }
  });
});
