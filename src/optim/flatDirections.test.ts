// The symmetry's flat directions (matrix factorization, U -> U Q) left out of the verdict: runs
// that end at a global minimum read "minimum" (not the rounding-level "saddle" or "degenerate" of
// the orbit's zeros), while the strict saddles of the landscape still read "saddle".
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import type { Experiment, OptimizerId } from '../experiment/types';
import { make } from '../functions/functions.testutil';
import type { Instance } from '../functions/types';
import { symmetricEigen } from '../numeric/symmetricEigen';
import { collectResults, createEngine } from './engine';
import { orbitBasis } from './flatDirections';
import { spectrum } from './spectrum';
import { spectrumKind } from './verdict';
import { stopSpectrum } from './vectorRun';

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);

/** M = V V^T (n x n) of the instance, from its named global minimum U = V. */
function targetMatrix(inst: Instance, n: number, r: number): Float64Array {
  const V = inst.criticalPoints!.named[1].x;
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let a = 0; a < r; a++) M[i * n + k] += V[i * r + a] * V[k * r + a];
  return M;
}

/**
 * A strict saddle of f: U's first r - 1 columns are sqrt(lambda_j) q_j for M's top eigenpairs,
 * the last column 0 (U U^T is M without its smallest nonzero eigenvalue: grad = E U = 0, and
 * putting q_r into the zero column descends with curvature -lambda_r).
 */
function zeroColumnSaddle(inst: Instance, n: number, r: number): { x: Float64Array; lambdaR: number } {
  const eig = symmetricEigen(targetMatrix(inst, n, r), n, true);
  if (!eig.ok) throw new Error(eig.error);
  const x = new Float64Array(n * r);
  for (let j = 0; j < r - 1; j++) {
    const row = n - 1 - j; // ascending values: the largest last
    const s = Math.sqrt(eig.values[row]);
    for (let i = 0; i < n; i++) x[i * r + j] = s * eig.vectors![row * n + i];
  }
  return { x, lambdaR: eig.values[n - r] };
}

describe('orbitBasis: the tangents U S (S skew) of the rotation orbit', () => {
  it('is orthonormal, r(r-1)/2 directions at a generic U, fewer where U has two zero columns; at the minimum H t = 0', () => {
    const n = 6;
    const r = 3;
    const inst = make('matrixFactorization', n * r, { r, seed: 2 });
    const V = inst.criticalPoints!.named[1].x;
    const basis = orbitBasis(inst, V);
    expect(basis).toHaveLength(3);
    basis.forEach((b, i) => basis.forEach((c, j) => expect(dot(b, c)).toBeCloseTo(i === j ? 1 : 0, 12)));
    const hb = new Float64Array(n * r);
    for (const b of basis) {
      inst.hvp(V, b, hb);
      expect(Math.sqrt(dot(hb, hb))).toBeLessThan(1e-14);
    }
    const twoZero = V.map((v, k) => (k % r === 0 ? v : 0));
    expect(orbitBasis(inst, twoZero)).toHaveLength(2); // S_12, S_13 move column 1; S_23 moves nothing
    expect(orbitBasis(inst, new Float64Array(n * r))).toHaveLength(0);
    expect(orbitBasis(make('matrixFactorization', 6, { r: 1 }), V.subarray(0, 6))).toHaveLength(0); // r = 1: no symmetry
    expect(orbitBasis(make('rastrigin', 5), new Float64Array(5))).toHaveLength(0);
  });
});

describe('matrixFactorization verdicts with the rotation symmetry left out', () => {
  const optimizers: [OptimizerId, Record<string, number>][] = [['sgd', { lr: 0.1 }], ['adam', { lr: 0.01 }], ['lbfgs', {}]];

  it.each([2, 3])('n = 6, r = %i: every run from a random start that ends at the global minimum reads minimum, index 0', (r) => {
    const flat = (r * (r - 1)) / 2;
    let minima = 0;
    for (let seed = 0; seed < 6; seed++) {
      const exp: Experiment = {
        v: 1,
        problem: { kind: 'function', id: 'matrixFactorization', dim: 6 * r, params: { r } },
        runs: optimizers.map(([optimizer, params]) => ({ optimizer, params, startRadius: 1 })),
        stop: { maxSteps: 20_000, gradTol: 1e-6 },
        seed,
      };
      const built = createEngine(exp);
      if (!built.ok) throw new Error(JSON.stringify(built.errors));
      for (const res of collectResults(exp, built.engine)) {
        expect(res.stop.reason).toBe('gradTol');
        expect(res.f.at(-1)!).toBeLessThan(1e-8); // a global minimum (f = 0 there)
        expect(res.stop).toMatchObject({ kind: 'minimum', index: 0 });
        expect(res.stop.message).toContain(`: a minimum (with ${flat} flat direction${flat === 1 ? '' : 's'} from the rotation symmetry U -> U Q, left out of the test)`);
        minima++;
      }
    }
    expect(minima).toBe(18);
  });

  it('without leaving the orbit out, the same stops read saddle or degenerate (what was wrong)', () => {
    const r = 3;
    const exp: Experiment = { v: 1, problem: { kind: 'function', id: 'matrixFactorization', dim: 18, params: { r } }, runs: [{ optimizer: 'adam', params: { lr: 0.01 }, startRadius: 1 }], stop: { maxSteps: 20_000, gradTol: 1e-6 }, seed: 0 };
    const built = createEngine(exp);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const [res] = collectResults(exp, built.engine);
    const inst = make('matrixFactorization', 18, { r });
    const x = Float64Array.from(res.points.at(-1)!);
    expect(spectrumKind(stopSpectrum(inst, x, 0, false)!)).not.toBe('minimum');
    expect(spectrumKind(stopSpectrum(inst, x, 0, true)!)).toBe('minimum');
  });

  it.each([[6, 2], [6, 3], [2, 2], [101, 2]])('n = %i, r = %i: the strict saddle with U\'s last column 0 still reads saddle, with lambda_min = -lambda_r', (n, r) => {
    const inst = make('matrixFactorization', n * r, { r, seed: 4 });
    const { x, lambdaR } = zeroColumnSaddle(inst, n, r);
    const g = new Float64Array(n * r);
    inst.grad(x, g);
    expect(Math.sqrt(dot(g, g))).toBeLessThan(1e-13); // a critical point
    const s = stopSpectrum(inst, x, 0)!;
    expect(spectrumKind(s)).toBe('saddle');
    expect(s.flat).toEqual({ count: (r * (r - 1)) / 2, about: 'the rotation symmetry U -> U Q' });
    expect(s.lambdaMin).toBeCloseTo(-lambdaR, n * r > 200 ? 5 : 10);
    if (s.method === 'dense') expect(s.index).toBe(1);
    // The origin (no orbit: every tangent is 0) keeps its r^2 directions down.
    const origin = spectrum(inst, new Float64Array(n * r), { leaveOutSymmetry: true });
    expect(origin.flat).toBeUndefined();
    if (origin.method === 'dense') expect(origin.index).toBe(r * r);
  });

  it('Lanczos (d = 202 > 200): near a rotated global minimum lambda_min is the rest\'s, positive, not the orbit\'s 0', () => {
    const n = 101;
    const r = 2;
    const inst = make('matrixFactorization', n * r, { r, seed: 4 });
    const V = inst.criticalPoints!.named[1].x;
    const gen = xoroshiro128plus(1);
    const [c, s] = [0.6, 0.8];
    const x = V.map((v, k) => (k % 2 === 0 ? c * v - s * V[k + 1] : s * V[k - 1] + c * v) + 1e-7 * (2 * uniformFloat64(gen) - 1));
    const full = stopSpectrum(inst, x, 0, false)!;
    const quotient = stopSpectrum(inst, x, 0)!;
    expect(full.method).toBe('lanczos');
    expect(spectrumKind(full)).not.toBe('minimum');
    expect(spectrumKind(quotient)).toBe('minimum');
    expect(quotient.lambdaMin).toBeGreaterThan(0.1);
    expect(quotient.lambdaMax).toBeCloseTo(full.lambdaMax, 6);
  });
});
