import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { networkCsv } from './csv';
import { collectNetworkResults, createNetworkEngine, MAX_DENSE_HESSIAN_WEIGHTS, type NetworkEngine } from './engine';
import { networkExperiment } from './testNets';

function engineOf(exp: Experiment): NetworkEngine {
  const parsed = parseExperiment(exp);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const built = createNetworkEngine(parsed.value);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.engine;
}
const results = (exp: Experiment, chunk?: number) => collectNetworkResults(exp, engineOf(exp), chunk);

describe('network engine', () => {
  it('records L, ||grad L|| and the held-out loss at w_0..w_T; points stay empty', () => {
    const [r] = results(networkExperiment());
    expect(r.points).toEqual([]);
    expect(r.f.length).toBe(61);
    expect(r.gradNorm.length).toBe(61);
    expect(r.heldOutLoss.length).toBe(61);
    expect(r.stop).toMatchObject({ reason: 'maxSteps', step: 60 });
    expect(r.stop.hessianEigenvalues).toHaveLength(2);
    expect(r.stop.message).toMatch(/lambda_min = .*lambda_max = .*: /);
  });

  it('full-batch SGD takes w - lr * grad L', () => {
    const exp = networkExperiment({}, [{ optimizer: 'sgd', params: { lr: 0.5 } }], { maxSteps: 1, gradTol: 0 });
    const engine = engineOf(exp);
    const g = new Float64Array(engine.objective.dim);
    engine.objective.lossGrad(engine.init, g);
    engine.advance(5);
    expect(engine.step(0)).toBe(1);
    expect(engine.weights(0)).toEqual(engine.init.map((w, i) => w - 0.5 * g[i]));
  });

  it('is deterministic: the same experiment gives bit-identical numbers whatever the chunk size', () => {
    const exp = networkExperiment({ batchSize: 16 }, [{ optimizer: 'adam', params: { lr: 0.05 } }, { optimizer: 'noisySgd', params: { lr: 0.1, sigma: 0.05 } }]);
    const a = results(exp);
    expect(results(exp, 7)).toEqual(a);
    expect(results(structuredClone(exp))).toEqual(a);
    expect(results({ ...exp, seed: exp.seed + 1 })[0].f).not.toEqual(a[0].f);
  });

  it('races share the data, the initial weights and the minibatch order; runs do not disturb each other', () => {
    const adam = { optimizer: 'adam' as const, params: { lr: 0.05 } };
    const exp = networkExperiment({ batchSize: 10 }, [adam, { ...adam, label: 'twin' }]);
    const [a, b] = results(exp);
    expect(b.f).toEqual(a.f);
    const withNoise = results(networkExperiment({ batchSize: 10 }, [{ optimizer: 'noisySgd', params: { lr: 0.1, sigma: 0.5 } }, adam]));
    expect(withNoise[1].f).toEqual(a.f);
    expect(withNoise[0].f[0]).toBe(a.f[0]); // same initial weights, same data
  });

  it('minibatches change the path but the recorded loss and gradient stay full-batch', () => {
    const full = results(networkExperiment({ batchSize: 0 }))[0];
    const mini = results(networkExperiment({ batchSize: 8 }))[0];
    expect(mini.f[0]).toBe(full.f[0]);
    expect(mini.gradNorm[0]).toBe(full.gradNorm[0]);
    expect(mini.f[5]).not.toBe(full.f[5]);
  });

  it('Adam learns moons: the loss falls and most points are classified right', () => {
    const [r] = results(networkExperiment({ hidden: [8, 8], samples: 200 }, [{ optimizer: 'adam', params: { lr: 0.03 } }], { maxSteps: 300, gradTol: 0 }));
    expect(r.f.at(-1)!).toBeLessThan(0.5 * r.f[0]);
    expect(r.accuracy.at(-1)!).toBeGreaterThan(0.85);
    expect(r.heldOutAccuracy.at(-1)!).toBeGreaterThan(0.8);
  });

  it('stops at the first step whose full-batch ||grad L|| <= eps, with a verdict', () => {
    const exp = networkExperiment({ hidden: [], noise: 0.6, regularization: { l2: 0.05 } }, [{ optimizer: 'sgd', params: { lr: 1, momentum: 0.5 } }], { maxSteps: 5000, gradTol: 1e-6 });
    const [r] = results(exp);
    expect(r.stop.reason).toBe('gradTol');
    expect(r.gradNorm.at(-1)!).toBeLessThanOrEqual(1e-6);
    expect(r.gradNorm.slice(0, -1).every((g) => g > 1e-6)).toBe(true);
    // L2-regularized logistic regression is strictly convex: a minimum.
    expect(r.stop.kind).toBe('minimum');
    expect(r.stop.hessianEigenvalues![0]).toBeGreaterThanOrEqual(0.05 * (1 - 1e-9));
    expect(r.stop.message).toMatch(/^\|\|grad L\|\| = .* <= eps = 1e-6 at step \d+, lambda_min = .*: a minimum$/);
  });

  it('reports divergence with the last finite weights and the curvature hint', () => {
    const exp = networkExperiment({ hidden: [4] }, [{ optimizer: 'sgd', params: { lr: 1e6, momentum: 0.9 } }], { maxSteps: 100, gradTol: 0 });
    const engine = engineOf(exp);
    const [r] = collectNetworkResults(exp, engine);
    expect(r.stop.reason).toBe('diverged');
    expect(r.f.every(Number.isFinite)).toBe(true);
    expect(r.stop.step).toBe(r.f.length - 1);
    expect(engine.weights(0).every((w) => Math.abs(w) <= 1e6)).toBe(true);
    expect(r.stop.message).toMatch(/diverged at step \d+: .*Hint: lr = 1e\+6 > 2 \/ lambda_max/);
  });

  it('runs Newton on a small network and refuses it on a large one', () => {
    const [r] = results(networkExperiment({ hidden: [3] }, [{ optimizer: 'newton', params: { lr: 0.5, damping: 0.1 } }], { maxSteps: 5, gradTol: 0 }));
    expect(r.f.at(-1)!).toBeLessThan(r.f[0]);
    const big = createNetworkEngine(networkExperiment({ hidden: [32, 32] }, [{ optimizer: 'adam' }, { optimizer: 'cubic' }]));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.errors).toEqual([{ path: 'runs[1].optimizer', message: expect.stringContaining(`limited to ${MAX_DENSE_HESSIAN_WEIGHTS} weights`) }]);
  });

  it('rejects a surface problem', () => {
    const built = createNetworkEngine({ ...networkExperiment(), problem: { kind: 'surface', id: 'saddle' } });
    expect(built.ok).toBe(false);
  });
});

describe('network CSV', () => {
  it('writes one row per recorded step with every series', () => {
    const rs = results(networkExperiment({}, undefined, { maxSteps: 3, gradTol: 0 }));
    const csv = networkCsv(rs.map((r) => ({ ...r, length: r.f.length })));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('step,run,loss,gradNorm,heldOutLoss,accuracy,heldOutAccuracy,evals');
    expect(lines).toHaveLength(5);
    // one evaluation a step before step 3
    expect(lines[4].split(',').map(Number)).toEqual([3, 0, rs[0].f[3], rs[0].gradNorm[3], rs[0].heldOutLoss[3], rs[0].accuracy[3], rs[0].heldOutAccuracy[3], 3]);
  });
});
