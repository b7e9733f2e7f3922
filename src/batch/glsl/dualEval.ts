// The reference interpreter of a DualProgram, in float64: the semantics that dualGlsl.ts prints as GLSL, instruction for instruction. The unit tests
// hold it against the scalar engine's derivative program; the browser tests hold the GLSL
// against the scalar engine.
import type { DualProgram, UnaryName } from './dualIr';

export type Dual = [number, number, number];

/** g * d, but a structurally zero derivative stays 0 even when g is infinite (as jetSteps.ts). */
const scaled = (g: number, d: number): number => (d === 0 ? 0 : g * d);

/** g(u) and g'(u) of each unary function. */
export function unaryValueSlope(fn: UnaryName, u: number): [number, number] {
  switch (fn) {
    case 'sin':
      return [Math.sin(u), Math.cos(u)];
    case 'cos':
      return [Math.cos(u), -Math.sin(u)];
    case 'tan': {
      const t = Math.tan(u);
      return [t, 1 + t * t];
    }
    case 'asin':
      return [Math.asin(u), 1 / Math.sqrt(1 - u * u)];
    case 'acos':
      return [Math.acos(u), -1 / Math.sqrt(1 - u * u)];
    case 'atan':
      return [Math.atan(u), 1 / (1 + u * u)];
    case 'sinh':
      return [Math.sinh(u), Math.cosh(u)];
    case 'cosh':
      return [Math.cosh(u), Math.sinh(u)];
    case 'tanh': {
      const t = Math.tanh(u);
      return [t, 1 - t * t];
    }
    case 'exp': {
      const e = Math.exp(u);
      return [e, e];
    }
    case 'log':
      return [Math.log(u), 1 / u];
    case 'sqrt': {
      const s = Math.sqrt(u);
      return [s, 0.5 / s];
    }
    case 'abs':
      return [Math.abs(u), Math.sign(u)];
  }
}

function powi(b: number, n: number): number {
  if (n < 0) return 1 / powi(b, -n);
  let result = 1;
  let square = b;
  for (let k = n; k > 0; k >>= 1) {
    if (k & 1) result *= square;
    if (k > 1) square *= square;
  }
  return result;
}

/** Math.pow, except that a negative base with an integer exponent keeps its sign (as power.ts). */
function powReal(a: number, b: number): number {
  return Number.isInteger(b) && Math.abs(b) <= 16 ? powi(a, b) : Math.pow(a, b);
}

export function evaluateDual(program: DualProgram, x: number, y: number): Dual {
  const v: Dual[] = [];
  const chain = (u: Dual, g0: number, g1: number): Dual => [g0, scaled(g1, u[1]), scaled(g1, u[2])];
  for (const op of program.ops) {
    switch (op.k) {
      case 'x':
        v.push([x, 1, 0]);
        break;
      case 'y':
        v.push([y, 0, 1]);
        break;
      case 'const':
        v.push([op.c, 0, 0]);
        break;
      case 'neg': {
        const a = v[op.a];
        v.push([-a[0], -a[1], -a[2]]);
        break;
      }
      case 'add':
      case 'sub': {
        const [a, b, s] = [v[op.a], v[op.b], op.k === 'add' ? 1 : -1];
        v.push([a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]]);
        break;
      }
      case 'mul': {
        const [a, b] = [v[op.a], v[op.b]];
        v.push([a[0] * b[0], a[1] * b[0] + a[0] * b[1], a[2] * b[0] + a[0] * b[2]]);
        break;
      }
      case 'div': {
        const [a, b] = [v[op.a], v[op.b]];
        const q = a[0] / b[0];
        v.push([q, (a[1] - q * b[1]) / b[0], (a[2] - q * b[2]) / b[0]]);
        break;
      }
      case 'addc': {
        const a = v[op.a];
        v.push([a[0] + op.c, a[1], a[2]]);
        break;
      }
      case 'mulc': {
        const a = v[op.a];
        v.push([a[0] * op.c, a[1] * op.c, a[2] * op.c]);
        break;
      }
      case 'divc': {
        const a = v[op.a];
        v.push([a[0] / op.c, a[1] / op.c, a[2] / op.c]);
        break;
      }
      case 'call': {
        const a = v[op.a];
        const [g0, g1] = unaryValueSlope(op.fn, a[0]);
        v.push(chain(a, g0, g1));
        break;
      }
      case 'min':
      case 'max': {
        const [a, b] = [v[op.a], v[op.b]];
        if (Number.isNaN(a[0]) || Number.isNaN(b[0])) v.push([NaN, NaN, NaN]);
        else v.push((op.k === 'min' ? a[0] <= b[0] : a[0] >= b[0]) ? [...a] : [...b]);
        break;
      }
      case 'powi': {
        const a = v[op.a];
        const n = op.n;
        v.push(chain(a, powi(a[0], n), n === 0 ? 0 : n * powi(a[0], n - 1)));
        break;
      }
      case 'powc': {
        const a = v[op.a];
        v.push(chain(a, Math.pow(a[0], op.c), op.c * Math.pow(a[0], op.c - 1)));
        break;
      }
      case 'pow': {
        const [a, b] = [v[op.a], v[op.b]];
        const value = powReal(a[0], b[0]);
        const l = Math.log(a[0]);
        const px = scaled(l, b[1]) + b[0] * (a[1] / a[0]);
        const py = scaled(l, b[2]) + b[0] * (a[2] / a[0]);
        v.push([value, value * px, value * py]);
        break;
      }
    }
  }
  return v[program.result];
}
