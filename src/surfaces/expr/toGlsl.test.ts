import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExprNode } from './ast';
import { CATALOGUE_EXPRESSIONS } from './catalogueExpressions';
import { evaluateTree } from './fold';
import { GLSL_PRELUDE, glslFloat, toGlsl } from './toGlsl';
import { parseExpression } from './parse';

function tree(text: string): ExprNode {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.tree;
}

const glsl = (text: string): string => toGlsl(tree(text));

describe('toGlsl', () => {
  it.each([
    ['x^2 - y^2', '((x * x) - (y * y))'],
    ['-x^2', '(-(x * x))'],
    ['x^3 - 3*x*y^2', '((x * x * x) - ((3.0 * x) * (y * y)))'],
    ['x^-2', '(1.0 / (x * x))'],
    ['x^0', '1.0'],
    ['y^1', 'y'],
    ['x^6/6', '(spPowi(x, 6) / 6.0)'],
    ['(x + y)^2', 'spPowi((x + y), 2)'], // the base is evaluated once
    ['(x - 1)^-3', 'spPowi((x - 1.0), -3)'],
    ['x^(1+1)', '(x * x)'], // the exponent folds to an integer first
    ['x^0.5', 'pow(x, 0.5)'],
    ['2^x', 'pow(2.0, x)'],
    ['x^y', 'pow(x, y)'],
    ['x^2000', 'pow(x, 2000.0)'],
    ['sin(2*pi*x)', 'sin((6.283185307179586 * x))'],
    ['e + 20', '22.718281828459045'],
    ['-(2*3) + x', '((-6.0) + x)'],
    ['1e-3*x + 2.5E+4', '((0.001 * x) + 25000.0)'],
    ['1e30*x', '(1e+30 * x)'],
    ['1e300*x', '(uintBitsToFloat(0x7f800000u) * x)'], // beyond float range
    ['log(-1) + x', '(uintBitsToFloat(0x7fc00000u) + x)'], // a folded NaN
    ['min(x, y) + max(abs(x), sqrt(y))', '(min(x, y) + max(abs(x), sqrt(y)))'],
    ['tanh(x) + sinh(y) * cosh(x)', '(tanh(x) + (sinh(y) * cosh(x)))'],
    ['asin(x) + acos(y) + atan(x) + tan(y) + exp(x) + log(y) + cos(x)', '((((((asin(x) + acos(y)) + atan(x)) + tan(y)) + exp(x)) + log(y)) + cos(x))'],
  ])('%s -> %s', (input, expected) => {
    expect(glsl(input)).toBe(expected);
  });

  it('names the variables as asked', () => {
    expect(toGlsl(tree('x*y + x^2'), { x: 'p.x', y: 'p.y' })).toBe('((p.x * p.y) + (p.x * p.x))');
  });

  it('writes float literals GLSL accepts', () => {
    expect([0, 1, 2.5, 1e-7, 1e21, -3, -0].map(glslFloat)).toEqual(['0.0', '1.0', '2.5', '1e-7', '1e+21', '(-3.0)', '(-0.0)']);
  });

  it('uses only GLSL ES 3.0 built-ins, the prelude helper, the variables and literals', () => {
    for (const expr of Object.values(CATALOGUE_EXPRESSIONS)) {
      const names = toGlsl(tree(expr)).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
      for (const name of names) {
        expect(['x', 'y', 'e', 'spPowi', 'pow', 'sin', 'cos', 'exp', 'sqrt']).toContain(name); // 'e' of 1e-7
      }
    }
  });

  it('declares spPowi in the prelude, with a loop bound GLSL ES accepts', () => {
    expect(GLSL_PRELUDE).toContain('float spPowi(float x, int n)');
    expect(GLSL_PRELUDE).toMatch(/for \(int i = 0; i < 11; i\+\+\)/);
  });

  // Without GLSL here, check the meaning instead: where the output uses no pow or spPowi, it
  // is also valid in our own syntax, so parse it back and compare values.
  it('means the same as the expression (checked by reading the output back)', () => {
    const smooth = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 5 },
        fc.constantFrom('x', 'y', '0.5', '3', 'pi', 'e'),
        fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/'), tie('node')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc.tuple(fc.constantFrom('x', 'y', '2'), fc.constantFrom('2', '3', '-1', '-2', '4')).map(([a, n]) => `${a}^${n}`),
        fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'atan', 'exp', 'abs'), tie('node')).map(([g, a]) => `${g}(${a})`),
        fc.tuple(fc.constantFrom('min', 'max'), tie('node'), tie('node')).map(([g, a, b]) => `${g}(${a}, ${b})`),
        tie('node').map((a) => `-${a}`),
      ),
    })).node;
    const point = fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }));
    fc.assert(
      fc.property(smooth, point, (text, [x, y]) => {
        const out = glsl(text);
        const back = parseExpression(out);
        fc.pre(back.ok);
        if (!back.ok) return;
        const a = evaluateTree(tree(text), x, y);
        const b = evaluateTree(back.tree, x, y);
        if (Number.isNaN(a)) expect(b).toBeNaN();
        else if (!Number.isFinite(a)) expect(b).toBe(a);
        else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(a)));
      }),
      { numRuns: 500 },
    );
  });
});
