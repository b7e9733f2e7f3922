// The verdicts with the second-order stopping rule on state both tests (the gradient's and
// lambda_min >= -sqrt(rho eps)), with rho, and which held.
import { describe, expect, it } from 'vitest';
import type { Experiment, RunStop } from '../experiment/types';
import { networkVerdict } from '../nets/verdict';
import { collectResults, createEngine } from './engine';
import { describeStop } from './verdict';

const stopAt = (reason: RunStop['reason'], eig: [number, number] | null, kind: RunStop['kind']): RunStop => ({ reason, step: 40, kind, hessianEigenvalues: eig });
const rule = { rho: 1 };

describe('describeStop with stop.secondOrder', () => {
  it('gradTol: both tests held', () => {
    expect(describeStop(stopAt('gradTol', [0.5, 2], 'minimum'), 1e-4, 5e-5, rule)).toBe(
      '||grad f|| <= 1e-4 and lambda_min = 0.5 >= -sqrt(rho eps) = -0.01 (rho = 1): holds at step 40: an (eps, sqrt(rho eps))-second-order stationary point, at a minimum (lambda = 0.5, 2)',
    );
  });

  it('maxSteps at an eps-stationary saddle: the gradient test held, the curvature test failed', () => {
    expect(describeStop(stopAt('maxSteps', [-1, 1], 'saddle'), 1e-4, 0, { rho: 4 })).toBe(
      'no (eps, sqrt(rho eps))-second-order stationary point within 40 steps: ||grad f|| = 0 <= eps = 1e-4 holds, but lambda_min = -1 < -sqrt(rho eps) = -0.02 (rho = 4): fails; at a saddle (lambda = -1, 1)',
    );
  });

  it('maxSteps away from stationarity: the gradient test failed, the curvature test is said too', () => {
    expect(describeStop(stopAt('maxSteps', [0.5, 2], 'minimum'), 1e-4, 0.3, rule)).toBe(
      'no (eps, sqrt(rho eps))-second-order stationary point within 40 steps: not stationary (||grad f|| = 0.3 > eps = 1e-4); the Hessian here is positive definite (lambda = 0.5, 2); second-order test: lambda_min = 0.5 >= -sqrt(rho eps) = -0.01 (rho = 1): holds',
    );
  });

  it('eps = 0 turns both tests off: the sentence of the first-order rule', () => {
    expect(describeStop(stopAt('maxSteps', [0.5, 2], 'minimum'), 0, 0.3, rule)).toBe(describeStop(stopAt('maxSteps', [0.5, 2], 'minimum'), 0, 0.3));
  });

  it('a Hessian that is not finite cannot pass', () => {
    expect(describeStop(stopAt('maxSteps', null, null), 1e-4, 0, rule)).toMatch(/holds, but lambda_min >= -sqrt\(rho eps\) = -0\.01 \(rho = 1\) cannot be tested: the Hessian is not finite there/);
  });
});

describe('networkVerdict with stop.secondOrder', () => {
  it('gradTol', () => {
    expect(networkVerdict(stopAt('gradTol', [-2e-4, 0.4], 'saddle'), 5e-7, 1e-6, { rho: 100 })).toBe(
      '||grad L|| = 5e-7 <= eps = 1e-6 and lambda_min = -2e-4 >= -sqrt(rho eps) = -0.01 (rho = 100): holds at step 40: an (eps, sqrt(rho eps))-second-order stationary point, lambda_min = -2e-4, lambda_max = 0.4: a saddle',
    );
  });

  it('maxSteps with the curvature test failing', () => {
    expect(networkVerdict(stopAt('maxSteps', [-0.035, 0.25], 'saddle'), 0, 1e-3, { rho: 0.1 })).toBe(
      'no (eps, sqrt(rho eps))-second-order stationary point within 40 steps: ||grad L|| = 0 <= eps = 0.001 holds, but lambda_min = -0.035 < -sqrt(rho eps) = -0.01 (rho = 0.1): fails; lambda_min = -0.035, lambda_max = 0.25: a saddle',
    );
  });
});

it('on the engine: the double well from (1, 2^-20) passes the saddle and its verdict says the minimum', () => {
  const exp = (secondOrder?: { rho: number }): Experiment => ({
    v: 1,
    problem: { kind: 'surface', id: 'doubleWell' },
    runs: [{ optimizer: 'sgd', params: { lr: 0.5 }, start: [1, 2 ** -20] }],
    stop: { maxSteps: 200, gradTol: 1e-3, ...(secondOrder ? { secondOrder } : {}) },
    seed: 0,
  });
  const verdict = (e: Experiment) => {
    const built = createEngine(e);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const [r] = collectResults(e, built.engine);
    return describeStop(r.stop, e.stop.gradTol, r.gradNorm.at(-1)!, e.stop.secondOrder);
  };
  expect(verdict(exp())).toMatch(/^\|\|grad f\|\| <= 0.001 at step 10, at a saddle/);
  expect(verdict(exp({ rho: 1 }))).toMatch(/^\|\|grad f\|\| <= 0.001 and lambda_min = 1 >= -sqrt\(rho eps\) = -0\.03162 \(rho = 1\): holds at step 37: an \(eps, sqrt\(rho eps\)\)-second-order stationary point, at a minimum/);
});
