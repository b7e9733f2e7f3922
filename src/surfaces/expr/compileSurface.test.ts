import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSurface } from '../resolve';
import { compileSurface, CUSTOM_START, CUSTOM_VIEW } from './compileSurface';

describe('compileSurface', () => {
  it('makes a Surface with the defaults the UI can override', () => {
    const r = compileSurface('  x^2 - y^2 + 0.1*sin(3*x) ');
    if (!r.ok) throw new Error(r.message);
    const s = r.surface;
    expect(s).toMatchObject({ id: 'custom', name: 'Custom', expression: 'x^2 - y^2 + 0.1*sin(3*x)' });
    expect(s.view).toEqual(CUSTOM_VIEW);
    expect(s.start).toEqual(CUSTOM_START);
    expect(s.globalMin).toBeUndefined();
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    s.grad(1, 2, g);
    s.hessian(1, 2, h);
    expect(s.f(1, 2)).toBeCloseTo(1 - 4 + 0.1 * Math.sin(3), 15);
    expect([...g]).toEqual([2 + 0.3 * Math.cos(3), -4]);
    expect(h[0]).toBeCloseTo(2 - 0.9 * Math.sin(3), 15);
    expect([h[1], h[2]]).toEqual([0, -2]);
  });

  it('gives each surface its own view and start arrays', () => {
    const a = compileSurface('x');
    const b = compileSurface('x');
    if (!a.ok || !b.ok) throw new Error('x must compile');
    a.surface.view.x[0] = -100;
    a.surface.start[0] = 42;
    expect(b.surface.view.x[0]).toBe(-2);
    expect(b.surface.start[0]).toBe(1.5);
  });

  it('evaluates the same point repeatedly to the same numbers (no state leaks between calls)', () => {
    const r = compileSurface('sin(x*y) + x^3');
    if (!r.ok) throw new Error(r.message);
    const first = new Float64Array(2);
    const again = new Float64Array(2);
    r.surface.grad(0.3, 0.4, first);
    r.surface.hessian(5, 6, new Float64Array(3));
    r.surface.grad(-7, 1, new Float64Array(2));
    r.surface.grad(0.3, 0.4, again);
    expect([...again]).toEqual([...first]);
  });

  it('compiles whatever parses into functions that never throw', () => {
    const token = fc.constantFrom('x', 'y', '2', '0', '.5', 'pi', '+', '-', '*', '/', '^', '(', ')', ',', 'log(', 'min(', 'sqrt(', 'asin(', 'tan(');
    const soup = fc.array(token, { maxLength: 30 }).map((t) => t.join(''));
    const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, -1));
    fc.assert(
      fc.property(soup, value, value, (text, x, y) => {
        const r = compileSurface(text);
        if (!r.ok) return;
        expect(typeof r.surface.f(x, y)).toBe('number');
        r.surface.grad(x, y, new Float64Array(2));
        r.surface.hessian(x, y, new Float64Array(3));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the message and column of a parse error', () => {
    expect(compileSurface('x + sinn(x)')).toEqual({ ok: false, message: "unknown function 'sinn' at column 5", column: 5 });
  });
});

describe('resolveSurface with an expression', () => {
  it('compiles the expression', () => {
    const r = resolveSurface({ kind: 'surface', expr: 'x^3 - 3*x*y^2' });
    expect(r.ok && r.surface.id).toBe('custom');
    expect(r.ok && r.surface.f(2, 1)).toBe(2);
  });

  it('passes errors through, prefixed, with their column', () => {
    expect(resolveSurface({ kind: 'surface', expr: 'x + sinn(x)' })).toEqual({
      ok: false,
      message: "expression: unknown function 'sinn' at column 5",
      column: 5,
    });
    const long = resolveSurface({ kind: 'surface', expr: 'x'.repeat(501) });
    expect(long.ok || long.message).toBe('expression: expression too long (max 500 characters)');
  });

  it('still resolves catalogue ids', () => {
    const r = resolveSurface({ kind: 'surface', id: 'rosenbrock' });
    expect(r.ok && r.surface.id).toBe('rosenbrock');
  });
});
