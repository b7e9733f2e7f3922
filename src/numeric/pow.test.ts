// pow against the ECMAScript definition of Number::exponentiate, case by case, plus exactness
// for integer powers and the relation to sqrt.
import { describe, expect, it } from 'vitest';
import { pow } from './pow';

const inf = Infinity;
const MIN = Number.MIN_VALUE;

// [base, exponent, result] following the spec's steps in order.
const SPEC: [number, number, number][] = [
  // exponent NaN -> NaN; exponent +-0 -> 1 (even for a NaN base)
  [1, NaN, NaN], [0, NaN, NaN], [NaN, NaN, NaN], [NaN, 0, 1], [NaN, -0, 1], [inf, 0, 1], [-inf, -0, 1], [0, 0, 1], [-3, 0, 1],
  // base NaN -> NaN
  [NaN, 1, NaN], [NaN, -inf, NaN],
  // base +Infinity
  [inf, 0.5, inf], [inf, 3, inf], [inf, -0.5, 0], [inf, -3, 0],
  // base -Infinity: odd integer exponents keep the sign
  [-inf, 3, -inf], [-inf, 2, inf], [-inf, 0.5, inf], [-inf, -3, -0], [-inf, -2, 0], [-inf, -0.5, 0],
  // base +0
  [0, 3, 0], [0, 0.5, 0], [0, -3, inf], [0, -0.5, inf],
  // base -0: odd integer exponents keep the sign
  [-0, 3, -0], [-0, 2, 0], [-0, 0.5, 0], [-0, -3, -inf], [-0, -2, inf], [-0, -0.5, inf], [-0, -1, -inf], [-0, 1, -0],
  // exponent +-Infinity
  [2, inf, inf], [-2, inf, inf], [2, -inf, 0], [-2, -inf, 0], [0.5, inf, 0], [-0.5, inf, 0], [0.5, -inf, inf], [-0.5, -inf, inf],
  [1, inf, NaN], [-1, inf, NaN], [1, -inf, NaN], [-1, -inf, NaN],
  // negative finite base with a non-integer exponent -> NaN
  [-8, 1 / 3, NaN], [-2, 0.5, NaN], [-1, 0.5, NaN], [-1.5, 1e-300, NaN],
  // negative base with integer exponent
  [-2, 3, -8], [-2, 2, 4], [-2, -1, -0.5], [-2, -2, 0.25], [-1, 3, -1], [-1, 2, 1], [-1, 1e300, 1], [-3, 5, -243],
  [-0.5, 2 ** 53, 0], [-2, 2 ** 53 + 2, inf], [-2, 1025, -inf], [-2, -1075, -0], [-2, -1074, MIN], [-2, -1073, -2 * MIN],
  // exponents 1, -1, 2, 0.5
  [7.25, 1, 7.25], [-0, 1, -0], [4, -1, 0.25], [3, 2, 9], [2, 0.5, Math.SQRT2], [1e-320, 0.5, Math.sqrt(1e-320)],
  // overflow and underflow
  [10, 308, 1e308], [10, 309, inf], [2, 1023, 2 ** 1023], [2, 1024, inf], [2, -1074, MIN], [2, -1075, 0], [0.5, 1074, MIN],
  [1.0000001, 1e12, inf], [0.9999999, 1e12, 0], [1 + 2 ** -52, 2 ** 64, inf], [-(1 + 2 ** -52), 2 ** 65, inf],
  // x = 1 and near 1
  [1, 12345.678, 1], [1, -1e300, 1], [2, 10, 1024], [10, 15, 1e15], [5, -3, 0.008],
];

describe('pow special cases (ECMAScript Number::exponentiate)', () => {
  it.each(SPEC)('pow(%s, %s) = %s', (x, y, want) => {
    const got = pow(x, y);
    expect(Object.is(got, want), `pow(${x}, ${y}) gave ${got}`).toBe(true);
    expect(Object.is(got, Math.pow(x, y)), `Math.pow gives ${Math.pow(x, y)}`).toBe(true);
  });
});

describe('pow exactness', () => {
  it('integer powers of small integers are exact when representable', () => {
    for (let b = -12; b <= 12; b++) {
      for (let e = 0; e <= 60; e++) {
        const exact = BigInt(b) ** BigInt(e);
        if (exact > 2n ** 53n || exact < -(2n ** 53n)) continue;
        expect(pow(b, e)).toBe(Number(exact));
      }
    }
  });

  it('powers of two are exact, subnormals included', () => {
    for (let e = -1074; e <= 1023; e++) expect(pow(2, e)).toBe(2 ** e);
  });

  it('x^0.5 is sqrt(x) for x >= 0, and -0 goes to +0', () => {
    for (const x of [0, 1e-310, 0.3, 2, 1e300, inf]) expect(pow(x, 0.5)).toBe(Math.sqrt(x));
    expect(Object.is(pow(-0, 0.5), 0)).toBe(true);
    expect(pow(-inf, 0.5)).toBe(inf);
  });
});
