// The registry as a whole: every function creates at its dimension limits with its defaults,
// refuses bad input with one line, offers a usable view and start, and every critical point it
// names (or builds from its separable axes) has gradient 0 and the index a dense spectrum finds.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createInstance, D_FUNCTIONS, D_FUNCTION_IDS, separablePoint,  } from './index';
import { spectrum } from '../optim/spectrum';
import { make, maxAbs } from './functions.testutil';

describe.each(D_FUNCTION_IDS)('%s', (id) => {
  const fn = D_FUNCTIONS[id];

  it('has its id, a sentence with its source, defaults inside their bounds, and dimensions 2..1000', () => {
    expect(fn.id).toBe(id);
    expect(fn.about).toMatch(/\(.*\d{4}.*\)\.$/); // ends with its source and year
    expect([fn.minDim, fn.maxDim]).toEqual([2, 1000]);
    for (const p of fn.params) {
      expect(p.default).toBeGreaterThanOrEqual(p.min);
      expect(p.default).toBeLessThanOrEqual(p.max);
      if (p.integer) expect(Number.isInteger(p.default)).toBe(true);
    }
  });

  it.each([2, 3, 1000])('creates at d = %i with its defaults; a usable view and a fresh start each call', (dim) => {
    const inst = make(id, dim);
    expect(inst.dim).toBe(dim);
    const start = inst.defaultStart();
    expect(start).toHaveLength(dim);
    start[0] = 12345;
    expect(inst.defaultStart()[0]).not.toBe(12345);
    expect(Number.isFinite(inst.f(inst.defaultStart()))).toBe(true);
    const { axes, center, x, y } = inst.view;
    expect(axes[0]).not.toBe(axes[1]);
    expect(Math.max(...axes)).toBeLessThan(dim);
    expect(center).toHaveLength(dim);
    expect(x[0]).toBeLessThan(x[1]);
    expect(y[0]).toBeLessThan(y[1]);
    expect(inst.suggestedLr).toBeGreaterThan(0);
  });

  it('refuses bad dimensions and unknown parameters with one line', () => {
    for (const dim of [1, 1001, 2.5, NaN]) {
      const r = fn.create(dim);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBe(`${id}: dimension must be an integer in [2, 1000], got ${dim}`);
    }
    expect(fn.create(4, { nope: 1 })).toEqual({ ok: false, error: `${id}: unknown parameter nope` });
  });

  it('every named critical point (d = 10) has gradient 0 and the index the dense spectrum finds', () => {
    const inst = make(id, 10);
    const g = new Float64Array(10);
    for (const p of inst.criticalPoints?.named ?? []) {
      const value = inst.grad(p.x, g);
      expect(value).toBe(p.value);
      expect(maxAbs(g), p.label).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(value)));
      expect(spectrum(inst, p.x).index, p.label).toBe(p.index);
    }
  });
});

it('createInstance refuses an unknown id with the list of known ones', () => {
  expect(createInstance('ackley', 3)).toEqual({ ok: false, error: `unknown function ackley; one of ${D_FUNCTION_IDS.join(', ')}` });
  expect(createInstance('toString', 3).ok).toBe(false);
});

describe.each(['rastrigin', 'styblinskiTang', 'strictSaddle'])('%s is separable', (id) => {
  const dim = 8;
  const inst = make(id, dim, id === 'strictSaddle' ? { k: 5 } : {});
  const axis = inst.criticalPoints!.axis!;

  it('each axis point zeroes its coordinate of the gradient', () => {
    const g = new Float64Array(dim);
    for (const p of axis(0)) {
      const x = new Float64Array(dim).fill(axis(1)[0].t);
      x[0] = p.t;
      inst.grad(x, g);
      expect(Math.abs(g[0])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(p.t) ** 3));
    }
  });

  test.prop([fc.array(fc.nat(), { minLength: dim, maxLength: dim })], { numRuns: 60 })('any choice of axis points is a critical point with the index of its negative-curvature picks', (picks) => {
    const choice = picks.map((c, i) => c % axis(i).length);
    const p = separablePoint(inst, axis, choice, 'pick');
    const g = new Float64Array(dim);
    inst.grad(p.x, g);
    expect(maxAbs(g)).toBeLessThanOrEqual(1e-11 * (1 + maxAbs(p.x) ** 3));
    expect(spectrum(inst, p.x).index).toBe(p.index);
  });
});

// g'(t) = 2t + 20 pi sin(2 pi t) = 0 iff sin(2 pi t) = -t / (10 pi). For t > 0 the right side lies
// in (-1, 0) up to t = 10 pi = 31.42, so each negative lobe (m + 1/2, m + 1), m = 0..30, holds two
// roots (a maximum of g, then a minimum) and none lies beyond: 62 per side, plus t = 0.
it('rastrigin has 125 critical points per axis, 63 of them minima of the axis term', () => {
  const axis = make('rastrigin', 2).criticalPoints!.axis!(0);
  expect(axis).toHaveLength(125);
  expect(axis.filter((p) => p.curvature > 0)).toHaveLength(63);
  expect(axis[62].t).toBe(0);
  for (let i = 1; i < axis.length; i++) expect(axis[i].t).toBeGreaterThan(axis[i - 1].t);
});
