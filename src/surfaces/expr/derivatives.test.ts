import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExprNode } from './ast';
import { compileDerivatives } from './compileDerivatives';
import { compileValue } from './compileValue';
import { evaluateTree } from './fold';
import { parseExpression } from './parse';
import { arbitraryTree } from './arbitraryTrees.testutil';

function tree(text: string): ExprNode {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.tree;
}

/** [f, fx, fy, fxx, fxy, fyy] from the second-order program. */
function jetOf(text: string, x: number, y: number): number[] {
  const out = new Float64Array(6);
  compileDerivatives(tree(text)).jet(x, y, out);
  return [...out];
}

/** Both NaN, or the same number (the sign of zero aside). */
const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

const point = fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }));

describe('the three evaluations of a tree agree bit for bit', () => {
  it('compileValue = evaluateTree = the value of the jet; grad = the jet gradient', () => {
    fc.assert(
      fc.property(arbitraryTree, point, (t, [x, y]) => {
        const f = compileValue(t)(x, y);
        const program = compileDerivatives(t);
        const jet = new Float64Array(6);
        const g = new Float64Array(2);
        program.jet(x, y, jet);
        program.grad(x, y, g);
        expect(same(f, evaluateTree(t, x, y))).toBe(true);
        expect(same(f, jet[0])).toBe(true);
        expect(same(g[0], jet[1]) && same(g[1], jet[2])).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

/** Smooth trees with moderate derivatives: + - * and bounded or slowly growing functions. */
const smoothTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constantFrom('x', 'y', '0.5', '1.5', '2', 'pi'),
    fc.tuple(tie('node'), fc.constantFrom('+', '-', '*'), tie('node')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'atan', 'exp'), tie('node')).map(([g, a]) => `${g}(${a} / 4)`),
    fc.tuple(tie('node'), fc.constantFrom('2', '3')).map(([a, n]) => `(${a})^${n}`),
    tie('node').map((a) => `-${a}`),
    tie('node').map((a) => `sqrt(1 + (${a})^2)`),
    tie('node').map((a) => `1 / (2 + sin(${a}))`),
    tie('node').map((a) => `log(2 + cos(${a}))`),
    tie('node').map((a) => `(1.5 + sin(${a}))^(x / 3)`),
  ),
})).node;

/** Five-point central difference: error O(h^4), independent of the differentiation code. */
function difference(fn: (t: number) => number, h: number): number {
  return (fn(-2 * h) - 8 * fn(-h) + 8 * fn(h) - fn(2 * h)) / (12 * h);
}

describe('derivatives are exact: they match finite differences of f', () => {
  it('on random smooth expressions', () => {
    const unit = fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }));
    fc.assert(
      fc.property(smoothTree, unit, (text, [x, y]) => {
        const t = tree(text);
        const f = compileValue(t);
        const program = compileDerivatives(t);
        const g = new Float64Array(2);
        const h = new Float64Array(3);
        program.grad(x, y, g);
        program.hessian(x, y, h);
        const gradAt = (px: number, py: number): Float64Array => {
          const out = new Float64Array(2);
          program.grad(px, py, out);
          return out;
        };
        const step = 1e-3;
        const fd = [
          difference((d) => f(x + d, y), step),
          difference((d) => f(x, y + d), step),
          difference((d) => gradAt(x + d, y)[0], step),
          difference((d) => gradAt(x + d, y)[1], step),
          difference((d) => gradAt(x, y + d)[1], step),
        ];
        const exact = [g[0], g[1], h[0], h[1], h[2]];
        const scale = 1 + Math.abs(f(x, y)) + Math.max(...exact.map(Math.abs));
        exact.forEach((v, k) => expect(Math.abs(v - fd[k]), `${text} #${k}`).toBeLessThanOrEqual(1e-7 * scale));
        // The Hessian from the second-order program is the derivative of grad, hence symmetric.
        expect(Math.abs(difference((d) => gradAt(x, y + d)[0], step) - h[1])).toBeLessThanOrEqual(1e-7 * scale);
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it.each([
    // expression, point, [f, fx, fy, fxx, fxy, fyy] by hand
    ['x^3', [-2, 0], [-8, 12, 0, -12, 0, 0]], // an integer power of a negative base
    ['x^-2', [2, 1], [0.25, -0.25, 0, 0.375, 0, 0]],
    ['x^0', [0, 0], [1, 0, 0, 0, 0, 0]], // no 0 * Infinity at 0
    ['x^1', [0, 0], [0, 1, 0, 0, 0, 0]],
    ['x^0.5', [4, 0], [2, 0.25, 0, -1 / 32, 0, 0]],
    ['2^x', [3, 0], [8, 8 * Math.LN2, 0, 8 * Math.LN2 ** 2, 0, 0]],
    ['x^y', [2, 3], [8, 12, 8 * Math.LN2, 12, 4 + 12 * Math.LN2, 8 * Math.LN2 ** 2]],
    ['x^y', [-2, 3], [-8, 12, NaN, -12, NaN, NaN]], // d/dx is defined, d/dy (log of -2) is not
    ['x / y', [3, 2], [1.5, 0.5, -0.75, 0, -0.25, 0.75]],
    ['1 / (x*y)', [1, 2], [0.5, -0.5, -0.25, 1, 0.25, 0.25]],
    ['x*y', [3, 5], [15, 5, 3, 0, 1, 0]],
    ['-(x*y)', [3, 5], [-15, -5, -3, 0, -1, 0]],
    ['sqrt(y) + x', [1, 0], [1, 1, Infinity, 0, 0, -Infinity]], // d/dx stays exact at y = 0
    ['abs(x) + y', [0, 1], [1, 0, 1, 0, 0, 0]], // the subgradient 0 at the kink
    ['min(x, y)', [1, 2], [1, 1, 0, 0, 0, 0]],
    ['max(x, y^2)', [1, 2], [4, 0, 4, 0, 0, 2]],
    ['min(x, y)', [NaN, 2], [NaN, NaN, NaN, NaN, NaN, NaN]],
    ['sin(pi) * x', [1, 1], [Math.sin(Math.PI), Math.sin(Math.PI), 0, 0, 0, 0]], // constants fold
    ['7', [1, 1], [7, 0, 0, 0, 0, 0]],
    ['y', [1, 2], [2, 0, 1, 0, 0, 0]],
  ] as [string, number[], number[]][])('%s at %j', (text, [x, y], expected) => {
    const got = jetOf(text, x, y);
    expected.forEach((e, k) => {
      if (Number.isNaN(e) || !Number.isFinite(e)) expect(got[k]).toBe(e);
      else expect(got[k]).toBeCloseTo(e, 14);
    });
  });

  it.each([
    ['sin', 0.7, Math.sin, Math.cos, (u: number) => -Math.sin(u)],
    ['cos', 0.7, Math.cos, (u: number) => -Math.sin(u), (u: number) => -Math.cos(u)],
    ['tan', 0.7, Math.tan, (u: number) => 1 / Math.cos(u) ** 2, (u: number) => (2 * Math.sin(u)) / Math.cos(u) ** 3],
    ['asin', 0.3, Math.asin, (u: number) => 1 / Math.sqrt(1 - u * u), (u: number) => u / (1 - u * u) ** 1.5],
    ['acos', 0.3, Math.acos, (u: number) => -1 / Math.sqrt(1 - u * u), (u: number) => -u / (1 - u * u) ** 1.5],
    ['atan', 0.7, Math.atan, (u: number) => 1 / (1 + u * u), (u: number) => (-2 * u) / (1 + u * u) ** 2],
    ['sinh', 0.7, Math.sinh, Math.cosh, Math.sinh],
    ['cosh', 0.7, Math.cosh, Math.sinh, Math.cosh],
    ['tanh', 0.7, Math.tanh, (u: number) => 1 / Math.cosh(u) ** 2, (u: number) => (-2 * Math.tanh(u)) / Math.cosh(u) ** 2],
    ['exp', 0.7, Math.exp, Math.exp, Math.exp],
    ['log', 0.7, Math.log, (u: number) => 1 / u, (u: number) => -1 / (u * u)],
    ['sqrt', 0.7, Math.sqrt, (u: number) => 0.5 / Math.sqrt(u), (u: number) => -0.25 * u ** -1.5],
    ['abs', -0.7, Math.abs, Math.sign, () => 0],
  ])('%s: the chain rule through u = x*y at u = %f', (name, u, g0, g1, g2) => {
    // With u = x y at (x, y) = (u, 1): ux = 1, uy = u, uxx = 0, uxy = 1, uyy = 0.
    const [f, fx, fy, fxx, fxy, fyy] = jetOf(`${name}(x*y)`, u, 1);
    const expected = [g0(u), g1(u), g1(u) * u, g2(u), g1(u) + g2(u) * u, g2(u) * u * u];
    [f, fx, fy, fxx, fxy, fyy].forEach((v, k) => expect(v).toBeCloseTo(expected[k], 13));
  });
});
