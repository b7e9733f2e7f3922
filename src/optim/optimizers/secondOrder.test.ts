// The linear algebra and the cubic subproblem behind newton and cubic, and the random parts of
// pgd and noisySgd, checked against their definitions on seeded random inputs.
import { describe, expect, test } from 'vitest';
import { resolveParams } from './params';
import { Rng, runStream } from '../rng';
import { cubicStep, cubicWork } from './cubic';
import { OPTIMIZERS } from './index';
import { solveInPlace } from './linalg';
import { symmetricEigen } from '../../numeric/symmetricEigen';
import { addUniformBall } from './pgd';

const rng = (): Rng => runStream(12345, 0);

function randomSym(r: Rng, n: number, scale = 3): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = scale * r.normal();
  }
  return a;
}
const matVec = (a: Float64Array, v: Float64Array, n: number) =>
  Float64Array.from({ length: n }, (_, i) => v.reduce((s, vj, j) => s + a[i * n + j] * vj, 0));
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
const dot = (u: ArrayLike<number>, v: ArrayLike<number>) => Array.from(u).reduce((s, x, i) => s + x * v[i], 0);
const model = (g: Float64Array, h: Float64Array, M: number, s: ArrayLike<number>, n: number) =>
  dot(g, s) + 0.5 * dot(s, matVec(h, Float64Array.from(s), n)) + (M / 6) * norm(s) ** 3;

describe('linalg', () => {
  test.each([2, 3, 5])('solveInPlace solves random %i x %i systems', (n) => {
    const r = rng();
    for (let k = 0; k < 50; k++) {
      const a = Float64Array.from({ length: n * n }, () => r.normal());
      const b = Float64Array.from({ length: n }, () => r.normal());
      const z = Float64Array.from(b);
      expect(solveInPlace(Float64Array.from(a), z, n)).toBe(true);
      const residual = matVec(a, z, n).map((v, i) => v - b[i]);
      expect(norm(residual)).toBeLessThan(1e-9 * (1 + norm(z)));
    }
  });

  test('the 2 x 2 path computes exactly what the general elimination does', () => {
    // The general path on diag(A, 1) performs A's operations and only adds exact zeros.
    const r = rng();
    for (let k = 0; k < 200; k++) {
      const a = Float64Array.from({ length: 4 }, () => r.normal() * 10 ** (4 * r.uniform() - 2));
      const b = Float64Array.from({ length: 2 }, () => r.normal());
      const z2 = Float64Array.from(b);
      solveInPlace(Float64Array.from(a), z2, 2);
      const z3 = Float64Array.from([b[0], b[1], 1]);
      solveInPlace(Float64Array.from([a[0], a[1], 0, a[2], a[3], 0, 0, 0, 1]), z3, 3);
      expect(Array.from(z2)).toEqual([z3[0], z3[1]]);
    }
  });

  test('solveInPlace reports a singular matrix', () => {
    expect(solveInPlace(Float64Array.from([1, 2, 2, 4]), Float64Array.from([1, 1]), 2)).toBe(false);
    expect(solveInPlace(Float64Array.from([0, 0, 0, 0]), Float64Array.from([1, 1]), 2)).toBe(false);
    expect(solveInPlace(Float64Array.from([NaN, 0, 0, 1]), Float64Array.from([1, 1]), 2)).toBe(false);
  });
});

describe('cubic subproblem: the global minimizer of g.s + 1/2 s\'Hs + (M/6)||s||^3', () => {
  /** Nesterov-Polyak's characterization plus a direct comparison with random and nearby points. */
  function checkMinimizer(g: Float64Array, h: Float64Array, M: number, n: number, r: Rng) {
    const s = new Float64Array(n);
    cubicStep(g, h, M, n, s, cubicWork(n));
    const rs = norm(s);
    const scale = 1 + norm(g) + rs;
    // (H + M r / 2 I) s = -g
    const hs = matVec(h, s, n);
    expect(norm(hs.map((v, i) => v + (M * rs * s[i]) / 2 + g[i]))).toBeLessThan(1e-9 * scale);
    // H + M r / 2 I is positive semidefinite
    const eig = symmetricEigen(h, n, false);
    if (!eig.ok) throw new Error(eig.error);
    const { values } = eig;
    expect(values[0] + (M * rs) / 2).toBeGreaterThanOrEqual(-1e-9 * scale);
    // nothing nearby or far is lower
    const best = model(g, h, M, s, n);
    for (let k = 0; k < 200; k++) {
      const far = Float64Array.from({ length: n }, () => 3 * (1 + rs) * r.normal());
      const near = Float64Array.from({ length: n }, (_, i) => s[i] + 1e-3 * (1 + rs) * r.normal());
      expect(model(g, h, M, far, n)).toBeGreaterThanOrEqual(best - 1e-12 * scale);
      expect(model(g, h, M, near, n)).toBeGreaterThanOrEqual(best - 1e-12 * scale);
    }
    return s;
  }

  test.each([2, 3, 5])('random H (indefinite or not), g and M in dimension %i', (n) => {
    const r = rng();
    for (let k = 0; k < 40; k++) {
      const h = randomSym(r, n);
      const g = Float64Array.from({ length: n }, () => r.normal() * 10 ** (2 * r.uniform() - 1));
      checkMinimizer(g, h, 10 ** (3 * r.uniform() - 1), n, r);
    }
  });

  test('the hard case: g orthogonal to the lowest eigenvector of an indefinite H', () => {
    const r = rng();
    // H = diag(2, -1, 3) rotated; g lives in the span of the other two eigenvectors.
    const h = Float64Array.from([2, 0, 0, 0, -1, 0, 0, 0, 3]);
    for (const g of [[0.1, 0, 0.2], [0, 0, 0], [1e-3, 0, 0]]) {
      const s = checkMinimizer(Float64Array.from(g), h, 4, 3, r);
      // ||s|| = 2 sigma_min / M = 2 * 1 / 4, with a component along the negative curvature
      expect(norm(s)).toBeCloseTo(0.5, 12);
      expect(Math.abs(s[1])).toBeGreaterThan(0.4);
    }
    // Near the hard case (g almost orthogonal) the minimizer is continuous.
    const s = checkMinimizer(Float64Array.from([0.1, 1e-14, 0.2]), h, 4, 3, r);
    expect(norm(s)).toBeCloseTo(0.5, 10);
  });

  test('a convex quadratic with a large M: the step tends to Newton\'s as M -> 0 and shrinks as M grows', () => {
    const h = Float64Array.from([4, 1, 1, 3]);
    const g = Float64Array.from([1, -2]);
    const s = new Float64Array(2);
    cubicStep(g, h, 1e-9, 2, s, cubicWork(2));
    const newton = Float64Array.from(g);
    solveInPlace(Float64Array.from(h), newton, 2);
    expect(s[0]).toBeCloseTo(-newton[0], 7);
    expect(s[1]).toBeCloseTo(-newton[1], 7);
    cubicStep(g, h, 1e9, 2, s, cubicWork(2));
    expect(norm(s)).toBeLessThan(1e-4);
  });
});

describe('newton', () => {
  test('a singular H + damping I gives a non-finite point (the engine reports a divergence)', () => {
    const opt = OPTIMIZERS.newton.create(resolveParams('newton', {}), 2);
    const x = Float64Array.from([1, 2]);
    opt.step(x, Float64Array.from([1, 1]), { lr: 1, rng: rng(), hessian: Float64Array.from([1, 0, 0, 0]) });
    expect(Number.isNaN(x[0]) && Number.isNaN(x[1])).toBe(true);
  });

  test('damping makes it solvable: x <- x - (H + damping I)^-1 g', () => {
    const opt = OPTIMIZERS.newton.create(resolveParams('newton', { damping: 1 }), 2);
    const x = Float64Array.from([1, 2]);
    opt.step(x, Float64Array.from([1, 1]), { lr: 0.5, rng: rng(), hessian: Float64Array.from([1, 0, 0, 0]) });
    expect(Array.from(x)).toEqual([1 - 0.5 * 0.5, 2 - 0.5 * 1]);
  });
});

describe('pgd and noisySgd', () => {
  test.each([2, 3, 5])('addUniformBall is uniform in the ball in dimension %i', (dim) => {
    const r = rng();
    const scratch = new Float64Array(dim);
    const N = 20_000;
    let inner = 0;
    const mean = new Float64Array(dim);
    for (let k = 0; k < N; k++) {
      const x = new Float64Array(dim);
      addUniformBall(x, 2, r, scratch);
      const rad = norm(x);
      expect(rad).toBeLessThanOrEqual(2);
      if (rad <= 1) inner++;
      x.forEach((v, i) => (mean[i] += v / N));
    }
    // P(||xi|| <= r/2) = 2^-dim for a uniform point; a sphere (radius r always) would give 0.
    const p = 2 ** -dim;
    expect(Math.abs(inner / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    expect(norm(mean)).toBeLessThan(0.05);
  });

  test('pgd kicks only when ||g|| <= gThreshold and the last kick is more than tThreshold steps old', () => {
    const opt = OPTIMIZERS.pgd.create(resolveParams('pgd', { lr: 0.1, radius: 0.5, gThreshold: 1e-3, tThreshold: 3 }), 2);
    const ctx = { lr: 0.1, rng: rng() };
    const small = Float64Array.from([1e-4, 0]);
    const kicks: number[] = [];
    for (let t = 0; t < 12; t++) {
      const x = Float64Array.from([0, 0]);
      const kicked = opt.step(x, t === 5 ? Float64Array.from([1, 1]) : small, ctx);
      if (kicked) {
        kicks.push(t);
        expect(norm(x)).toBeGreaterThan(0);
        expect(norm(x)).toBeLessThanOrEqual(0.5);
      } else {
        expect(Array.from(x)).toEqual([-0.1 * (t === 5 ? 1 : 1e-4), t === 5 ? -0.1 : 0]);
      }
    }
    expect(kicks).toEqual([0, 4, 8]);
  });

  test('noisySgd: x - lr (g + sigma N(0, I)), from the run\'s stream; sigma = 0 is gradient descent', () => {
    const x = Float64Array.from([1, 2]);
    OPTIMIZERS.noisySgd.create(resolveParams('noisySgd', { sigma: 0.5 }), 2).step(x, Float64Array.from([3, 4]), { lr: 0.1, rng: rng() });
    const r = rng();
    const n0 = r.normal();
    const n1 = r.normal();
    expect(Array.from(x)).toEqual([1 - 0.1 * (3 + 0.5 * n0), 2 - 0.1 * (4 + 0.5 * n1)]);
    const y = Float64Array.from([1, 2]);
    OPTIMIZERS.noisySgd.create(resolveParams('noisySgd', { sigma: 0 }), 2).step(y, Float64Array.from([3, 4]), { lr: 0.1, rng: rng() });
    expect(Array.from(y)).toEqual([1 - 0.1 * 3, 2 - 0.1 * 4]);
  });
});
