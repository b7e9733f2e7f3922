// What the theory of non-convex optimization says these methods do, checked on the engine.
//  - Gradient descent started on the stable manifold of a strict saddle converges to the saddle
//    (doubleWell from (1.5, 0): the line y = 0 is invariant).
//  - Perturbed GD (Jin et al. 2017), noisy GD (Ge et al. 2015) and SGD's own noise escape it and
//    reach a minimum; so does cubic-regularized Newton (Nesterov and Polyak 2006), by its model.
//  - Newton's method is attracted to any critical point: on a quadratic saddle it lands on the
//    saddle in one step, from anywhere.
//  - Where a run ends depends on the basin it starts in (himmelblau's four minima).
import { describe, expect, test } from 'vitest';
import type { Experiment, Run, RunResult, SurfaceId } from '../experiment/types';
import { collectResults, createEngine } from './engine';
import { runStream } from './rng';

function runOne(surface: SurfaceId, run: Run, stop: Experiment['stop'], seed = 0): RunResult {
  const exp: Experiment = { v: 1, problem: { kind: 'surface', id: surface }, runs: [run], stop, seed };
  const created = createEngine(exp);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return collectResults(exp, created.engine)[0];
}
const last = (r: RunResult) => r.points[r.points.length - 1];
const dist = (p: readonly number[], q: readonly number[]) => Math.hypot(p[0] - q[0], p[1] - q[1]);
/** Distance from p to the nearer doubleWell minimum (0, +-1). */
const toMinimum = (p: readonly number[]) => Math.min(dist(p, [0, 1]), dist(p, [0, -1]));
const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + 17 * i);

describe('doubleWell from (1.5, 0): the saddle at the origin and the minima at (0, +-1)', () => {
  const start: [number, number] = [1.5, 0];

  test('gradient descent stops at the saddle: y = 0 is invariant', () => {
    const r = runOne('doubleWell', { optimizer: 'sgd', params: { lr: 0.1 }, start }, { maxSteps: 10_000, gradTol: 1e-6 });
    expect(r.stop.reason).toBe('gradTol');
    expect(r.stop.kind).toBe('saddle');
    expect(r.points.every(([, y]) => y === 0)).toBe(true);
    expect(Math.abs(last(r)[0])).toBeLessThanOrEqual(1e-6);
  });

  // gThreshold (1e-3) > gradTol (1e-6): the run must perturb before the stopping rule fires. And
  // tThreshold must exceed the time gradient descent needs to fall from a kick of size radius to
  // gradTol at the minimum (curvature 1 there, so ln(0.1 / 1e-6) / -ln(1 - lr) = 110 steps):
  // otherwise PGD, which cannot tell a minimum from a saddle, kicks again before the run can stop.
  // (Jin et al. stop by a decrease test on f instead, which this engine's gradTol rule replaces.)
  const pgdParams = { lr: 0.1, radius: 0.1, gThreshold: 1e-3, tThreshold: 200 };
  test.each(SEEDS)('perturbed GD reaches a minimum (seed %i)', (seed) => {
    const r = runOne('doubleWell', { optimizer: 'pgd', params: pgdParams, start }, { maxSteps: 20_000, gradTol: 1e-6 }, seed);
    expect(r.stop.reason).toBe('gradTol');
    expect(r.stop.kind).toBe('minimum');
    expect(toMinimum(last(r))).toBeLessThan(1e-5);
    // The first kick comes exactly when the gradient first falls to gThreshold, near the saddle.
    const kick = r.perturbations?.[0] ?? -1;
    expect(kick).toBe(r.gradNorm.findIndex((n) => n <= 1e-3));
    expect(dist(r.points[kick], [0, 0])).toBeLessThan(1e-3);
    expect(dist(r.points[kick + 1], r.points[kick])).toBeLessThanOrEqual(0.1);
  });

  test('with tThreshold too short for the run to settle, PGD keeps kicking at the minimum', () => {
    const r = runOne('doubleWell', { optimizer: 'pgd', params: { ...pgdParams, tThreshold: 50 }, start }, { maxSteps: 5000, gradTol: 1e-6 }, SEEDS[0]);
    expect(r.stop.reason).toBe('maxSteps');
    expect(r.perturbations!.length).toBeGreaterThan(20);
  });

  test('the kicks are symmetric: both minima are reached over the seeds', () => {
    const ends = SEEDS.map((seed) =>
      Math.sign(last(runOne('doubleWell', { optimizer: 'pgd', params: pgdParams, start }, { maxSteps: 20_000, gradTol: 1e-6 }, seed))[1]),
    );
    expect(new Set(ends)).toEqual(new Set([1, -1]));
  });

  test.each(SEEDS.slice(0, 5))('noisy GD reaches a minimum (seed %i)', (seed) => {
    const r = runOne('doubleWell', { optimizer: 'noisySgd', params: { lr: 0.05, sigma: 0.01 }, start }, { maxSteps: 3000, gradTol: 0 }, seed);
    expect(r.stop.reason).toBe('maxSteps');
    expect(r.stop.kind).toBe('minimum');
    // The noise keeps it jittering around the minimum: about sigma sqrt(lr / 2) = 1.6e-3.
    expect(toMinimum(last(r))).toBeLessThan(0.02);
  });

  test.each(SEEDS.slice(0, 5))('SGD with gradient noise reaches a minimum (seed %i)', (seed) => {
    const r = runOne('doubleWell', { optimizer: 'sgd', params: { lr: 0.05 }, start, gradNoise: 0.01 }, { maxSteps: 3000, gradTol: 0 }, seed);
    expect(r.stop.kind).toBe('minimum');
    expect(toMinimum(last(r))).toBeLessThan(0.02);
  });

  test('cubic-regularized Newton reaches a minimum; plain Newton goes to the saddle', () => {
    const cubic = runOne('doubleWell', { optimizer: 'cubic', start }, { maxSteps: 1000, gradTol: 1e-10 });
    expect(cubic.stop.reason).toBe('gradTol');
    expect(cubic.stop.kind).toBe('minimum');
    expect(toMinimum(last(cubic))).toBeLessThan(1e-9);
    const newton = runOne('doubleWell', { optimizer: 'newton', start: [1.5, 0.3] }, { maxSteps: 1000, gradTol: 1e-10 });
    expect(newton.stop.reason).toBe('gradTol');
    expect(newton.stop.kind).toBe('saddle');
  });

  test('cubic Newton leaves the line y = 0 along the negative curvature', () => {
    // Near the saddle g = (x, 0) is orthogonal to the eigenvector (0, 1) of lambda = -1: the hard
    // case, s = (-x / 2, tau) with ||s|| = 2 * 1 / M. Gradient descent from here never leaves y = 0.
    const x0 = 1e-9;
    const r = runOne('doubleWell', { optimizer: 'cubic', params: { M: 10 }, start: [x0, 0] }, { maxSteps: 1, gradTol: 1e-300 });
    expect(r.points[1][0]).toBeCloseTo(x0 / 2, 20);
    expect(Math.abs(r.points[1][1])).toBeCloseTo(0.2, 14);
  });
});

describe('saddle x^2 - y^2', () => {
  const starts: [number, number][] = [[1.5, 0.05], [-3, 7], [0.1, -1e-3], [123.25, -0.5], [-1e-4, 2e4]];
  test.each(starts)('Newton lands exactly on the saddle in one step from (%d, %d)', (x, y) => {
    // gradTol 1e-300: stop exactly where the gradient vanishes (0 would disable the rule).
    const r = runOne('saddle', { optimizer: 'newton', start: [x, y] }, { maxSteps: 10, gradTol: 1e-300 });
    expect(r.points[1]).toEqual([0, 0]);
    expect(r.stop).toMatchObject({ reason: 'gradTol', step: 1, kind: 'saddle' });
  });
});

test('Newton lands exactly on the saddle of x^2 - y^2 from 100 random starts', () => {
  const rng = runStream(99, 0);
  for (let k = 0; k < 100; k++) {
    const start: [number, number] = [(rng.uniform() - 0.5) * 10 ** (6 * rng.uniform()), (rng.uniform() - 0.5) * 10 ** (6 * rng.uniform())];
    const r = runOne('saddle', { optimizer: 'newton', start }, { maxSteps: 10, gradTol: 1e-300 });
    expect(r.points[1]).toEqual([0, 0]);
  }
});

describe('himmelblau: each minimum from a start in its basin', () => {
  const basins: [[number, number], [number, number]][] = [
    [[3.5, 2.5], [3, 2]],
    [[-3, 3.5], [-2.805118, 3.131313]],
    [[-3.5, -3.5], [-3.77931, -3.283186]],
    [[3.5, -2.5], [3.584428, -1.848127]],
  ];
  test.each(basins)('from %j to %j', (start, minimum) => {
    const r = runOne('himmelblau', { optimizer: 'sgd', params: { lr: 0.01 }, start }, { maxSteps: 10_000, gradTol: 1e-9 });
    expect(r.stop.reason).toBe('gradTol');
    expect(r.stop.kind).toBe('minimum');
    expect(dist(last(r), minimum)).toBeLessThan(1e-6); // the catalogue's six decimals
  });
});
