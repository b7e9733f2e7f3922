// Planes of R^d: the point drawn at (a, b) has plane coordinates (a, b) and keeps the centre's
// part off the plane; the axes' names.
import { describe, expect, it } from 'vitest';
import { type Plane, percent, planeAxisLabels, planeCoords, planePoint, planeProblem } from './plane';

const s = Math.SQRT1_2;
const pca: Plane = { kind: 'pca', origin: [1, 1, 1, 1], u: [s, s, 0, 0], v: [0, 0, s, -s] };
const center = [0.5, -2, 3, 0.25];
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((t, x, i) => t + x * b[i], 0);

describe('planes of R^d', () => {
  it('coordinates: (a, b) are two coordinates, the others the centre\'s, exactly', () => {
    const plane: Plane = { kind: 'coordinates', axes: [3, 1] };
    expect(Array.from(planePoint(plane, center, 7, -8, new Float64Array(4)))).toEqual([0.5, -8, 3, 7]);
    expect(planeCoords(plane, [0, 1, 2, 3, 4, 5, 6], 2)).toEqual([5, 3]);
  });

  it('directions: the mapped point has plane coordinates (a, b); its part off the plane is the centre\'s', () => {
    const x = planePoint(pca, center, -0.75, 2.5, new Float64Array(4));
    const [a, b] = planeCoords(pca, x);
    expect(a).toBeCloseTo(-0.75, 14);
    expect(b).toBeCloseTo(2.5, 14);
    const off = (p: ArrayLike<number>) => {
      const [pa, pb] = planeCoords(pca, p);
      return Array.from(p, (c, k) => c - 1 - pa * (pca as { u: number[] }).u[k] - pb * (pca as { v: number[] }).v[k]);
    };
    off(x).forEach((c, k) => expect(c).toBeCloseTo(off(center)[k], 14));
    // the centre lies on its own projection
    const [ca, cb] = planeCoords(pca, center);
    Array.from(planePoint(pca, center, ca, cb, new Float64Array(4))).forEach((c, k) => expect(c).toBeCloseTo(center[k], 14));
    expect(dot(pca.kind === 'pca' ? pca.u : [], pca.kind === 'pca' ? pca.v : [])).toBe(0);
  });

  it('says what does not fit a dimension', () => {
    expect(planeProblem({ kind: 'coordinates', axes: [0, 4] }, 4)).toBe('the plane needs two different coordinates of 1..4');
    expect(planeProblem({ kind: 'coordinates', axes: [2, 2] }, 4)).not.toBeNull();
    expect(planeProblem(pca, 4)).toBeNull();
    expect(planeProblem(pca, 5)).toBe('the plane needs an origin and two directions of 5 finite numbers');
  });

  it('names the axes: x1, x3 or PC1 (82%), PC2 (11%)', () => {
    expect(planeAxisLabels({ kind: 'coordinates', axes: [0, 2] })).toEqual(['x1', 'x3']);
    expect(planeAxisLabels(pca, [0.82, 0.114])).toEqual(['PC1 (82%)', 'PC2 (11%)']);
    expect(planeAxisLabels(pca)).toEqual(['PC1', 'PC2']);
    expect([0, 1e-15, 0.004, 0.005, 0.994, 0.996, 1].map(percent)).toEqual(['0%', '<1%', '<1%', '1%', '99%', '>99%', '100%']);
  });
});
