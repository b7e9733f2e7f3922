// strictSaddle: its critical points are the ones the construction says, and plain gradient
// descent from the default start (on the saddle's stable manifold) stops at the saddle, while a
// perturbation escapes to a minimum.
import { describe, expect, it } from 'vitest';
import { separablePoint,  } from './index';
import { spectrum } from '../optim/spectrum';
import { gd, make, maxAbs } from './functions.testutil';

describe('strictSaddle', () => {
  it.each([1, 3, 10])('d = 100, k = %i: GD (lr 0.05, gradTol 1e-6) from the default start stops at the saddle of index k; a perturbation escapes to a minimum', (k) => {
    const inst = make('strictSaddle', 100, { k });
    const start = inst.defaultStart();
    for (let i = 0; i < k; i++) expect(start[i]).toBe(0);
    for (let i = k; i < 100; i++) expect(start[i]).not.toBe(0);

    const plain = gd(inst, start, 0.05, 1e-6, 10_000);
    expect(plain.stopped).toBe(true);
    expect(maxAbs(plain.x)).toBeLessThan(1e-6); // at the origin, the saddle
    const atSaddle = spectrum(inst, plain.x);
    expect(atSaddle.index).toBe(k);
    expect(atSaddle.lambdaMin).toBeCloseTo(-1, 12);

    const nudged = start.slice();
    for (let i = 0; i < k; i++) nudged[i] = i % 2 === 0 ? 1e-3 : -1e-3;
    const escaped = gd(inst, nudged, 0.05, 1e-6, 10_000);
    expect(escaped.stopped).toBe(true);
    const atMin = spectrum(inst, escaped.x);
    expect(atMin.index).toBe(0);
    expect(inst.f(escaped.x)).toBeCloseTo(-k / 4, 10);
    for (let i = 0; i < k; i++) expect(Math.abs(escaped.x[i])).toBeCloseTo(1, 6);
  });

  it('every one of the 3^k critical points (k = 3, d = 5) has gradient 0 and the index the construction gives', () => {
    const k = 3;
    const inst = make('strictSaddle', 5, { k });
    const cps = inst.criticalPoints!;
    expect(cps.complete).toBe(true);
    const axes = Array.from({ length: 5 }, (_, i) => cps.axis!(i));
    expect(axes.map((a) => a.length)).toEqual([3, 3, 3, 1, 1]);
    const g = new Float64Array(5);
    const seen = new Map<number, number>();
    for (let code = 0; code < 27; code++) {
      const choice = [code % 3, Math.floor(code / 3) % 3, Math.floor(code / 9), 0, 0];
      const p = separablePoint(inst, (i) => axes[i], choice, 'combo');
      inst.grad(p.x, g);
      expect(maxAbs(g)).toBe(0);
      expect(spectrum(inst, p.x).index).toBe(p.index);
      expect(p.index).toBe(choice.slice(0, k).filter((c) => axes[0][c].t === 0).length);
      seen.set(p.index, (seen.get(p.index) ?? 0) + 1);
    }
    // Index j: choose which j of the k coordinates sit at 0, the others at +-1: C(3, j) 2^(3-j).
    expect([0, 1, 2, 3].map((j) => seen.get(j))).toEqual([8, 12, 6, 1]);
  });

  it('names the saddle (index k) and a global minimum (f = -k/4)', () => {
    const inst = make('strictSaddle', 8, { k: 4 });
    const [saddle, minimum] = inst.criticalPoints!.named;
    expect(saddle.index).toBe(4);
    expect(saddle.kind).toBe('saddle');
    expect(Array.from(saddle.x)).toEqual(new Array(8).fill(0));
    expect(minimum.kind).toBe('minimum');
    expect(minimum.value).toBe(-1);
    expect(inst.globalMin).toBe(-1);
  });

  it('refuses k outside 1..d with one line', () => {
    const r = make.bind(null, 'strictSaddle', 4);
    expect(() => r({ k: 5 })).toThrow('strictSaddle: k must be at most the dimension 4, got 5');
    expect(() => r({ k: 0 })).toThrow('strictSaddle: k must lie in [1, 1000], got 0');
    expect(() => r({ k: 1.5 })).toThrow('strictSaddle: k must be an integer');
  });
});
