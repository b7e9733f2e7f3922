// The pieces of the run rules that the semantics table (runRules.semantics.test.ts) does not
// pin down case by case: the 2D gradient norm every surface engine records and tests.
import { describe, expect, it } from 'vitest';
import { gradNorm2, STOP, STOP_REASONS } from './runRules';

describe('gradNorm2', () => {
  it('is sqrt(gx^2 + gy^2) in range, within an ulp or two of Math.hypot', () => {
    for (let k = 0; k < 2000; k++) {
      const gx = ((k * 7919) % 2003) / 1001 - 1;
      const gy = ((k * 104729) % 1999) / 997 - 1;
      const scale = 10 ** ((k % 41) - 20);
      const n = gradNorm2(gx * scale, gy * scale);
      const h = Math.hypot(gx * scale, gy * scale);
      if (h === 0) expect(n).toBe(0);
      else expect(Math.abs(n - h) / h, `${gx * scale}, ${gy * scale}`).toBeLessThanOrEqual(4.5e-16);
    }
  });

  it('is Math.hypot where squaring under- or overflows, and not finite for non-finite components', () => {
    for (const [gx, gy] of [[1e-200, 3e-200], [1e200, -1e200], [3e-170, 0], [1.7e308, 1.7e308], [0, 0]]) {
      expect(gradNorm2(gx, gy)).toBe(Math.hypot(gx, gy));
    }
    for (const [gx, gy] of [[NaN, 1], [1, Infinity], [-Infinity, NaN]]) expect(Number.isFinite(gradNorm2(gx, gy))).toBe(false);
  });
});

describe('stop codes', () => {
  it('name each code by its reason, running by null', () => {
    for (const [reason, code] of Object.entries(STOP)) expect(STOP_REASONS[code]).toBe(reason === 'running' ? null : reason);
    expect(STOP_REASONS.length).toBe(Object.keys(STOP).length);
  });
});
