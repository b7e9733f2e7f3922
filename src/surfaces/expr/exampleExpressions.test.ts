import { describe, expect, it } from 'vitest';
import { compileSurface } from './compileSurface';
import { EXAMPLE_EXPRESSIONS } from './exampleExpressions';

describe('EXAMPLE_EXPRESSIONS', () => {
  it.each(EXAMPLE_EXPRESSIONS.map((e) => [e.label, e.expr]))('%s (%s) compiles to finite values at its start', (_label, expr) => {
    const r = compileSurface(expr);
    if (!r.ok) throw new Error(`${expr}: ${r.message}`);
    const s = r.surface;
    const [x, y] = s.start;
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    s.grad(x, y, g);
    s.hessian(x, y, h);
    expect([s.f(x, y), ...g, ...h].every(Number.isFinite)).toBe(true);
  });
});
