// The dense symmetric eigen-solver against its definition (A v = lambda v, V orthonormal,
// ascending values) on seeded random matrices, and on matrices whose spectrum is known exactly.
import { describe, expect, test } from 'vitest';
import { symmetricEigen, symmetricEigenInto, symmetricEigenWork } from './symmetricEigen';

/** A small seeded generator (mulberry32), so this test imports nothing from outside src/numeric. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

function randomSym(n: number, r: () => number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = 4 * r();
  return a;
}

/** Q diag(values) Q^T for a random orthogonal Q (Householder products), so the spectrum is known. */
function withSpectrum(values: number[], r: () => number): Float64Array {
  const n = values.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = values[i];
  for (let rep = 0; rep < 3; rep++) {
    const u = Float64Array.from({ length: n }, () => r());
    const norm2 = u.reduce((s, x) => s + x * x, 0);
    // A <- (I - 2uu'/u'u) A (I - 2uu'/u'u)
    const au = Float64Array.from({ length: n }, (_, i) => u.reduce((s, x, j) => s + a[i * n + j] * x, 0));
    const uau = u.reduce((s, x, i) => s + x * au[i], 0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        a[i * n + j] += (-2 * (u[i] * au[j] + au[i] * u[j])) / norm2 + (4 * uau * u[i] * u[j]) / (norm2 * norm2);
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[i * n + j] = a[j * n + i];
  return a;
}

describe('symmetricEigen', () => {
  test.each([1, 2, 3, 7, 40])('A v = lambda v, orthonormal, ascending (n = %i)', (n) => {
    const r = seeded(n);
    for (let rep = 0; rep < 5; rep++) {
      const a = randomSym(n, r);
      const before = a.slice();
      const out = symmetricEigen(a, n, true);
      if (!out.ok) throw new Error(out.error);
      const { values, vectors } = out;
      const v = vectors as Float64Array;
      const scale = Math.max(...Array.from(values, Math.abs), 1);
      for (let i = 0; i < n; i++) {
        if (i > 0) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
        for (let k = 0; k < n; k++) {
          let av = 0;
          for (let j = 0; j < n; j++) av += a[k * n + j] * v[i * n + j];
          expect(Math.abs(av - values[i] * v[i * n + k])).toBeLessThan(1e-12 * scale * n);
        }
        for (let j = 0; j <= i; j++) {
          let dot = 0;
          for (let k = 0; k < n; k++) dot += v[i * n + k] * v[j * n + k];
          expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-13 * n);
        }
      }
      // values only: the same numbers (the QL iteration does not depend on the vectors)
      const plain = symmetricEigen(a, n, false);
      expect(plain.ok && Array.from(plain.values)).toEqual(Array.from(values));
      expect(a).toEqual(before); // the input is left alone
    }
  });

  test('a known spectrum with repeated, zero and negative eigenvalues', () => {
    const spectrum = [-3, -3, -1e-9, 0, 0, 0, 2.5, 7, 7, 7, 1e4];
    const out = symmetricEigen(withSpectrum(spectrum, seeded(99)), spectrum.length, false);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    out.values.forEach((lambda, i) => expect(Math.abs(lambda - spectrum[i])).toBeLessThan(1e-11 * 1e4));
  });

  test('diagonal and zero matrices are exact', () => {
    const d = Float64Array.from([3, 0, 0, 0, -1, 0, 0, 0, 2]);
    const out = symmetricEigen(d, 3, true);
    expect(out.ok && Array.from(out.values)).toEqual([-1, 2, 3]);
    const z = symmetricEigen(new Float64Array(16), 4, true);
    expect(z.ok && Array.from(z.values)).toEqual([0, 0, 0, 0]);
  });

  test('a non-finite entry or a mismatched work size is refused, not thrown', () => {
    expect(symmetricEigen(Float64Array.from([1, NaN, NaN, 1]), 2, true).ok).toBe(false);
    expect(symmetricEigen(Float64Array.from([Infinity, 0, 0, 1]), 2, false).ok).toBe(false);
    expect(symmetricEigenInto(new Float64Array(9), 3, false, symmetricEigenWork(2))).toBe(false);
    expect(symmetricEigen(new Float64Array(0), 0, true).ok).toBe(true);
  });

  test('trace and Frobenius norm are kept (n = 120)', () => {
    const n = 120;
    const a = randomSym(n, seeded(7));
    const out = symmetricEigen(a, n, false);
    if (!out.ok) throw new Error(out.error);
    let trace = 0;
    let frob = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i];
    for (let i = 0; i < n * n; i++) frob += a[i] * a[i];
    expect(out.values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 9);
    expect(out.values.reduce((s, x) => s + x * x, 0) / frob).toBeCloseTo(1, 12);
  });
});
