// The critical-point search where grad f is not continuous: the tip of a cone (a cusp) and the
// creases that L1 regularization puts on the axes. Expected points are worked out by hand (and a
// cubic's roots by bisection), independently of the search.
import { describe, expect, it } from 'vitest';
import type { PointKind } from '../../experiment/types';
import { CATALOGUE } from '../catalogue';
import { regularized } from '../objective';
import type { Surface } from '../types';
import { findCriticalPoints, type CriticalPoint } from './index';

/** Every expected point found exactly once (within 1e-6) with its kind, and nothing more. */
function expectSamePoints(found: CriticalPoint[], expected: readonly { x: number; y: number; kind: PointKind }[]): void {
  const near = (p: { x: number; y: number }, q: { x: number; y: number }) =>
    Math.abs(p.x - q.x) <= 1e-6 && Math.abs(p.y - q.y) <= 1e-6;
  const unmatched = expected.filter((q) => found.filter((p) => near(p, q) && p.kind === q.kind).length !== 1);
  const extra = found.filter((p) => !expected.some((q) => near(p, q)));
  expect({ unmatched, extra }).toEqual({ unmatched: [], extra: [] });
  expect(found).toHaveLength(expected.length);
}

/** sign * sqrt(x^2 + y^2): a cone, smooth everywhere but at its tip. */
function cone(sign: 1 | -1): Surface {
  return {
    id: 'custom',
    name: 'cone',
    expression: 'sqrt(x^2 + y^2)',
    teaches: 'A cusp.',
    view: { x: [-1, 1], y: [-1, 1] },
    start: [0.5, 0.5],
    f: (x, y) => sign * Math.hypot(x, y),
    grad(x, y, out) {
      const r = Math.hypot(x, y);
      out[0] = r === 0 ? 0 : (sign * x) / r;
      out[1] = r === 0 ? 0 : (sign * y) / r;
    },
    hessian(x, y, out) {
      const r = Math.max(Math.hypot(x, y), 1e-150);
      out[0] = (sign * y * y) / r ** 3;
      out[1] = (-sign * x * y) / r ** 3;
      out[2] = (sign * x * x) / r ** 3;
    },
  };
}

describe('findCriticalPoints at a cusp', () => {
  it('finds nothing on the cone away from its tip', () => {
    expect(findCriticalPoints(cone(1), { x: [0.1, 1], y: [0.1, 1] })).toEqual([]);
  });

  it.each([
    [1, 'minimum'],
    [-1, 'maximum'],
  ] as const)('finds the tip of a cone (sign %s) as a cusp %s, with no seed on it', (sign, kind) => {
    const found = findCriticalPoints(cone(sign), { x: [-0.9, 1.3], y: [-1.1, 0.7] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind, smooth: false });
    expect(Math.hypot(found[0].x, found[0].y)).toBeLessThan(1e-6);
  });
});

describe('findCriticalPoints under L1 regularization (creases on the axes)', () => {
  /** The regularized objective as a Surface, as the worker hands it to the search. */
  const withL1 = (s: Surface, l1: number): Surface => {
    const o = regularized(s, { l1 });
    return { ...s, f: o.f, grad: o.grad, hessian: o.hessian };
  };
  /** The root of a cubic c(y) between a and b, by bisection (c(a), c(b) of opposite signs). */
  const cubicRoot = (c: (y: number) => number, a: number, b: number) => {
    for (let k = 0; k < 200; k++) {
      const m = (a + b) / 2;
      if (Math.sign(c(m)) === Math.sign(c(a))) a = m;
      else b = m;
    }
    return a;
  };

  it('double well + 0.2 (|x| + |y|): the kink minimum at 0, and the points of x = 0 where df/dy + 0.2 sign(y) = 0', () => {
    // On x = 0 (a crease, where |df/dx| = 0 <= 0.2), y (y^2 - 1) + 0.2 sign(y) = 0 gives for
    // y > 0 a maximum along the crease (a saddle) and a minimum; mirrored for y < 0. Off the axis
    // x + 0.2 sign(x) never vanishes, and at the origin f rises in every direction.
    const cubic = (y: number) => y * y * y - y + 0.2;
    const saddleY = cubicRoot(cubic, 0, 0.5);
    const minimumY = cubicRoot(cubic, 0.5, 1);
    const found = findCriticalPoints(withL1(CATALOGUE.doubleWell, 0.2), CATALOGUE.doubleWell.view);
    expectSamePoints(found, [
      { x: 0, y: 0, kind: 'minimum' },
      { x: 0, y: saddleY, kind: 'saddle' },
      { x: 0, y: -saddleY, kind: 'saddle' },
      { x: 0, y: minimumY, kind: 'minimum' },
      { x: 0, y: -minimumY, kind: 'minimum' },
    ]);
    expect(found.every((p) => !p.smooth)).toBe(true);
  });

  /**
   * The critical points of f + l1 (|x| + |y|) on the axes, from the 1D conditions: on the half
   * axis y = 0, x > 0 (say), the slope along it df/dx + l1 vanishes and the slope across it is
   * outvoted, |df/dy| < l1; the origin when |df/dx| < l1 and |df/dy| < l1. Across the axis f
   * rises both ways; along it, a rising slope makes a minimum and a falling one a saddle.
   */
  const axisPoints = (s: Surface, l1: number): { x: number; y: number; kind: PointKind }[] => {
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    const at = (axis: number, t: number): [number, number] => (axis === 0 ? [t, 0] : [0, t]);
    const points: { x: number; y: number; kind: PointKind }[] = [];
    s.grad(0, 0, g);
    if (Math.abs(g[0]) < l1 && Math.abs(g[1]) < l1) points.push({ x: 0, y: 0, kind: 'minimum' });
    for (const axis of [0, 1]) {
      const [lo, hi] = axis === 0 ? s.view.x : s.view.y;
      for (const sign of [-1, 1]) {
        const along = (t: number) => (s.grad(...at(axis, t), g), g[axis] + l1 * sign);
        const end = sign > 0 ? hi : lo;
        const samples = 4000;
        for (let k = 1; k < samples; k++) {
          const [a, b] = [(end * k) / samples, (end * (k + 1)) / samples];
          if (Math.sign(along(a)) === Math.sign(along(b))) continue;
          const t = cubicRoot(along, a, b);
          s.grad(...at(axis, t), g);
          if (Math.abs(g[1 - axis]) >= l1) continue;
          s.hessian(...at(axis, t), h);
          const [x, y] = at(axis, t);
          points.push({ x, y, kind: h[axis === 0 ? 0 : 2] > 0 ? 'minimum' : 'saddle' });
        }
      }
    }
    return points;
  };

  it.each([
    ['himmelblau', 20],
    ['threeHumpCamel', 1],
    ['sixHumpCamel', 0.5],
  ] as const)('%s + %s (|x| + |y|): exactly the axis points of the 1D conditions, and smooth roots elsewhere', (id, l1) => {
    const s = CATALOGUE[id];
    const found = findCriticalPoints(withL1(s, l1), s.view);
    const onAxes = axisPoints(s, l1);
    expect(onAxes.length).toBeGreaterThan(0);
    expectSamePoints(
      found.filter((p) => !p.smooth),
      onAxes,
    );
    const g = new Float64Array(2);
    for (const p of found.filter((q) => q.smooth)) {
      withL1(s, l1).grad(p.x, p.y, g);
      expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-8 * (1 + l1));
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThan(1e-6);
    }
  });

  it('rastrigin + 5 (|x| + |y|): the 441 products of the 1D critical points, 41 of them on the axes', () => {
    // Separable: each axis is t^2 - 10 cos(2 pi t) + 5|t|. In 1D: t = 0 (a kink minimum, the
    // slope 0 being outvoted by 5) and the roots of 2t + 20 pi sin(2 pi t) + 5 sign(t), minima
    // or maxima by the sign of the second derivative. A 2D point is a minimum (maximum) when both
    // of its coordinates are, a saddle otherwise.
    const slope = (t: number) => 2 * t + 20 * Math.PI * Math.sin(2 * Math.PI * t) + 5 * Math.sign(t);
    const oneD: { t: number; min: boolean }[] = [{ t: 0, min: true }];
    const samples = 20000;
    const [lo, hi] = CATALOGUE.rastrigin.view.x;
    for (let k = 0; k < samples; k++) {
      const [a, b] = [lo + ((hi - lo) * k) / samples, lo + ((hi - lo) * (k + 1)) / samples];
      if (a * b <= 0 || Math.sign(slope(a)) === Math.sign(slope(b))) continue;
      const t = cubicRoot(slope, a, b);
      oneD.push({ t, min: 2 + 40 * Math.PI ** 2 * Math.cos(2 * Math.PI * t) > 0 });
    }
    expect(oneD).toHaveLength(21);
    const expected = oneD.flatMap((u) =>
      oneD.map((v) => ({
        x: u.t,
        y: v.t,
        kind: (u.min && v.min ? 'minimum' : !u.min && !v.min ? 'maximum' : 'saddle') as PointKind,
      })),
    );
    const found = findCriticalPoints(withL1(CATALOGUE.rastrigin, 5), CATALOGUE.rastrigin.view);
    expectSamePoints(found, expected);
    expect(found.filter((p) => !p.smooth)).toHaveLength(41);
  });

  it('Booth + 40 (|x| + |y|): the only critical point is the origin, a kink minimum', () => {
    // grad Booth(0, 0) = (-34, -38) lies inside [-40, 40]^2, and no quadrant or half-axis has a
    // zero of the regularized gradient (checked by hand from the linear equations).
    const found = findCriticalPoints(withL1(CATALOGUE.booth, 40), CATALOGUE.booth.view);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'minimum', smooth: false });
    expect(Math.hypot(found[0].x, found[0].y)).toBeLessThan(1e-6);
  });

  it('classifies points that lie exactly on a crease by the slopes around them, not by the Hessian', () => {
    // |x| + (y^2 - 1)^2 / 4 on a 3 x 3 seed grid: the seeds on x = 0 sit exactly on the critical
    // points (gradient 0 by convention), where the Hessian diag(0, 3y^2 - 1) would say
    // 'degenerate'; around them f rises across the crease, and falls (y = 0) or rises (y = +-1)
    // along it.
    const crease: Surface = {
      ...CATALOGUE.booth,
      f: (x, y) => Math.abs(x) + (y * y - 1) ** 2 / 4,
      grad(x, y, out) {
        out[0] = Math.sign(x);
        out[1] = y * (y * y - 1);
      },
      hessian(_x, y, out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 3 * y * y - 1;
      },
    };
    const found = findCriticalPoints(crease, { x: [-1, 1], y: [-1, 1] }, { seedsPerAxis: 3 });
    expect(found.map(({ x, y, kind, smooth }) => ({ x, y, kind, smooth }))).toEqual([
      { x: 0, y: -1, kind: 'minimum', smooth: false },
      { x: 0, y: 1, kind: 'minimum', smooth: false },
      { x: 0, y: 0, kind: 'saddle', smooth: false },
    ]);
  });

  it('Booth + 5 (|x| + |y|): the shifted smooth minimum, nothing on the axes', () => {
    // In the quadrant x, y > 0: 10x + 8y = 29 and 8x + 10y = 33.
    const found = findCriticalPoints(withL1(CATALOGUE.booth, 5), CATALOGUE.booth.view);
    expectSamePoints(found, [{ x: 26 / 36, y: 98 / 36, kind: 'minimum' }]);
  });
});
