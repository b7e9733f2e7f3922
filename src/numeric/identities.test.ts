// Mathematical identities that hold to within a few rounding errors: a cross-check of the
// ports that does not lean on the engine's Math.
import { describe, expect, it } from 'vitest';
import * as d from './index';
import { seededUniform } from './ulp.testutil';

const EPS = Number.EPSILON;
const r = seededUniform(0x1d3);
const sample = (n: number, a: number, b: number) => Array.from({ length: n }, () => a + (b - a) * r());

describe('identities', () => {
  it('sin^2 + cos^2 = 1', () => {
    for (const x of [...sample(3000, -10, 10), ...sample(1000, -1e8, 1e8), ...sample(200, -1e300, 1e300)]) {
      const s = d.sin(x), c = d.cos(x);
      expect(Math.abs(s * s + c * c - 1)).toBeLessThanOrEqual(4 * EPS);
    }
  });

  it('tan = sin / cos', () => {
    for (const x of sample(3000, -20, 20)) {
      const q = d.sin(x) / d.cos(x);
      expect(Math.abs(d.tan(x) - q)).toBeLessThanOrEqual(4 * EPS * Math.abs(q));
    }
  });

  it('exp(log x) = x and log(exp x) = x', () => {
    for (const x of sample(3000, 1e-3, 1e3)) expect(Math.abs(d.exp(d.log(x)) - x)).toBeLessThanOrEqual(4 * EPS * x * Math.max(1, Math.abs(Math.log(x))));
    for (const x of sample(3000, -700, 700)) expect(Math.abs(d.log(d.exp(x)) - x)).toBeLessThanOrEqual(4 * EPS * Math.max(1, Math.abs(x)));
  });

  it('expm1 / log1p and exp / expm1 agree', () => {
    for (const x of sample(3000, -0.9, 5)) {
      expect(Math.abs(d.expm1(d.log1p(x)) - x)).toBeLessThanOrEqual(6 * EPS * Math.max(Math.abs(x), EPS));
      expect(Math.abs(d.expm1(x) + 1 - d.exp(x))).toBeLessThanOrEqual(4 * EPS * d.exp(x));
    }
  });

  it('log2 and log10 are log scaled', () => {
    for (const x of sample(2000, 1e-5, 1e5)) {
      expect(Math.abs(d.log2(x) - d.log(x) / Math.LN2)).toBeLessThanOrEqual(4 * EPS * Math.max(1, Math.abs(d.log2(x))));
      expect(Math.abs(d.log10(x) - d.log(x) / Math.LN10)).toBeLessThanOrEqual(4 * EPS * Math.max(1, Math.abs(d.log10(x))));
    }
  });

  it('inverse trigonometric functions invert', () => {
    for (const x of sample(2000, -1, 1)) {
      expect(Math.abs(d.sin(d.asin(x)) - x)).toBeLessThanOrEqual(4 * EPS);
      expect(Math.abs(d.cos(d.acos(x)) - x)).toBeLessThanOrEqual(4 * EPS);
      expect(Math.abs(d.asin(x) + d.acos(x) - Math.PI / 2)).toBeLessThanOrEqual(4 * EPS);
    }
    for (const x of sample(2000, -50, 50)) expect(Math.abs(d.tan(d.atan(x)) - x)).toBeLessThanOrEqual(8 * EPS * Math.max(1, x * x * Math.abs(x)));
  });

  it('atan2 matches the angle of (cos t, sin t)', () => {
    for (const t of sample(3000, -Math.PI + 1e-9, Math.PI - 1e-9)) {
      const rho = 0.1 + 10 * r();
      expect(Math.abs(d.atan2(rho * d.sin(t), rho * d.cos(t)) - t)).toBeLessThanOrEqual(8 * EPS * Math.max(1, Math.abs(t)));
    }
  });

  it('hyperbolic identities: cosh^2 - sinh^2 = 1, tanh = sinh / cosh, sinh + cosh = exp', () => {
    for (const x of sample(3000, -3, 3)) {
      const s = d.sinh(x), c = d.cosh(x);
      expect(Math.abs(c * c - s * s - 1)).toBeLessThanOrEqual(8 * EPS * c * c);
      expect(Math.abs(d.tanh(x) - s / c)).toBeLessThanOrEqual(4 * EPS * Math.abs(s / c));
      expect(Math.abs(s + c - d.exp(x))).toBeLessThanOrEqual(4 * EPS * c); // s + c cancels for x < 0
    }
  });

  it('pow(x, y) = exp(y log x) and pow(x, a + b) = pow(x, a) pow(x, b)', () => {
    for (const x of sample(2000, 0.01, 100)) {
      const y = -5 + 10 * r();
      const e = d.exp(y * d.log(x));
      expect(Math.abs(d.pow(x, y) - e)).toBeLessThanOrEqual(64 * EPS * e);
      const a = -3 + 6 * r(), b = -3 + 6 * r();
      const p = d.pow(x, a + b);
      expect(Math.abs(p - d.pow(x, a) * d.pow(x, b))).toBeLessThanOrEqual(64 * EPS * p);
    }
  });

  it('symmetry: odd functions are odd, even functions even, bit for bit', () => {
    for (const x of [...sample(1000, -30, 30), ...sample(100, -1e10, 1e10)]) {
      for (const f of [d.sin, d.tan, d.atan, d.sinh, d.tanh, d.asin]) {
        const v = Math.abs(x) <= 1 || f !== d.asin ? f(x) : NaN;
        if (!Number.isNaN(v)) expect(Object.is(f(-x), -v)).toBe(true);
      }
      expect(d.cos(-x)).toBe(d.cos(x));
      expect(d.cosh(-x)).toBe(d.cosh(x));
    }
  });
});
