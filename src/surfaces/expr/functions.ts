// The allow-list: the only names an expression may use. Every lookup of a user-typed name goes
// through these Maps (`has` / `get`), never through `obj[name]`, so names such as `constructor`
// or `__proto__` are simply unknown rather than a path into the prototype chain.
//
// Every transcendental function is detMath's (src/numeric), never Math's: the engines' Math.sin,
// Math.exp... differ in the last bit between Node and Chromium, and a surface typed by the user
// must give the same trajectory in the CLI and in the browser. Derivatives use them too.
import { acos, asin, atan, cos, cosh, exp, log, sin, sinh, tan, tanh } from '../../numeric';
import type { Variable } from './ast';

export type FunctionName =
  | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan'
  | 'sinh' | 'cosh' | 'tanh' | 'exp' | 'log' | 'sqrt' | 'abs'
  | 'min' | 'max';

/**
 * A function of one argument, with what forward-mode differentiation needs:
 * derivatives(u, out) writes out[0] = g(u), out[1] = g'(u), out[2] = g''(u).
 */
export interface UnaryFunction {
  name: FunctionName;
  arity: 1;
  value(u: number): number;
  derivatives(u: number, out: Float64Array): void;
}

/**
 * min / max: the result is one of the arguments, so its derivatives are that argument's.
 * pickFirst(a, b) says which one (ties go to the first; NaN is handled by the caller).
 */
export interface SelectFunction {
  name: FunctionName;
  arity: 2;
  value(a: number, b: number): number;
  pickFirst(a: number, b: number): boolean;
}

export type FunctionSpec = UnaryFunction | SelectFunction;

function unary(
  name: FunctionName,
  value: (u: number) => number,
  derivatives: (u: number, out: Float64Array) => void,
): UnaryFunction {
  return { name, arity: 1, value, derivatives };
}

const SPECS: FunctionSpec[] = [
  unary('sin', sin, (u, o) => { const s = sin(u); o[0] = s; o[1] = cos(u); o[2] = -s; }),
  unary('cos', cos, (u, o) => { const c = cos(u); o[0] = c; o[1] = -sin(u); o[2] = -c; }),
  unary('tan', tan, (u, o) => {
    const t = tan(u);
    const d = 1 + t * t;
    o[0] = t; o[1] = d; o[2] = 2 * t * d;
  }),
  unary('asin', asin, (u, o) => {
    const d = 1 - u * u;
    const g1 = 1 / Math.sqrt(d);
    o[0] = asin(u); o[1] = g1; o[2] = (u * g1) / d;
  }),
  unary('acos', acos, (u, o) => {
    const d = 1 - u * u;
    const g1 = -1 / Math.sqrt(d);
    o[0] = acos(u); o[1] = g1; o[2] = (u * g1) / d;
  }),
  unary('atan', atan, (u, o) => {
    const d = 1 + u * u;
    o[0] = atan(u); o[1] = 1 / d; o[2] = (-2 * u) / (d * d);
  }),
  unary('sinh', sinh, (u, o) => { const s = sinh(u); o[0] = s; o[1] = cosh(u); o[2] = s; }),
  unary('cosh', cosh, (u, o) => { const c = cosh(u); o[0] = c; o[1] = sinh(u); o[2] = c; }),
  unary('tanh', tanh, (u, o) => {
    const t = tanh(u);
    const d = 1 - t * t;
    o[0] = t; o[1] = d; o[2] = -2 * t * d;
  }),
  unary('exp', exp, (u, o) => { const e = exp(u); o[0] = e; o[1] = e; o[2] = e; }),
  unary('log', log, (u, o) => { o[0] = log(u); o[1] = 1 / u; o[2] = -1 / (u * u); }),
  unary('sqrt', Math.sqrt, (u, o) => {
    const s = Math.sqrt(u);
    o[0] = s; o[1] = 0.5 / s; o[2] = -0.25 / (s * u);
  }),
  // The subgradient of |u| at 0 is taken as 0, as the L1 regularizer does (experiment-v1.md).
  unary('abs', Math.abs, (u, o) => { o[0] = Math.abs(u); o[1] = Math.sign(u); o[2] = 0; }),
  { name: 'min', arity: 2, value: Math.min, pickFirst: (a, b) => a <= b },
  { name: 'max', arity: 2, value: Math.max, pickFirst: (a, b) => a >= b },
];

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((s) => [s.name, s]));

export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

export const VARIABLES: ReadonlyMap<string, Variable> = new Map<string, Variable>([
  ['x', 'x'],
  ['y', 'y'],
]);

/** Looks a function up by the name stored in a parsed node (always present: the parser checked). */
export function functionSpec(name: FunctionName): FunctionSpec {
  const spec = FUNCTIONS.get(name);
  if (!spec) throw new Error(`internal: function '${name}' missing from the allow-list`);
  return spec;
}
