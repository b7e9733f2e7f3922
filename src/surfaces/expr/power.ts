// a^b, the one definition shared by the interpreter, the compiled closures and the derivatives,
// so that all three agree to the last bit. Small integer exponents are repeated
// multiplications: faster than pow, exact in sign for negative bases, and what the GPU program
// does too (spPowi, glsl.ts). Other exponents use detMath's pow (src/numeric), not Math.pow,
// whose last bit differs between JS engines.
import { pow } from '../../numeric';

/** Exponents up to this size (in absolute value) are done by multiplication. */
export const MAX_MULTIPLIED_EXPONENT = 16;

/** b^n for an integer n with |n| <= MAX_MULTIPLIED_EXPONENT, by repeated squaring. */
export function powInt(b: number, n: number): number {
  if (n < 0) return 1 / powInt(b, -n);
  let result = 1;
  let square = b;
  let k = n;
  while (k > 0) {
    if (k & 1) result *= square;
    k >>= 1;
    if (k > 0) square *= square;
  }
  return result;
}

export function isSmallInteger(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) <= MAX_MULTIPLIED_EXPONENT;
}

export function power(b: number, e: number): number {
  return isSmallInteger(e) ? powInt(b, e) : pow(b, e);
}
