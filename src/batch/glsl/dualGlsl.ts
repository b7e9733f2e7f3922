// Prints a DualProgram as a GLSL ES 3.00 function `vec3 spObjective(vec2 p)` returning
// (f, df/dx, df/dy): one `vec3` temporary per instruction, so shared subexpressions are
// evaluated once and the text grows linearly with the tree. Each helper below is the GLSL
// twin of one case of dualEval.ts (the reference the tests check).
import { GLSL_PRELUDE, glslFloat } from '../../surfaces/expr/glsl';
import type { DualOp, DualProgram } from './dualIr';

/** Helpers the objective needs; prepend once to the shader (it includes spPowi). */
export const DUAL_PRELUDE = `${GLSL_PRELUDE}
// Finite test on the bits, so no compiler assumption about NaN can remove it.
bool spFinite(float v) { return (floatBitsToUint(v) & 0x7f800000u) != 0x7f800000u; }
bool spIsNan(float v) { return (floatBitsToUint(v) & 0x7fffffffu) > 0x7f800000u; }
float spNan() { return uintBitsToFloat(0x7fc00000u); }
float spInf() { return uintBitsToFloat(0x7f800000u); }
// g(u) with slope g'(u); a derivative that is exactly 0 stays 0 even when g' is infinite.
vec3 dChain(vec3 u, float g0, float g1) {
  return vec3(g0, u.y == 0.0 ? 0.0 : g1 * u.y, u.z == 0.0 ? 0.0 : g1 * u.z);
}
vec3 dMul(vec3 a, vec3 b) { return vec3(a.x * b.x, a.y * b.x + a.x * b.y, a.z * b.x + a.x * b.z); }
vec3 dDiv(vec3 a, vec3 b) { float q = a.x / b.x; return vec3(q, (a.y - q * b.y) / b.x, (a.z - q * b.z) / b.x); }
vec3 dMin(vec3 a, vec3 b) { if (spIsNan(a.x) || spIsNan(b.x)) return vec3(spNan()); return a.x <= b.x ? a : b; }
vec3 dMax(vec3 a, vec3 b) { if (spIsNan(a.x) || spIsNan(b.x)) return vec3(spNan()); return a.x >= b.x ? a : b; }
// a^c for a constant c that is not a small integer: NaN for a < 0, as Math.pow.
float spPowc(float a, float c) {
  if (a < 0.0) return spNan();
  if (a == 0.0) return c > 0.0 ? 0.0 : spInf();
  return pow(a, c);
}
// a^b for a variable b: repeated squaring when b is a small integer (negative a allowed).
float spPowReal(float a, float b) {
  if (b == floor(b) && abs(b) <= 16.0) return spPowi(a, int(b));
  return spPowc(a, b);
}
vec3 dPowi(vec3 a, int n) { return dChain(a, spPowi(a.x, n), n == 0 ? 0.0 : float(n) * spPowi(a.x, n - 1)); }
// Squares and cubes (most of a typical expression) without spPowi's loop.
vec3 dSquare(vec3 a) { return dChain(a, a.x * a.x, 2.0 * a.x); }
vec3 dCube(vec3 a) { float s = a.x * a.x; return dChain(a, s * a.x, 3.0 * s); }
vec3 dPowc(vec3 a, float c) { return dChain(a, spPowc(a.x, c), c * spPowc(a.x, c - 1.0)); }
vec3 dPow(vec3 a, vec3 b) {
  float v = spPowReal(a.x, b.x);
  float l = log(a.x);
  float px = (b.y == 0.0 ? 0.0 : l * b.y) + b.x * (a.y / a.x);
  float py = (b.z == 0.0 ? 0.0 : l * b.z) + b.x * (a.z / a.x);
  return vec3(v, v * px, v * py);
}
vec3 dSin(vec3 u) { return dChain(u, sin(u.x), cos(u.x)); }
vec3 dCos(vec3 u) { return dChain(u, cos(u.x), -sin(u.x)); }
vec3 dTan(vec3 u) { float t = tan(u.x); return dChain(u, t, 1.0 + t * t); }
vec3 dAsin(vec3 u) { return dChain(u, asin(u.x), 1.0 / sqrt(1.0 - u.x * u.x)); }
vec3 dAcos(vec3 u) { return dChain(u, acos(u.x), -1.0 / sqrt(1.0 - u.x * u.x)); }
vec3 dAtan(vec3 u) { return dChain(u, atan(u.x), 1.0 / (1.0 + u.x * u.x)); }
vec3 dSinh(vec3 u) { return dChain(u, sinh(u.x), cosh(u.x)); }
vec3 dCosh(vec3 u) { return dChain(u, cosh(u.x), sinh(u.x)); }
// tanh as 1 - 2 / (e^(2u) + 1): finite for every u (the textbook quotient overflows).
vec3 dTanh(vec3 u) { float t = 1.0 - 2.0 / (exp(2.0 * u.x) + 1.0); return dChain(u, t, 1.0 - t * t); }
vec3 dExp(vec3 u) { float e = exp(u.x); return dChain(u, e, e); }
vec3 dLog(vec3 u) { return dChain(u, log(u.x), 1.0 / u.x); }
vec3 dSqrt(vec3 u) { float s = sqrt(u.x); return dChain(u, s, 0.5 / s); }
vec3 dAbs(vec3 u) { return dChain(u, abs(u.x), sign(u.x)); }
`;

const CALLS: Record<string, string> = {
  sin: 'dSin', cos: 'dCos', tan: 'dTan', asin: 'dAsin', acos: 'dAcos', atan: 'dAtan',
  sinh: 'dSinh', cosh: 'dCosh', tanh: 'dTanh', exp: 'dExp', log: 'dLog', sqrt: 'dSqrt', abs: 'dAbs',
};

function instruction(op: DualOp): string {
  const t = (i: number) => `t${i}`;
  switch (op.k) {
    case 'x':
      return 'vec3(p.x, 1.0, 0.0)';
    case 'y':
      return 'vec3(p.y, 0.0, 1.0)';
    case 'const':
      return `vec3(${glslFloat(op.c)}, 0.0, 0.0)`;
    case 'neg':
      return `-${t(op.a)}`;
    case 'add':
      return `${t(op.a)} + ${t(op.b)}`;
    case 'sub':
      return `${t(op.a)} - ${t(op.b)}`;
    case 'mul':
      return `dMul(${t(op.a)}, ${t(op.b)})`;
    case 'div':
      return `dDiv(${t(op.a)}, ${t(op.b)})`;
    case 'addc':
      return `vec3(${t(op.a)}.x + ${glslFloat(op.c)}, ${t(op.a)}.yz)`;
    case 'mulc':
      return `${t(op.a)} * ${glslFloat(op.c)}`;
    case 'divc':
      return `${t(op.a)} / ${glslFloat(op.c)}`;
    case 'call':
      return `${CALLS[op.fn]}(${t(op.a)})`;
    case 'min':
      return `dMin(${t(op.a)}, ${t(op.b)})`;
    case 'max':
      return `dMax(${t(op.a)}, ${t(op.b)})`;
    case 'powi':
      if (op.n === 2) return `dSquare(${t(op.a)})`;
      if (op.n === 3) return `dCube(${t(op.a)})`;
      return `dPowi(${t(op.a)}, ${op.n})`;
    case 'powc':
      return `dPowc(${t(op.a)}, ${glslFloat(op.c)})`;
    case 'pow':
      return `dPow(${t(op.a)}, ${t(op.b)})`;
  }
}

/** `vec3 spObjective(vec2 p)`: (f, df/dx, df/dy) of the program at p. */
export function dualToGlsl(program: DualProgram): string {
  const lines = program.ops.map((op, i) => `  vec3 t${i} = ${instruction(op)};`);
  return `vec3 spObjective(vec2 p) {\n${lines.join('\n')}\n  return t${program.result};\n}\n`;
}
