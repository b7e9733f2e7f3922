// GLSL ES 3.0 text that the batched engine's generated objective builds on
// (src/batch/glsl/dualGlsl.ts prints an expression's dual-number program with it).
//
// GLSL's pow(b, e) is undefined for b < 0 (and imprecise: it is exp2(e * log2(b))), while
// x^3 of a negative x is well defined in an expression. So integer powers go through spPowi
// (repeated squaring), which is defined for a negative base. Its loop covers 11 bits, ample for
// the exponents that take this path (|n| <= MAX_MULTIPLIED_EXPONENT = 16, power.ts).

const FLOAT_MAX = 3.4028234663852886e38;
const INFINITY = 'uintBitsToFloat(0x7f800000u)';

export const GLSL_PRELUDE = `// x^n for an integer n by repeated squaring: defined for negative x, unlike pow().
float spPowi(float x, int n) {
  float result = 1.0;
  float square = x;
  int k = n < 0 ? -n : n;
  for (int i = 0; i < 11; i++) {
    if ((k & 1) == 1) result *= square;
    k >>= 1;
    if (k == 0) break;
    square *= square;
  }
  return n < 0 ? 1.0 / result : result;
}
`;

/** A GLSL float literal: always with a '.' or an exponent, out-of-range values as infinities. */
export function glslFloat(value: number): string {
  if (Number.isNaN(value)) return 'uintBitsToFloat(0x7fc00000u)';
  if (value < 0 || Object.is(value, -0)) return `(-${glslFloat(-value)})`;
  if (value > FLOAT_MAX) return INFINITY;
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}
