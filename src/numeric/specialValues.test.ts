// Special values: NaN, +-0, +-Infinity, the domain edges, overflow and underflow thresholds and
// subnormals. Expected results are those ECMAScript prescribes (or exact mathematical values);
// Object.is tells -0 from +0 and accepts NaN = NaN.
import { describe, expect, it } from 'vitest';
import * as d from './index';

const { PI, E, LN2, LN10, LOG2E } = Math;
const MIN = Number.MIN_VALUE; // smallest subnormal
const MAXV = Number.MAX_VALUE;
const inf = Infinity;

type Case = [number, number];
const TABLE: Record<string, [(x: number) => number, Case[]]> = {
  exp: [d.exp, [[NaN, NaN], [0, 1], [-0, 1], [inf, inf], [-inf, 0], [1, E], [710, inf], [-746, 0], [709.782712893384, 1.7976931348622732e308], [-745.1332191019411, MIN], [-708.3964185322641, 2.2250738585072626e-308]]],
  expm1: [d.expm1, [[NaN, NaN], [0, 0], [-0, -0], [inf, inf], [-inf, -1], [-40, -1], [710, inf], [MIN, MIN], [-MIN, -MIN], [1e-300, 1e-300]]],
  log: [d.log, [[NaN, NaN], [0, -inf], [-0, -inf], [-1, NaN], [-inf, NaN], [inf, inf], [1, 0], [E, 1], [2, LN2], [10, LN10], [MIN, -744.4400719213812], [MAXV, 709.782712893384]]],
  log1p: [d.log1p, [[NaN, NaN], [0, 0], [-0, -0], [-1, -inf], [-2, NaN], [-inf, NaN], [inf, inf], [MIN, MIN], [-MIN, -MIN], [1, LN2], [E - 1, 1]]],
  log2: [d.log2, [[NaN, NaN], [0, -inf], [-0, -inf], [-1, NaN], [inf, inf], [1, 0], [2, 1], [1024, 10], [0.5, -1], [MIN, -1074], [2 ** 1023, 1023], [E, LOG2E]]],
  log10: [d.log10, [[NaN, NaN], [0, -inf], [-0, -inf], [-1, NaN], [inf, inf], [1, 0], [10, 1], [1e22, 22], [1e-5, -5], [100, 2]]],
  sin: [d.sin, [[NaN, NaN], [0, 0], [-0, -0], [inf, NaN], [-inf, NaN], [MIN, MIN], [-MIN, -MIN], [PI / 2, 1], [PI, 1.2246467991473532e-16], [1e22, -0.8522008497671888], [MAXV, 0.004961954789184062]]],
  cos: [d.cos, [[NaN, NaN], [0, 1], [-0, 1], [inf, NaN], [-inf, NaN], [MIN, 1], [PI, -1], [PI / 2, 6.123233995736766e-17], [1e22, 0.523214785395139], [MAXV, -0.9999876894265599]]],
  tan: [d.tan, [[NaN, NaN], [0, 0], [-0, -0], [inf, NaN], [-inf, NaN], [MIN, MIN], [-MIN, -MIN], [PI / 4, 0.9999999999999999], [PI / 2, 16331239353195370], [1e22, -1.628778225606899]]],
  asin: [d.asin, [[NaN, NaN], [0, 0], [-0, -0], [1, PI / 2], [-1, -PI / 2], [1.0000000000000002, NaN], [-inf, NaN], [inf, NaN], [MIN, MIN], [0.5, 0.5235987755982989]]],
  acos: [d.acos, [[NaN, NaN], [1, 0], [-1, PI], [0, PI / 2], [-0, PI / 2], [1.0000000000000002, NaN], [inf, NaN], [MIN, PI / 2], [0.5, 1.0471975511965979]]],
  atan: [d.atan, [[NaN, NaN], [0, 0], [-0, -0], [inf, PI / 2], [-inf, -PI / 2], [1, PI / 4], [-1, -PI / 4], [MIN, MIN], [1e300, PI / 2]]],
  sinh: [d.sinh, [[NaN, NaN], [0, 0], [-0, -0], [inf, inf], [-inf, -inf], [711, inf], [-711, -inf], [MIN, MIN], [-MIN, -MIN], [710, 1.1169973830808557e308]]],
  cosh: [d.cosh, [[NaN, NaN], [0, 1], [-0, 1], [inf, inf], [-inf, inf], [711, inf], [-711, inf], [MIN, 1], [710, 1.1169973830808557e308]]],
  tanh: [d.tanh, [[NaN, NaN], [0, 0], [-0, -0], [inf, 1], [-inf, -1], [25, 1], [-25, -1], [MIN, MIN], [-MIN, -MIN]]],
};

describe('special values', () => {
  for (const [name, [f, cases]] of Object.entries(TABLE)) {
    it.each(cases)(`${name}(%s) = %s`, (x, want) => {
      expect(Object.is(f(x), want), `${name}(${x}) gave ${f(x)}`).toBe(true);
      // And the engine agrees on every one of these (they are exact or specified).
      const ref = (Math as unknown as Record<string, (v: number) => number>)[name](x);
      expect(Object.is(f(x), ref), `Math.${name}(${x}) gives ${ref}`).toBe(true);
    });
  }
});

const ATAN2: [number, number, number][] = [
  [NaN, 1, NaN], [1, NaN, NaN], [0, 1, 0], [-0, 1, -0], [0, 0, 0], [-0, 0, -0], [0, -0, PI], [-0, -0, -PI],
  [0, -1, PI], [-0, -1, -PI], [1, 0, PI / 2], [1, -0, PI / 2], [-1, 0, -PI / 2], [-1, -0, -PI / 2],
  [1, inf, 0], [-1, inf, -0], [1, -inf, PI], [-1, -inf, -PI], [inf, 1, PI / 2], [-inf, 1, -PI / 2],
  [inf, inf, PI / 4], [-inf, inf, -PI / 4], [inf, -inf, (3 * PI) / 4], [-inf, -inf, (-3 * PI) / 4],
  [1, 1, PI / 4], [1, -1, (3 * PI) / 4], [-1, -1, (-3 * PI) / 4], [1e300, 1e-300, PI / 2], [1e-300, -1e300, PI],
  [MIN, 1, MIN], [2, 1, Math.atan(2)],
];

describe('atan2 special values (ECMAScript Math.atan2)', () => {
  it.each(ATAN2)('atan2(%s, %s) = %s', (y, x, want) => {
    expect(Object.is(d.atan2(y, x), want), `gave ${d.atan2(y, x)}`).toBe(true);
    expect(Object.is(d.atan2(y, x), Math.atan2(y, x))).toBe(true);
  });
});
