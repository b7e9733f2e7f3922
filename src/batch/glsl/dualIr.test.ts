// The dual-number program (the source of the GLSL objective) against the scalar engine's
// derivative program, on every catalogue surface and the example expressions.
import { describe, expect, it } from 'vitest';
import { CATALOGUE_EXPRESSIONS } from '../../surfaces/catalogue';
import { EXAMPLE_EXPRESSIONS } from '../../surfaces/expr/exampleExpressions';
import { compileDerivatives } from '../../surfaces/expr/compileDerivatives';
import { compileValue } from '../../surfaces/expr/compileValue';
import { parseExpression } from '../../surfaces/expr/parse';
import { dualToGlsl } from './dualGlsl';
import { evaluateDual } from './dualEval';
import { dualProgram } from './dualIr';

function tree(expr: string) {
  const r = parseExpression(expr);
  if (!r.ok) throw new Error(r.message);
  return r.tree;
}

/** Equal within rel * max(1, |b|), NaN equal to NaN, infinities equal by sign. */
function close(a: number, b: number, rel = 1e-12): boolean {
  if (Number.isNaN(b)) return Number.isNaN(a);
  if (!Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
}

const EXPRESSIONS = [
  ...Object.values(CATALOGUE_EXPRESSIONS),
  ...EXAMPLE_EXPRESSIONS.map((e) => e.expr),
  'min(x^2, y) + max(x, y^3)',
  'x^y + 2^x',
  '(x^2 + y^2)^1.5 - sqrt(abs(x)) + tanh(3*x) - asin(y/3) + acos(x/4) + atan(x*y)',
  'sinh(x) / cosh(y) + tan(0.3*x) + log(1 + y^2) - 3/x - x^-2',
];

describe('dualProgram', () => {
  const points: [number, number][] = [];
  for (let i = 0; i < 40; i++) points.push([Math.sin(i * 12.9898) * 2.7, Math.cos(i * 78.233) * 2.7]);
  points.push([0, 0], [1, 0], [0, -1], [-1.5, 2]);

  for (const expr of EXPRESSIONS) {
    it(`gives f and grad f of ${expr} as the derivative program does`, () => {
      const t = tree(expr);
      const program = dualProgram(t);
      const f = compileValue(t);
      const d = compileDerivatives(t);
      const g = new Float64Array(2);
      for (const [x, y] of points) {
        const [v, gx, gy] = evaluateDual(program, x, y);
        d.grad(x, y, g);
        const ok = close(v, f(x, y)) && close(gx, g[0]) && close(gy, g[1]);
        if (!ok) throw new Error(`${expr} at (${x}, ${y}): dual ${[v, gx, gy]} vs ${[f(x, y), g[0], g[1]]}`);
      }
    });
  }

  it('keeps a structurally zero derivative at 0 where the outer slope is infinite', () => {
    const [v, gx, gy] = evaluateDual(dualProgram(tree('sqrt(y) + x')), 2, 0);
    expect([v, gx, gy]).toEqual([2, 1, Infinity]);
  });

  it('emits shared variables once and one temporary per instruction', () => {
    const program = dualProgram(tree('(x^2 + y - 11)^2'));
    expect(program.ops.filter((o) => o.k === 'x')).toHaveLength(1);
    expect(dualToGlsl(program)).toBe(
      [
        'vec3 spObjective(vec2 p) {',
        '  vec3 t0 = vec3(p.x, 1.0, 0.0);',
        '  vec3 t1 = dSquare(t0);',
        '  vec3 t2 = vec3(p.y, 0.0, 1.0);',
        '  vec3 t3 = t1 + t2;',
        '  vec3 t4 = vec3(t3.x + (-11.0), t3.yz);',
        '  vec3 t5 = dSquare(t4);',
        '  return t5;',
        '}',
        '',
      ].join('\n'),
    );
  });
});
