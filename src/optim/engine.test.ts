import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { collectResults, createEngine } from './engine';

function experiment(patch: Partial<Experiment> = {}): Experiment {
  const r = parseExperiment({
    v: 1,
    problem: { kind: 'surface', id: 'rosenbrock' },
    runs: [{ optimizer: 'sgd', params: { lr: 1e-3 }, start: [-1.5, 1.5] }],
    stop: { maxSteps: 300, gradTol: 0 },
    seed: 7,
    ...patch,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function run(exp: Experiment) {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectResults(exp, built.engine);
}

describe('engine', () => {
  it('plain gradient descent takes x - lr * grad f each step', () => {
    const [r] = run(experiment({ stop: { maxSteps: 1, gradTol: 0 } }));
    // grad of Rosenbrock at (-1.5, 1.5): (-2(1-x) - 400x(y - x^2), 200(y - x^2)) = (-455, -150)
    expect(r.points).toEqual([
      [-1.5, 1.5],
      [-1.5 - 1e-3 * -455, 1.5 - 1e-3 * -150],
    ]);
    expect(r.stop.reason).toBe('maxSteps');
    expect(r.stop.step).toBe(1);
  });

  it('records x_0..x_T with f and ||grad f|| at each point', () => {
    const [r] = run(experiment());
    expect(r.points.length).toBe(301);
    expect(r.f.length).toBe(301);
    expect(r.gradNorm.length).toBe(301);
    expect(r.f[0]).toBeCloseTo(62.5, 12);
  });

  it('gives the same numbers whatever the chunk size', () => {
    const exp = experiment({ stop: { maxSteps: 500, gradTol: 0 } });
    const built = createEngine(exp);
    if (!built.ok) throw new Error();
    const byOne = collectResults(exp, built.engine, 1);
    expect(byOne).toEqual(run(exp));
  });

  it('stops with gradTol at the first step where ||grad f|| <= eps and classifies the point', () => {
    const [r] = run(experiment({ runs: [{ optimizer: 'sgd', params: { lr: 1.5e-3 }, start: [0.9, 0.8] }], stop: { maxSteps: 100000, gradTol: 1e-6 } }));
    expect(r.stop.reason).toBe('gradTol');
    expect(r.gradNorm[r.stop.step]).toBeLessThanOrEqual(1e-6);
    expect(r.gradNorm.slice(0, -1).every((g) => g > 1e-6)).toBe(true);
    expect(r.stop.kind).toBe('minimum');
    expect(r.points.at(-1)![0]).toBeCloseTo(1, 4);
  });

  it('reports divergence with the last finite point and the curvature hint', () => {
    const [r] = run(experiment({ runs: [{ optimizer: 'sgd', params: { lr: 1 } }] }));
    expect(r.stop.reason).toBe('diverged');
    expect(r.points.flat().every(Number.isFinite)).toBe(true);
    expect(r.points.length).toBe(r.stop.step + 1);
    expect(r.stop.message).toMatch(/diverged at step \d+/);
    expect(r.stop.message).toMatch(/lr = 1 > 2 \/ lambda_max/);
  });

  it('doubleWell: gradient descent on y = 0 stops at the saddle', () => {
    const [r] = run(
      experiment({ problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1.5, 0] }], stop: { maxSteps: 5000, gradTol: 1e-6 } }),
    );
    expect(r.stop.reason).toBe('gradTol');
    expect(r.stop.kind).toBe('saddle');
    expect(r.stop.hessianEigenvalues).toEqual([-1, 1]);
  });

  it('adds regularization to the objective', () => {
    const plain = run(experiment({ stop: { maxSteps: 0 + 1, gradTol: 0 } }))[0];
    const reg = run(experiment({ problem: { kind: 'surface', id: 'rosenbrock', regularization: { l1: 1, l2: 2 } }, stop: { maxSteps: 1, gradTol: 0 } }))[0];
    // f + l1(|x| + |y|) + l2/2 (x^2 + y^2) at (-1.5, 1.5)
    expect(reg.f[0]).toBeCloseTo(plain.f[0] + 3 + 4.5, 12);
  });

  it('is deterministic: the same experiment gives bit-identical results', () => {
    const exp = experiment({ runs: [{ optimizer: 'sgd', params: { lr: 1e-3 }, gradNoise: 0.5 }, { optimizer: 'sgd', params: { lr: 1e-3 }, gradNoise: 0.5 }] });
    const a = run(exp);
    expect(run(exp)).toEqual(a);
    // each run has its own stream: two identical runs with noise still differ
    expect(a[0].points[5]).not.toEqual(a[1].points[5]);
  });

  it("adding a run never changes another run's numbers", () => {
    const one = run(experiment({ runs: [{ optimizer: 'sgd', params: { lr: 1e-3 }, gradNoise: 0.5 }] }));
    const two = run(experiment({ runs: [{ optimizer: 'sgd', params: { lr: 1e-3 }, gradNoise: 0.5 }, { optimizer: 'sgd', gradNoise: 1 }] }));
    expect(two[0]).toEqual(one[0]);
  });
});
