// pathPca against the direct eigen-decomposition of the path's covariance, in both of its forms
// (d x d covariance, m x m Gram matrix), on a subsample, and on paths with fewer than two directions.
import { describe, expect, it } from 'vitest';
import { MAX_EIGEN_SIZE, pathPca, pcaSampleSize } from './pca';
import { symmetricEigen } from './symmetricEigen';

/** A seeded path: a drift along two fixed directions plus smaller noise in every coordinate. */
function path(n: number, d: number, seed = 1): Float64Array {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const p = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const t = i / n;
    for (let k = 0; k < d; k++) p[i * d + k] = 3 * t * Math.cos(k) + Math.sin(6 * t) * Math.sin(2 * k + 1) + 0.05 * rand();
  }
  return p;
}

/** The covariance's eigenpairs, computed directly from every point. */
function direct(p: Float64Array, n: number, d: number) {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += p[i * d + k] / n;
  const c = new Float64Array(d * d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) c[a * d + b] += ((p[i * d + a] - mean[a]) * (p[i * d + b] - mean[b])) / n;
  const eig = symmetricEigen(c, d, true);
  if (!eig.ok) throw new Error(eig.error);
  const total = eig.values.reduce((s, v) => s + v, 0);
  const vec = (r: number) => eig.vectors!.slice(r * d, (r + 1) * d);
  return { mean, values: [eig.values[d - 1], eig.values[d - 2]], vectors: [vec(d - 1), vec(d - 2)], total };
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('pathPca', () => {
  it.each([
    ['covariance form (d <= n)', 400, 12],
    ['Gram form (n < d)', 40, 300],
  ])('%s: PC1, PC2 and their variances are the covariance\'s top eigenpairs', (_name, n, d) => {
    const p = path(n, d);
    const pca = pathPca(p, d, n)!;
    const ref = direct(p, n, d);
    expect(pca.used).toBe(n);
    pca.mean.forEach((m, k) => expect(m).toBeCloseTo(ref.mean[k], 12));
    for (const c of [0, 1]) {
      expect(Math.abs(dot(pca.axes[c], ref.vectors[c]))).toBeCloseTo(1, 9);
      expect(pca.variances[c]).toBeCloseTo(ref.values[c], 9);
      expect(pca.explained[c]).toBeCloseTo(ref.values[c] / ref.total, 9);
    }
    expect(pca.totalVariance).toBeCloseTo(ref.total, 9);
    expect(dot(pca.axes[0], pca.axes[1])).toBeCloseTo(0, 12);
    expect(pca.explained[0] + pca.explained[1]).toBeGreaterThan(0.9);
    // the sign: from the first point toward the last along +PC1
    const run = pca.axes[0].reduce((s, u, k) => s + u * (p[(n - 1) * d + k] - p[k]), 0);
    expect(run).toBeGreaterThanOrEqual(0);
  });

  it('the two forms agree where both apply', () => {
    const n = 60;
    const d = 50;
    const p = path(n, d, 7);
    const viaCovariance = pathPca(p, d, n)!; // d <= n
    const viaGram = pathPca(p, d, 45)!; // n < d: the first 45 points
    const ref = direct(p, 45, d);
    expect(Math.abs(dot(viaGram.axes[0], ref.vectors[0]))).toBeCloseTo(1, 9);
    expect(viaCovariance.used).toBe(60);
  });

  it('a long path in many dimensions: a subsample by arc length, the explained variance measured on the whole path', () => {
    const n = 3000;
    const d = 400;
    expect(pcaSampleSize(n, d)).toBe(MAX_EIGEN_SIZE);
    expect(pcaSampleSize(3001, 10)).toBe(3001); // small d: every point
    const p = path(n, d, 3);
    const t0 = performance.now();
    const pca = pathPca(p, d, n)!;
    const ms = performance.now() - t0;
    expect(pca.used).toBeLessThanOrEqual(MAX_EIGEN_SIZE);
    expect(pca.points).toBe(n);
    let total = 0;
    let along = 0;
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let k = 0; k < d; k++) {
        const c = p[i * d + k] - pca.mean[k];
        total += c * c;
        a += c * pca.axes[0][k];
      }
      along += a * a;
    }
    expect(pca.explained[0]).toBeCloseTo(along / total, 12);
    expect(pca.explained[0] + pca.explained[1]).toBeGreaterThan(0.9);
    expect(ms).toBeLessThan(5000);
  });

  it('a fast curved first stretch and a slow tail (as gradient descent makes): the subsample finds the whole path\'s plane, PC1 the larger', () => {
    // A quarter circle of radius 20 in 15 steps, then 4,985 steps that creep 1 unit along one
    // direction and wave 0.8 along another, in R^260. Evenly spaced steps (1 in 20) hold one point
    // of the arc and miss the plane by 2 % of the variance; pieces of equal length hold the arc.
    const n = 5001;
    const d = 260;
    const e: Float64Array[] = [];
    for (let j = 0; j < 4; j++) {
      const v = new Float64Array(d).map((_, k) => Math.cos((j + 1) * k + j));
      for (const u of e) {
        const c = dot(v, u);
        for (let k = 0; k < d; k++) v[k] -= c * u[k];
      }
      const s = Math.sqrt(dot(v, v));
      e.push(v.map((x) => x / s));
    }
    const coords = (i: number) => {
      const th = ((Math.min(i, 15) / 15) * Math.PI) / 2;
      const t = i > 15 ? (i - 15) / (n - 16) : 0;
      return [20 * Math.sin(th), t, 0.8 * Math.sin(6 * Math.PI * t), 20 * Math.cos(th)];
    };
    const p = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const c = coords(i);
      for (let k = 0; k < d; k++) p[i * d + k] = c[0] * e[0][k] + c[1] * e[1][k] + c[2] * e[2][k] + c[3] * e[3][k];
    }
    // The exact PCA: the path lies in span(e), so its 4 x 4 covariance there has the whole spectrum.
    const ys = Array.from({ length: n }, (_, i) => coords(i));
    const mean = [0, 1, 2, 3].map((j) => ys.reduce((a, y) => a + y[j], 0) / n);
    const c4 = new Float64Array(16);
    for (const y of ys) for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) c4[a * 4 + b] += ((y[a] - mean[a]) * (y[b] - mean[b])) / n;
    const eig = symmetricEigen(c4, 4, true);
    if (!eig.ok) throw new Error(eig.error);
    const total = c4[0] + c4[5] + c4[10] + c4[15];
    const exact = [3, 2].map((r) => {
      const v = new Float64Array(d);
      for (let j = 0; j < 4; j++) for (let k = 0; k < d; k++) v[k] += eig.vectors![r * 4 + j] * e[j][k];
      return v;
    });
    const pca = pathPca(p, d, n)!;
    expect(pca.used).toBeLessThan(MAX_EIGEN_SIZE);
    expect(Math.abs(dot(pca.axes[0], exact[0]))).toBeGreaterThan(0.9999);
    expect(Math.abs(dot(pca.axes[1], exact[1]))).toBeGreaterThan(0.9999);
    expect(pca.explained[0]).toBeCloseTo(eig.values[3] / total, 4);
    expect(pca.explained[1]).toBeCloseTo(eig.values[2] / total, 4);
    expect(pca.variances[0]).toBeGreaterThanOrEqual(pca.variances[1]);
  });

  it('a path on a line has PC1 along it and a PC2 orthogonal to it with 0 variance; a still path explains 0', () => {
    const d = 5;
    const dir = [1, 2, 0, -2, 0].map((v) => v / 3);
    const line = new Float64Array(20 * d).map((_, j) => 0.5 + Math.floor(j / d) * dir[j % d]);
    const pca = pathPca(line, d, 20)!;
    expect(Math.abs(dot(pca.axes[0], Float64Array.from(dir)))).toBeCloseTo(1, 12);
    expect(dot(pca.axes[0], pca.axes[1])).toBeCloseTo(0, 12);
    expect(dot(pca.axes[1], pca.axes[1])).toBeCloseTo(1, 12);
    expect(pca.explained[0]).toBeCloseTo(1, 12);
    expect(pca.explained[1]).toBeCloseTo(0, 12);
    const still = pathPca(new Float64Array(3 * d).fill(2), d, 3)!;
    expect(still.explained).toEqual([0, 0]);
    expect(dot(still.axes[0], still.axes[1])).toBe(0);
    expect(pathPca(line, d, 0)).toBeNull();
  });
});
