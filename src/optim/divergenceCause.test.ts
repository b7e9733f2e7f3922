// Issue 14, item 7: a step that turns a finite point into NaN through a division by zero in the
// optimizer (eps = 0 at a zero gradient coordinate; a singular Newton system) is said as such,
// and the learning rate is not blamed.
import { describe, expect, it } from 'vitest';
import type { Experiment, OptimizerId, Run } from '../experiment/types';
import { createNetworkEngine } from '../nets/engine';
import { NetRun } from '../nets/netRun';
import { collectResults, createEngine } from './engine';
import { OPTIMIZERS } from './optimizers';
import { resolveParams } from './optimizers/params';
import { runStream } from './rng';

function surfaceStop(run: Run, expr?: string) {
  const exp: Experiment = { v: 1, problem: expr ? { kind: 'surface', expr } : { kind: 'surface', id: 'doubleWell' }, runs: [run], stop: { maxSteps: 100, gradTol: 1e-6 }, seed: 0 };
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectResults(exp, built.engine)[0].stop;
}

describe('eps = 0 at a coordinate whose gradient is 0 (y = 0 on the double well)', () => {
  it.each<[OptimizerId, string]>([
    ['adagrad', 'Adagrad'],
    ['rmsprop', 'RMSprop'],
    ['adadelta', 'Adadelta'],
    ['adam', 'Adam'],
    ['adamw', 'AdamW'],
    ['adamax', 'Adamax'],
    ['nadam', 'NAdam'],
  ])('%s: says the division by zero, not the learning rate', (optimizer, name) => {
    const stop = surfaceStop({ optimizer, params: { lr: 0.01, eps: 0 }, start: [1.5, 0] });
    expect(stop.reason).toBe('diverged');
    expect(stop.message).toMatch(new RegExp(`^diverged at step \\d+: ${name} divided by zero: with eps = 0, coordinate y, where the gradient is exactly 0, has a zero squared-gradient state, so its step is 0/0 = NaN \\(set eps > 0; the default is [0-9.e-]+\\); last finite point \\(`));
    expect(stop.message).not.toMatch(/Hint: lr/);
  });

  it('with eps > 0 the same run does not diverge', () => {
    expect(surfaceStop({ optimizer: 'adagrad', params: { lr: 0.01 }, start: [1.5, 0] }).reason).not.toBe('diverged');
  });

  it('a real learning-rate divergence keeps its hint', () => {
    expect(surfaceStop({ optimizer: 'sgd', params: { lr: 5 }, start: [1.5, 0.5] }).message).toMatch(/Hint: lr = 5 > 2 \/ lambda_max/);
  });
});

it('newton at a singular Hessian: the system has no solution', () => {
  // x^2 + y^3 at (1, 0): H = diag(2, 0)
  const stop = surfaceStop({ optimizer: 'newton', params: { lr: 1 }, start: [1, 0] }, 'x^2 + y^3');
  expect(stop.reason).toBe('diverged');
  expect(stop.message).toMatch(/^diverged at step 1: Newton's system \(H \+ damping I\) d = grad f has no solution: H \+ damping I is singular/);
  expect(stop.message).not.toMatch(/Hint: lr/);
});

it('a network run with eps = 0 at weights whose gradient is 0: names the weight', () => {
  // From all-zero weights every hidden unit is 0, so the hidden weights' gradients are exactly 0
  // and Adagrad with eps = 0 divides 0 by 0 at the first step.
  const exp: Experiment = {
    v: 1,
    problem: { kind: 'network', dataset: 'xor', samples: 40, noise: 0.1, hidden: [2], activation: 'tanh', batchSize: 0 },
    runs: [{ optimizer: 'adagrad', params: { lr: 0.01, eps: 0 } }],
    stop: { maxSteps: 50, gradTol: 0 },
    seed: 3,
  };
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const { objective } = built.engine;
  const run = new NetRun({
    index: 0,
    run: exp.runs[0],
    objective,
    def: OPTIMIZERS.adagrad!,
    params: resolveParams('adagrad', exp.runs[0].params),
    init: new Float64Array(objective.dim),
    maxSteps: 50,
    gradTol: 0,
    batchSize: 0,
    seed: 3,
    rng: runStream(3, 0),
  });
  while (!run.done) run.advance(10);
  expect(run.stop).toMatchObject({ reason: 'diverged', step: 0 });
  expect(run.stop!.message).toMatch(/^diverged at step 1: Adagrad divided by zero: with eps = 0, coordinate weight 0, where the gradient is exactly 0, has a zero squared-gradient state/);
  expect(run.stop!.message).not.toMatch(/Hint: lr/);
});
