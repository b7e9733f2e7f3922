// fma against exact arithmetic: a * b + c computed in BigInt, rounded once by Number(bigint)
// (which ECMAScript defines as round to nearest, ties to even) and scaled by a power of two.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { highWord, lowWord, scalbn } from '../../numeric/bits';
import { fma } from './fma';

/** x = m * 2^e with m an integer (x finite, normal). */
function decompose(x: number): { m: bigint; e: number } {
  const hi = highWord(x);
  const field = (hi >>> 20) & 0x7ff;
  const mant = (BigInt((hi & 0xfffff) | 0x100000) << 32n) | BigInt(lowWord(x));
  return { m: x < 0 ? -mant : mant, e: field - 1075 };
}

function exactFma(a: number, b: number, c: number): number {
  if (a === 0 || b === 0 || c === 0) return a * b + c;
  const p = decompose(a);
  const q = decompose(b);
  const r = decompose(c);
  const ep = p.e + q.e;
  const e = Math.min(ep, r.e);
  const n = ((p.m * q.m) << BigInt(ep - e)) + (r.m << BigInt(r.e - e));
  return scalbn(Number(n), e);
}

const moderate = fc.double({ min: -1e30, max: 1e30, noNaN: true, noDefaultInfinity: true }).filter((x) => Math.abs(x) > 1e-30);

describe('fma', () => {
  test.prop([moderate, moderate, moderate], { numRuns: 3000 })('equals the correctly rounded a * b + c', (a, b, c) => {
    expect(fma(a, b, c)).toBe(exactFma(a, b, c));
  });

  test.prop([moderate, moderate, fc.integer({ min: -3, max: 3 })], { numRuns: 3000 })(
    'is exact when c nearly cancels a * b (the hard cases)',
    (a, b, k) => {
      // c = -RN(a * b) nudged by k ulps: the result is the product's rounding error, or close.
      const p = a * b;
      const c = -(p + k * Math.abs(p) * 2.220446049250313e-16);
      expect(fma(a, b, c)).toBe(exactFma(a, b, c));
    },
  );

  it('differs from the twice-rounded a * b + c where torch differs', () => {
    // 0.1 * 3 - 0.3: twice rounded 5.55e-17, fused 1.665e-17 (the error of 0.1 * 3 itself).
    expect(0.1 * 3 - 0.3).toBe(5.551115123125783e-17);
    expect(fma(0.1, 3, -0.3)).toBe(exactFma(0.1, 3, -0.3));
    expect(fma(0.1, 3, -0.3)).not.toBe(0.1 * 3 - 0.3);
  });

  it('passes zeros and non-finite values through as a * b + c', () => {
    expect(Object.is(fma(0, 5, -0), 0)).toBe(true);
    expect(fma(Infinity, 2, 1)).toBe(Infinity);
    expect(fma(NaN, 2, 1)).toBeNaN();
    expect(fma(3, 4, 5)).toBe(17);
  });
});
