// The second-order steps' eigen-decomposition: the surfaces' closed form at n = 2 (bit for bit,
// so surface trajectories and stop verdicts agree), the dense QL solver above, and either way
// eigenpairs of H in the rows, ascending.
import { describe, expect, test } from 'vitest';
import { symmetricEigenInto, symmetricEigenWork } from '../../numeric/symmetricEigen';
import { eigenSym2 } from '../../surfaces/classify';
import { runStream } from '../rng';
import { cubicStep, cubicWork } from './cubic';
import { hessianEigenInto } from './hessianEigen';

function randomSym(seed: number, n: number): Float64Array {
  const r = runStream(seed, n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = 3 * r.normal();
  return a;
}

describe('hessianEigenInto', () => {
  test('n = 2 is the closed form of surfaces/classify, bit for bit (off-diagonal averaged)', () => {
    const r = runStream(5, 0);
    const w = symmetricEigenWork(2);
    for (let k = 0; k < 200; k++) {
      const h = Float64Array.from({ length: 4 }, () => r.normal() * 10 ** (4 * r.uniform() - 2));
      expect(hessianEigenInto(h, 2, w)).toBe(true);
      const e = eigenSym2(h[0], (h[1] + h[2]) / 2, h[3]);
      expect(Array.from(w.values)).toEqual(e.values);
      expect(Array.from(w.vectors)).toEqual([...e.vectors[0], ...e.vectors[1]]);
    }
  });

  test.each([3, 4, 6, 12])('n = %i is the dense solver: H v = lambda v, orthonormal rows, ascending', (n) => {
    for (let seed = 0; seed < 10; seed++) {
      const h = randomSym(seed, n);
      const w = symmetricEigenWork(n);
      expect(hessianEigenInto(h, n, w)).toBe(true);
      const ref = symmetricEigenWork(n);
      symmetricEigenInto(h, n, true, ref);
      expect(w.values).toEqual(ref.values);
      expect(w.vectors).toEqual(ref.vectors);
      for (let i = 0; i < n; i++) {
        if (i > 0) expect(w.values[i]).toBeGreaterThanOrEqual(w.values[i - 1]);
        for (let k = 0; k < n; k++) {
          let hv = 0;
          for (let j = 0; j < n; j++) hv += h[k * n + j] * w.vectors[i * n + j];
          expect(Math.abs(hv - w.values[i] * w.vectors[i * n + k])).toBeLessThan(1e-12 * 3 * n);
        }
        for (let j = 0; j <= i; j++) {
          let dot = 0;
          for (let k = 0; k < n; k++) dot += w.vectors[i * n + k] * w.vectors[j * n + k];
          expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-13 * n);
        }
      }
    }
  });

  test('a non-finite Hessian (n > 2) fails, and cubic Newton then steps NaN (a divergence), without throwing', () => {
    expect(hessianEigenInto(new Float64Array(9).fill(NaN), 3, symmetricEigenWork(3))).toBe(false);
    const s = new Float64Array(3);
    expect(cubicStep(new Float64Array(3).fill(1), new Float64Array(9).fill(NaN), 10, 3, s, cubicWork(3))).toBe(false);
    expect(s.every(Number.isNaN)).toBe(true);
  });
});
