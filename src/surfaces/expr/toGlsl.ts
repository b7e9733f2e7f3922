// Prints a parse tree as a GLSL ES 3.0 float expression, for evaluating a custom surface on the
// GPU (grids, basins). Constants are folded first. Every binary operation is parenthesized, so
// GLSL's precedence never matters. Function names go through the allow-list's `glsl` field.
//
// GLSL's pow(b, e) is undefined for b < 0 (and imprecise: it is exp2(e * log2(b))), while
// x^3 of a negative x is well defined here. So integer exponents become multiplications:
// inline for a variable or a number ("(x * x * x)"), and otherwise through spPowi (repeated
// squaring) from GLSL_PRELUDE, which evaluates its base once. Prepend GLSL_PRELUDE to the
// shader that uses the expression.
import type { ExprNode } from './ast';
import { foldConstants } from './fold';
import { functionSpec } from './functions';

export interface GlslNames {
  /** GLSL text for the variable x, e.g. 'p.x'; default 'x'. */
  x?: string;
  /** GLSL text for the variable y; default 'y'. */
  y?: string;
}

/** Integer exponents up to this size go through spPowi; its loop covers 11 bits. */
const MAX_SPPOWI_EXPONENT = 1024;
/** Exponents up to this size on a variable or a number are written out as products. */
const MAX_INLINE_EXPONENT = 4;
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

export function toGlsl(tree: ExprNode, names: GlslNames = {}): string {
  const x = names.x ?? 'x';
  const y = names.y ?? 'y';

  function emit(node: ExprNode): string {
    switch (node.kind) {
      case 'number':
      case 'constant':
        return glslFloat(node.value);
      case 'variable':
        return node.name === 'x' ? x : y;
      case 'negate':
        return `(-${emit(node.operand)})`;
      case 'call':
        return `${functionSpec(node.name).glsl}(${node.args.map(emit).join(', ')})`;
      case 'binary':
        if (node.op === '^') return power(node.left, node.right);
        return `(${emit(node.left)} ${node.op} ${emit(node.right)})`;
    }
  }

  function power(base: ExprNode, exponent: ExprNode): string {
    const n = exponent.kind === 'number' ? exponent.value : NaN;
    if (!Number.isInteger(n) || Math.abs(n) > MAX_SPPOWI_EXPONENT) return `pow(${emit(base)}, ${emit(exponent)})`;
    if (n === 0) return '1.0'; // as power(b, 0) = 1 for every b, NaN included
    const b = emit(base);
    if (n === 1) return b;
    const atom = base.kind === 'variable' || base.kind === 'number';
    if (!atom || Math.abs(n) > MAX_INLINE_EXPONENT) return `spPowi(${b}, ${n})`;
    const product = `(${Array.from({ length: Math.abs(n) }, () => b).join(' * ')})`;
    return n > 0 ? product : `(1.0 / ${product})`;
  }

  return emit(foldConstants(tree));
}
