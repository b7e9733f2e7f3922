// spectrum(): dense eigenvalues for d <= 200, Lanczos extremes above, both against spectra that
// the functions' structure gives exactly.
import { describe, expect, it } from 'vitest';
import { DENSE_ZERO_TOL, LANCZOS_ZERO_TOL, spectrum } from './spectrum';
import { make } from '../functions/functions.testutil';

const TWO_PI = 2 * Math.PI;
/** Rastrigin's Hessian is diagonal: its eigenvalues are these curvatures. */
const rastriginCurvatures = (x: Float64Array) => Array.from(x, (t) => 2 + TWO_PI * TWO_PI * 10 * Math.cos(TWO_PI * t));
const wavy = (dim: number) => new Float64Array(dim).map((_, i) => Math.sin(1.7 * i) * 3);

describe('spectrum', () => {
  it('dense (d = 200): every eigenvalue, ascending, and the index with its stated threshold', () => {
    const inst = make('rastrigin', 200);
    const x = wavy(200);
    const s = spectrum(inst, x);
    expect(s.method).toBe('dense');
    const expected = rastriginCurvatures(x).sort((a, b) => a - b);
    s.eigenvalues!.forEach((e, i) => expect(e).toBeCloseTo(expected[i], 9)); // cos here is Math's: ulps apart
    expect(s.lambdaMin).toBe(s.eigenvalues![0]);
    expect(s.lambdaMax).toBe(s.eigenvalues![199]);
    expect(s.threshold).toBe(DENSE_ZERO_TOL * Math.max(1, Math.abs(s.lambdaMin), Math.abs(s.lambdaMax)));
    expect(s.index).toBe(expected.filter((e) => e < -s.threshold).length);
  });

  it('a zero eigenvalue is not counted in the index (matrix factorization at the origin: r^2 negative, the rest 0)', () => {
    const inst = make('matrixFactorization', 30, { r: 3 });
    const s = spectrum(inst, new Float64Array(30));
    expect(s.index).toBe(9);
    expect(s.eigenvalues!.slice(9).every((e) => Math.abs(e) <= s.threshold)).toBe(true);
  });

  it('Lanczos above d = 200 finds the extremes the structure gives', () => {
    const saddle = make('strictSaddle', 500, { k: 7 });
    const s1 = spectrum(saddle, new Float64Array(500));
    expect(s1.method).toBe('lanczos');
    expect(s1.eigenvalues).toBeNull();
    expect(s1.index).toBeNull();
    expect(s1.converged).toBe(true);
    expect(s1.lambdaMin).toBeCloseTo(-1, 10);
    expect(s1.lambdaMax).toBeCloseTo(1, 10);
    expect(s1.threshold).toBe(LANCZOS_ZERO_TOL * Math.max(1, Math.abs(s1.lambdaMin), Math.abs(s1.lambdaMax)));

    const chain = make('saddleChain', 300);
    const s2 = spectrum(chain, chain.criticalPoints!.named[3].x);
    expect(s2.lambdaMin).toBeCloseTo(-2 * chain.params.gamma, 8);
    expect(s2.lambdaMax).toBeCloseTo(2 * chain.params.L, 8);

    const ras = make('rastrigin', 1000);
    const x = wavy(1000);
    const s3 = spectrum(ras, x);
    const curv = rastriginCurvatures(x);
    const scale = Math.max(...curv.map(Math.abs));
    const [lo, hi] = [Math.min(...curv), Math.max(...curv)];
    // 1000 curvatures crowd the top (gaps of 1e-5 near 396.78), so 300 Lanczos steps do not
    // settle there (converged: false, said so); Ritz values approach from inside the spectrum.
    expect(s3.lambdaMin).toBeGreaterThanOrEqual(lo - 1e-12 * scale);
    expect(s3.lambdaMax).toBeLessThanOrEqual(hi + 1e-12 * scale);
    expect(s3.lambdaMin - lo).toBeLessThanOrEqual(1e-5 * scale);
    expect(hi - s3.lambdaMax).toBeLessThanOrEqual(1e-5 * scale);
  });
});
