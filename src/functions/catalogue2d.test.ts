// Where a d-dimensional function meets the 2D catalogue (d = 2), they are the same surface:
// rastrigin, rosenbrock and styblinskiTang evaluate the catalogue's expressions in the same
// order, so value, gradient and Hessian are bit-identical (===) at every point, and the default
// start and view agree. strictSaddle (k = 1) is the catalogue's doubleWell with the axes swapped
// and 1/4 subtracted, written differently: equal to within a few ulps (stated below).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../surfaces/catalogue';
import { make } from './functions.testutil';

const SAME = ['rastrigin', 'rosenbrock', 'styblinskiTang'] as const;
const coord = fc.double({ min: -6, max: 6, noNaN: true });

describe.each(SAME)('%s in d = 2 is the catalogue surface', (id) => {
  const surface = CATALOGUE[id];
  const inst = make(id, 2);

  test.prop([coord, coord], { numRuns: 2000 })('f, grad and Hessian bit for bit', (x, y) => {
    const p = Float64Array.of(x, y);
    const g2 = new Float64Array(2);
    surface.grad(x, y, g2);
    const g = new Float64Array(2);
    const value = inst.grad(p, g);
    const h2 = new Float64Array(3);
    surface.hessian(x, y, h2);
    const h = new Float64Array(4);
    inst.hessian(p, h);
    const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
    expect(same(inst.f(p), surface.f(x, y)), `f(${x}, ${y})`).toBe(true);
    expect(same(value, surface.f(x, y))).toBe(true);
    expect(same(g[0], g2[0]) && same(g[1], g2[1]), `grad(${x}, ${y})`).toBe(true);
    expect(same(h[0], h2[0]) && same(h[1], h2[1]) && same(h[2], h2[1]) && same(h[3], h2[2]), `hessian(${x}, ${y})`).toBe(true);
  });

  it('has the catalogue start, view and global minimum value', () => {
    expect(Array.from(inst.defaultStart())).toEqual(surface.start);
    expect(inst.view.x).toEqual(surface.view.x);
    expect(inst.view.y).toEqual(surface.view.y);
    // styblinskiTang's minimum is found by bisection here and was computed by Newton there.
    expect(Math.abs((inst.globalMin ?? NaN) - (surface.globalMin ?? NaN))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(surface.globalMin ?? 0)));
  });
});

describe('strictSaddle (k = 1, d = 2) is doubleWell with swapped axes, minus 1/4', () => {
  const well = CATALOGUE.doubleWell;
  const inst = make('strictSaddle', 2, { k: 1 });

  test.prop([coord, coord], { numRuns: 2000 })('values and gradients to within 4 ulps of the larger term; Hessians bit for bit', (x, y) => {
    const p = Float64Array.of(y, x); // strictSaddle's double well is coordinate 0, doubleWell's is y
    const g = new Float64Array(2);
    const value = inst.grad(p, g);
    const g2 = new Float64Array(2);
    well.grad(x, y, g2);
    const ulp = Number.EPSILON;
    const scale = (x * x) / 2 + (y * y * y * y) / 4 + (y * y) / 2 + 0.25;
    expect(Math.abs(value + 0.25 - well.f(x, y))).toBeLessThanOrEqual(4 * ulp * scale);
    expect(g[1]).toBe(g2[0]);
    expect(Math.abs(g[0] - g2[1])).toBeLessThanOrEqual(4 * ulp * (Math.abs(y * y * y) + Math.abs(y)));
    const h = new Float64Array(4);
    inst.hessian(p, h);
    const h2 = new Float64Array(3);
    well.hessian(x, y, h2);
    expect([h[0], h[1], h[2], h[3]]).toEqual([h2[2], 0, 0, h2[0]]);
  });
});
