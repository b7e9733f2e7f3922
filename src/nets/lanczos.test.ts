import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../numeric/symmetricEigen';
import { runStream } from '../optim/rng';
import { lanczosExtremes } from '../optim/lanczos';
import { tinyObjective } from './testNets';
import { classifyExtremes } from './verdict';

function denseEigenvalues(a: Float64Array, n: number): Float64Array {
  const eig = symmetricEigen(a, n, false);
  if (!eig.ok) throw new Error(eig.error);
  return eig.values;
}

const matVec = (a: Float64Array, n: number) => (v: Float64Array, out: Float64Array) => {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * v[j];
    out[i] = s;
  }
};

/** A random symmetric matrix with the given spectrum: Q diag(values) Q^T, Q from Householder reflections. */
function withSpectrum(values: number[], seed: number): Float64Array {
  const n = values.length;
  const rng = runStream(seed, 0);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = values[i];
  for (let r = 0; r < 3; r++) {
    const u = Array.from({ length: n }, () => rng.normal());
    const norm = Math.hypot(...u);
    const h = u.map((x) => x / norm); // A <- (I - 2hh^T) A (I - 2hh^T)
    const ah = Array.from({ length: n }, (_, i) => h.reduce((s, hj, j) => s + a[i * n + j] * hj, 0));
    const hah = h.reduce((s, hi, i) => s + hi * ah[i], 0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] += -2 * h[i] * ah[j] - 2 * ah[i] * h[j] + 4 * hah * h[i] * h[j];
  }
  return a;
}

describe('lanczosExtremes', () => {
  it('finds both ends of a known spectrum with a cluster at 0 (maxIter < n)', () => {
    const n = 150;
    const values = Array.from({ length: n }, (_, i) => (i < 100 ? 1e-9 * i : 0.1 + i / 10));
    values[0] = -0.03;
    const e = lanczosExtremes(matVec(withSpectrum(values, 1), n), n, runStream(2, 0), { maxIter: 100 });
    expect(e.min).toBeCloseTo(-0.03, 9);
    expect(e.max).toBeCloseTo(0.1 + 14.9, 9);
    expect(e.converged).toBe(true);
  });

  it('stopped before converging, its estimates lie inside the spectrum and each residual bounds the distance to an eigenvalue', () => {
    // what the network verdict states (verdict.ts, lanczosNote) when its budget of products runs out
    const n = 120;
    const values = Array.from({ length: n }, (_, i) => Math.sin(7 * i) * (1 + i / 20));
    const sorted = [...values].sort((a, b) => a - b);
    const e = lanczosExtremes(matVec(withSpectrum(values, 5), n), n, runStream(6, 0), { maxIter: 6 });
    expect(e.converged).toBe(false);
    const [resMin, resMax] = e.residuals!;
    expect(e.min).toBeGreaterThanOrEqual(sorted[0] - 1e-12);
    expect(e.max).toBeLessThanOrEqual(sorted[n - 1] + 1e-12);
    const nearest = (theta: number) => Math.min(...values.map((l) => Math.abs(l - theta)));
    expect(nearest(e.min)).toBeLessThanOrEqual(resMin * (1 + 1e-9));
    expect(nearest(e.max)).toBeLessThanOrEqual(resMax * (1 + 1e-9));
    // and the bound is not vacuous: the residuals are below the spectrum's width
    expect(Math.max(resMin, resMax)).toBeLessThan(sorted[n - 1] - sorted[0]);
  });

  it('is exact on a matrix with repeated eigenvalues (the Krylov space closes early)', () => {
    const values = [2, 2, 2, -1, -1, 5, 5, 5, 5, -1];
    const e = lanczosExtremes(matVec(withSpectrum(values, 3), 10), 10, runStream(4, 0));
    expect(e.iterations).toBe(3);
    expect(e.min).toBeCloseTo(-1, 12);
    expect(e.max).toBeCloseTo(5, 12);
  });

  it.each(['tanh', 'relu', 'sigmoid'] as const)('matches the dense Hessian of a tiny %s network built from finite differences of gradients', (act) => {
    const { objective, w } = tinyObjective(act, [4, 3], { l2: 1e-3 });
    const n = objective.dim;
    const h = 1e-5;
    const dense = new Float64Array(n * n);
    const gp = new Float64Array(n);
    const gm = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const x = w.slice();
      x[j] = w[j] + h;
      objective.lossGrad(x, gp);
      x[j] = w[j] - h;
      objective.lossGrad(x, gm);
      for (let i = 0; i < n; i++) dense[i * n + j] = (gp[i] - gm[i]) / (2 * h);
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) dense[i * n + j] = dense[j * n + i] = 0.5 * (dense[i * n + j] + dense[j * n + i]);
    const ref = denseEigenvalues(dense, n);
    const e = lanczosExtremes((v, out) => objective.hvp(w, v, out), n, runStream(1, 0), { maxIter: 20 });
    const scale = Math.max(Math.abs(ref[0]), Math.abs(ref[n - 1]));
    expect(Math.abs(e.min - ref[0])).toBeLessThan(1e-6 * scale);
    expect(Math.abs(e.max - ref[n - 1])).toBeLessThan(1e-6 * scale);
    // and the dense Hessian from R-op products agrees entry by entry
    const rop = new Float64Array(n * n);
    objective.denseHessian(w, rop);
    for (let k = 0; k < n * n; k++) expect(Math.abs(rop[k] - dense[k])).toBeLessThan(1e-6 * Math.max(1, scale));
  });
});

describe('saddles in weight space', () => {
  it('zero hidden weights with the output bias at logit(mean y) are a critical point and a saddle', () => {
    const { objective, net } = tinyObjective('tanh', [4]);
    const w = new Float64Array(objective.dim);
    let mean = 0;
    for (let i = 0; i < objective.train.count; i++) mean += objective.train.y[i];
    mean /= objective.train.count;
    w[net.layers[1].bOffset] = Math.log(mean / (1 - mean));
    const g = new Float64Array(objective.dim);
    objective.lossGrad(w, g);
    expect(Math.hypot(...g)).toBeLessThan(1e-15);
    const e = lanczosExtremes((v, out) => objective.hvp(w, v, out), objective.dim, runStream(0, 0));
    expect(e.min).toBeLessThan(-1e-3);
    expect(e.max).toBeGreaterThan(1e-3);
    expect(classifyExtremes(e.min, e.max)).toBe('saddle');
  });

  it('classifies by the signs of the extremes, near-zero ones as degenerate', () => {
    expect(classifyExtremes(0.1, 3)).toBe('minimum');
    expect(classifyExtremes(-3, -0.1)).toBe('maximum');
    expect(classifyExtremes(-0.03, 2)).toBe('saddle');
    expect(classifyExtremes(-1e-7, 2)).toBe('degenerate');
    expect(classifyExtremes(NaN, 2)).toBe('degenerate');
  });
});
