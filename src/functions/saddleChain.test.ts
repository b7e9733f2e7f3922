// saddleChain (Du et al. 2017): its critical points are the chain's saddles and the minimum,
// the pieces join C^2, the assumptions of the critical-point argument hold, and gradient descent
// passes the saddles in order, each taking geometrically longer, while perturbed GD does not slow.
import { fc, test } from '@fast-check/vitest';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { chainProfile, profileAt } from './saddleChain';
import { spectrum } from '../optim/spectrum';
import { make, maxAbs } from './functions.testutil';
import type { Instance } from './types';

/** Steps at which GD (plus optional noise) first has |x_i| >= 2 tau, for i = 0, 1, ... (Infinity when never). */
function passTimes(inst: Instance, maxSteps: number, noise = 0, seed = 1): number[] {
  const { dim } = inst;
  const tau = inst.params.tau;
  const lr = inst.suggestedLr;
  const gen = xoroshiro128plus(seed);
  const x = inst.defaultStart();
  const g = new Float64Array(dim);
  const times: number[] = [];
  for (let step = 1; step <= maxSteps && times.length < dim; step++) {
    inst.grad(x, g);
    for (let i = 0; i < dim; i++) x[i] -= lr * g[i];
    if (noise > 0) for (let i = 0; i < dim; i++) x[i] += noise * (2 * uniformFloat64(gen) - 1);
    while (times.length < dim && Math.abs(x[times.length]) >= 2 * tau) times.push(step);
  }
  while (times.length < dim) times.push(Infinity);
  return times;
}
const gaps = (times: number[]) => times.map((t, i) => t - (i > 0 ? times[i - 1] : 0));

describe('saddleChain', () => {
  it('its named critical points: gradient 0, Hessian diag(2L, .., -2 gamma, .., 2L), f = -(i - 1) nu', () => {
    for (const params of [{}, { tau: 1, L: 5, gamma: 2 }] as Record<string, number>[]) {
      const inst = make('saddleChain', 6, params);
      const { L, gamma, tau } = inst.params;
      const { nu } = chainProfile(tau, L, gamma);
      const named = inst.criticalPoints!.named;
      expect(named).toHaveLength(7);
      const g = new Float64Array(6);
      named.forEach((p, i) => {
        inst.grad(p.x, g);
        expect(maxAbs(g)).toBeLessThanOrEqual(1e-12 * L * tau);
        expect(Math.abs(p.value + i * nu)).toBeLessThanOrEqual(1e-12 * (1 + i) * nu);
        const s = spectrum(inst, p.x);
        expect(s.index).toBe(p.index);
        expect(p.index).toBe(i < 6 ? 1 : 0);
        const expected = Array.from({ length: 6 }, (_, j) => (j === i ? -2 * gamma : 2 * L)).sort((a, b) => a - b);
        s.eigenvalues!.forEach((e, j) => expect(e).toBeCloseTo(expected[j], 10));
      });
      expect(inst.globalMin).toBe(named[6].value);
    }
  });

  it('joins its pieces C^2 at |t| = tau and 2 tau (both signs)', () => {
    const p = chainProfile(Math.E, Math.E, 1);
    const left = new Float64Array(6);
    const right = new Float64Array(6);
    const jump = (t: number, delta: number) => {
      profileAt(p, t - delta, left, 0);
      profileAt(p, t + delta, right, 0);
      return left.map((l, k) => Math.abs(l - right[k]));
    };
    for (const joint of [p.tau, 2 * p.tau, -p.tau, -2 * p.tau]) {
      // S, S', S'', D, D', D'' are continuous: the change across [t - delta, t + delta] shrinks
      // with delta (a jump would not), here 100-fold for a 100-fold smaller delta.
      const wide = jump(joint, 1e-4);
      const narrow = jump(joint, 1e-6);
      for (let k = 0; k < 6; k++) expect(narrow[k]).toBeLessThanOrEqual(wide[k] / 50 + 1e-12);
    }
  });

  test.prop([fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 200 })(
    'for L >= gamma: D <= 0, h is decreasing on (0, 4 tau) and S rises from 0 to 1 (what the critical-point argument needs)',
    (tau, L, ratio) => {
      const gamma = Math.max(0.01, ratio * L);
      const p = chainProfile(tau, L, gamma);
      const out = new Float64Array(6);
      const broken: string[] = [];
      for (let k = 1; k < 400; k++) {
        const t = (k / 400) * 4 * tau;
        profileAt(p, t, out, 0);
        const [S, S1, , D, D1] = out;
        // h'(t) = D'(t) + 2 L t
        if (!(D < 0 && D1 + 2 * L * t < 0 && S1 >= 0 && S >= 0 && S <= 1)) broken.push(`t = ${t}: ${Array.from(out)}`);
      }
      expect(broken).toEqual([]);
    },
  );

  it('GD passes the saddles in order, each taking geometrically longer; in float64 it never leaves saddle 5', () => {
    const inst = make('saddleChain', 6);
    const times = passTimes(inst, 20_000);
    const e = gaps(times);
    // Measured: passes at 9, 52, 268, 1370, then x_5 underflows and GD stays at saddle 5.
    expect(times.slice(0, 4)).toEqual([...times.slice(0, 4)].sort((a, b) => a - b));
    for (let i = 1; i < 4; i++) expect(e[i] / e[i - 1]).toBeGreaterThan(3.5);
    expect(times[4]).toBe(Infinity);
  });

  it('perturbed GD (uniform noise 1e-4 per step) passes every saddle in about the same time each: its time grows linearly with d, GD geometrically', () => {
    const gdLast: number[] = [];
    const pgdLast: number[] = [];
    for (const d of [2, 3, 4]) {
      const inst = make('saddleChain', d);
      gdLast.push(passTimes(inst, 20_000).at(-1)!);
      pgdLast.push(passTimes(inst, 20_000, 1e-4).at(-1)!);
    }
    const big = make('saddleChain', 10);
    const pgd = gaps(passTimes(big, 20_000, 1e-4));
    expect(pgd.every(Number.isFinite)).toBe(true);
    expect(Math.max(...pgd.slice(1))).toBeLessThanOrEqual(2 * Math.min(...pgd.slice(1)));
    // The time to pass the last saddle: GD multiplies it by > 4 per added saddle, PGD adds a constant.
    expect(gdLast[2] / gdLast[1]).toBeGreaterThan(4);
    expect(gdLast[1] / gdLast[0]).toBeGreaterThan(4);
    expect(pgdLast[2] - pgdLast[1]).toBeLessThanOrEqual(1.5 * (pgdLast[1] - pgdLast[0]) + 5);
    expect(pgdLast[2]).toBeLessThan(gdLast[2]);
  });

  it('refuses gamma > L with one line', () => {
    expect(() => make('saddleChain', 3, { gamma: 5, L: 2 })).toThrow('saddleChain: gamma must not exceed L (got gamma = 5, L = 2)');
  });
});
