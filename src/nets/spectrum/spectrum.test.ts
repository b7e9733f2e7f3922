// The exact Hessian against finite differences of the exact gradient, its spectrum against its
// own definition and against Lanczos, the Lanczos fallback above the size limit, and the histogram.
import { describe, expect, test } from 'vitest';
import { runStream } from '../../optim/rng';
import { lanczosExtremes } from '../../optim/lanczos';
import { tinyObjective } from '../testNets';
import { exactHessian } from './hessian';
import { spectrumHistogram } from './histogram';
import { describeEigenvalues, EXACT_SPECTRUM_MAX_WEIGHTS, exactSpectrum, hessianSpectrum, kindFromCounts } from './spectrum';

describe('exactHessian', () => {
  test.each(['tanh', 'sigmoid', 'relu'] as const)('matches central differences of the gradient, is symmetric, and says how asymmetric it was (%s)', (act) => {
    const { objective, w } = tinyObjective(act, [3, 2], { l2: 0.01 });
    const n = objective.dim;
    const { h, asymmetry } = exactHessian(objective, w);
    expect(asymmetry.relative).toBeLessThan(1e-12);
    const gp = new Float64Array(n);
    const gm = new Float64Array(n);
    const step = 1e-6;
    let worst = 0;
    let scale = 0;
    for (let j = 0; j < n; j++) {
      const wp = w.slice();
      const wm = w.slice();
      wp[j] += step;
      wm[j] -= step;
      objective.lossGrad(wp, gp);
      objective.lossGrad(wm, gm);
      for (let i = 0; i < n; i++) {
        worst = Math.max(worst, Math.abs((gp[i] - gm[i]) / (2 * step) - h[i * n + j]));
        scale = Math.max(scale, Math.abs(h[i * n + j]));
        expect(h[i * n + j]).toBe(h[j * n + i]);
      }
    }
    expect(worst).toBeLessThan(1e-7 * scale);
  });
});

describe('exactSpectrum', () => {
  test('every eigenvalue, ascending; trace kept; extremes agree with Lanczos; index by the relative zero rule', () => {
    const { objective, w } = tinyObjective('tanh', [5, 4]);
    const s = exactSpectrum(objective, w);
    if (!s.ok || !s.value.exact) throw new Error('expected an exact spectrum');
    const v = s.value;
    expect(v.eigenvalues).toHaveLength(objective.dim);
    for (let i = 1; i < v.dim; i++) expect(v.eigenvalues[i]).toBeGreaterThanOrEqual(v.eigenvalues[i - 1]);
    const { h } = exactHessian(objective, w);
    let trace = 0;
    for (let i = 0; i < v.dim; i++) trace += h[i * v.dim + i];
    expect(v.eigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(trace, 10);
    const lz = lanczosExtremes((x, out) => objective.hvp(w, x, out), objective.dim, runStream(1, 0), { maxIter: objective.dim });
    const scale = Math.max(Math.abs(v.lambdaMin), Math.abs(v.lambdaMax));
    expect(Math.abs(lz.min - v.lambdaMin)).toBeLessThan(1e-9 * scale);
    expect(Math.abs(lz.max - v.lambdaMax)).toBeLessThan(1e-9 * scale);
    expect(v.zeroTol).toBe(v.relativeTol * scale);
    expect(v.index.count).toBe(v.eigenvalues.filter((x) => x < -v.zeroTol).length);
    expect(v.index.fraction).toBe(v.index.count / v.dim);
    expect(v.index.count + v.zeros + v.positives).toBe(v.dim);
    // A random start of a tanh net: a non-convex spot, with curvature of both signs.
    expect(v.index.count).toBeGreaterThan(0);
    expect(v.kind).toBe('saddle');
  });

  test('the kind from the signs of every eigenvalue', () => {
    expect(kindFromCounts(2, 0, 3)).toBe('saddle');
    expect(kindFromCounts(2, 4, 3)).toBe('saddle');
    expect(kindFromCounts(0, 0, 3)).toBe('minimum');
    expect(kindFromCounts(0, 1, 3)).toBe('degenerate');
    expect(kindFromCounts(3, 0, 0)).toBe('maximum');
    expect(kindFromCounts(0, 0, 0)).toBe('degenerate');
    const d = describeEigenvalues([-2, -1e-7, 0, 1e-6, 3]);
    // zeroTol = 1e-5 * 3: the two tiny ones and 0 count as zero
    expect(d).toMatchObject({ index: { count: 1, fraction: 0.2 }, zeros: 3, positives: 1, kind: 'saddle' });
  });

  test(`above ${EXACT_SPECTRUM_MAX_WEIGHTS} weights: Lanczos extremes, stated as not exact`, () => {
    const { objective, w } = tinyObjective('tanh', [32, 32]);
    expect(objective.dim).toBeGreaterThan(EXACT_SPECTRUM_MAX_WEIGHTS);
    const s = hessianSpectrum(objective, w, runStream(3, 0));
    if (!s.ok) throw new Error(s.error);
    expect(s.value.exact).toBe(false);
    expect(s.value.eigenvalues).toBeNull();
    expect(s.value.index).toBeNull();
    expect(s.value.lambdaMin).toBeLessThan(s.value.lambdaMax);
    expect(s.value.method).toMatch(/Lanczos/);
  });
});

describe('spectrumHistogram', () => {
  const values = [-3, -0.01, -1e-6, 0, 0, 2e-5, 0.5, 0.5, 40];

  test('linear bins: even widths, every value counted once, in the right bin', () => {
    const r = spectrumHistogram(values, { bins: 4 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.edges).toEqual([-3, 7.75, 18.5, 29.25, 40]);
    expect(r.value.counts).toEqual([8, 0, 0, 1]);
  });

  test('signed log-magnitude bins separate what linear bins lump together', () => {
    const r = spectrumHistogram(values, { bins: 6, scale: 'signedLog', linthresh: 1e-4 });
    if (!r.ok) throw new Error(r.error);
    const { edges, axis, counts, linthresh } = r.value;
    expect(linthresh).toBe(1e-4);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    expect(edges[0]).toBeCloseTo(-3, 10);
    expect(edges[6]).toBeCloseTo(40, 10);
    // even on the drawn axis, t = sign(x) log10(1 + |x| / 1e-4)
    for (let i = 1; i < axis.length; i++) expect(axis[i] - axis[i - 1]).toBeCloseTo((axis[6] - axis[0]) / 6, 12);
    expect(axis[0]).toBeCloseTo(-Math.log10(1 + 3 / 1e-4), 12);
    // negative tail, the bulk near 0 and the positive tail land in different bins
    expect(counts.filter((c) => c > 0).length).toBeGreaterThanOrEqual(4);
  });

  test('one distinct value, and bad input as an error value', () => {
    const one = spectrumHistogram([2, 2, 2], { bins: 3 });
    expect(one.ok && one.value.counts).toEqual([0, 3, 0]);
    expect(spectrumHistogram([], {}).ok).toBe(false);
    expect(spectrumHistogram([1, NaN]).ok).toBe(false);
    expect(spectrumHistogram([1], { bins: 0 }).ok).toBe(false);
    expect(spectrumHistogram([1], { scale: 'signedLog', linthresh: -1 }).ok).toBe(false);
  });
});
