// Saddle-free Newton: its step against its definition (|H| rebuilt from an eigen-decomposition
// that the test itself checks, H v = lambda v), and the claim of Dauphin et al. (2014) on the double well: near the saddle's
// stable manifold Newton converges to the saddle, saddle-free Newton leaves it for a minimum.
// (Its run on a network: src/nets/spectrum/saddleFreeNewton.test.ts, as src/optim may not import src/nets.)
import { describe, expect, test } from 'vitest';
import type { Experiment, Run, RunResult } from '../../experiment/types';
import { collectResults, createEngine } from '../engine';
import { runStream } from '../rng';
import { OPTIMIZERS } from './index';
import { symmetricEigen } from '../../numeric/symmetricEigen';
import { resolveParams } from './params';
import { saddleFreeStep, saddleFreeWork } from './saddleFreeNewton';

function runOnDoubleWell(run: Run, maxSteps = 200): RunResult {
  const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [run], stop: { maxSteps, gradTol: 1e-10 }, seed: 0 };
  const created = createEngine(exp);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return collectResults(exp, created.engine)[0];
}
const last = (r: RunResult) => r.points[r.points.length - 1];

describe('saddleFreeNewton on the double well x^2/2 + (y^2 - 1)^2/4', () => {
  // The saddle is (0, 0) with H = diag(1, -1); its stable manifold is y = 0; the minima are (0, +-1).
  const start: [number, number] = [0.5, 1e-6];

  test('from next to the stable manifold, near the saddle: Newton converges to the saddle, saddle-free Newton to a minimum', () => {
    const newton = runOnDoubleWell({ optimizer: 'newton', start });
    expect(newton.stop).toMatchObject({ reason: 'gradTol', kind: 'saddle' });
    expect(Math.hypot(...last(newton))).toBeLessThan(1e-9);

    const sfn = runOnDoubleWell({ optimizer: 'saddleFreeNewton', start });
    expect(sfn.stop).toMatchObject({ reason: 'gradTol', kind: 'minimum' });
    expect(Math.abs(last(sfn)[0])).toBeLessThan(1e-9);
    expect(Math.abs(Math.abs(last(sfn)[1]) - 1)).toBeLessThan(1e-9);
    // it moves away from the saddle along y: |y| grows by 1 + lr = 2 per step while y is small
    expect(Math.abs(sfn.points[1][1])).toBeCloseTo(2e-6, 10);
    expect(Math.abs(sfn.points[5][1])).toBeGreaterThan(Math.abs(sfn.points[1][1]) * 8);
  });

  test('exactly on the stable manifold it stays there (g has no component along y), as gradient descent does', () => {
    const sfn = runOnDoubleWell({ optimizer: 'saddleFreeNewton', start: [0.5, 0] });
    expect(sfn.points.every(([, y]) => y === 0)).toBe(true);
    expect(sfn.stop.kind).toBe('saddle');
  });
});

describe('the step', () => {
  test('2 x 2: -lr |H|^-1 g with |lambda| floored at damping', () => {
    const opt = OPTIMIZERS.saddleFreeNewton.create(resolveParams('saddleFreeNewton', { damping: 0.5 }), 2);
    const x = Float64Array.from([1, 2]);
    opt.step(x, Float64Array.from([1, 1]), { lr: 0.5, rng: runStream(1, 0), hessian: Float64Array.from([2, 0, 0, -4]) });
    expect(Array.from(x)).toEqual([1 - 0.5 * 0.5, 2 - 0.5 * 0.25]);
    const y = Float64Array.from([0, 0]);
    opt.step(y, Float64Array.from([1, 1]), { lr: 1, rng: runStream(1, 0), hessian: Float64Array.from([1e-6, 0, 0, -0.1]) });
    expect(y[0]).toBeCloseTo(-1 / 0.5, 14);
    expect(y[1]).toBeCloseTo(-1 / 0.5, 14);
  });

  test.each([3, 6, 12])('|H| s = g for random indefinite H in dimension %i (|H| from an independent eigen-decomposition)', (n) => {
    const r = runStream(77, n);
    for (let rep = 0; rep < 10; rep++) {
      const h = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) h[i * n + j] = h[j * n + i] = r.normal();
      const g = Float64Array.from({ length: n }, () => r.normal());
      const damping = 0.3;
      const s = new Float64Array(n);
      expect(saddleFreeStep(g, h, damping, n, s, saddleFreeWork(n))).toBe(true);
      const eig = symmetricEigen(h, n, true);
      if (!eig.ok || !eig.vectors) throw new Error('no decomposition');
      const { values, vectors } = eig;
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
          let hv = 0;
          for (let j = 0; j < n; j++) hv += h[k * n + j] * vectors[i * n + j];
          expect(hv).toBeCloseTo(values[i] * vectors[i * n + k], 10);
        }
      }
      // |H| s, with |H| = V max(|Lambda|, damping) V^T (eigenvectors in the rows of `vectors`)
      for (let k = 0; k < n; k++) {
        let acc = 0;
        for (let i = 0; i < n; i++) {
          let proj = 0;
          for (let j = 0; j < n; j++) proj += vectors[i * n + j] * s[j];
          acc += vectors[i * n + k] * Math.max(Math.abs(values[i]), damping) * proj;
        }
        expect(acc).toBeCloseTo(g[k], 10);
      }
    }
  });

  test('a non-finite Hessian gives a non-finite step (the engine reports a divergence), and nothing throws', () => {
    const s = new Float64Array(3);
    expect(saddleFreeStep(new Float64Array(3).fill(1), new Float64Array(9).fill(NaN), 1e-3, 3, s, saddleFreeWork(3))).toBe(false);
    expect(s.every(Number.isNaN)).toBe(true);
  });
});
