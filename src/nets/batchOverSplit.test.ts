// Issue 14, item 11: a minibatch is drawn from the training set only (80% of the samples,
// src/experiment/netSplit.ts), so a batch over it was silently the full batch. The rules now
// refuse such a batch and the lenient decoders load it as batchSize 0; this checks that the
// repair is exactly what ran before: the engine (which takes an experiment without the
// cross-field rules) gives bit-identical numbers for the old batch and for 0.
import { expect, it } from 'vitest';
import { decodeExperiment } from '../experiment/link/decode';
import { trainCount } from '../experiment/netSplit';
import type { Experiment, Run } from '../experiment/types';
import { collectNetworkResults, createNetworkEngine } from './engine';
import { networkExperiment } from './testNets';

function run(exp: Experiment) {
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectNetworkResults(exp, built.engine);
}

it('a batch over the training set (but within samples) runs as the full batch, which the lenient repair loads', () => {
  const samples = 80;
  const runs: Run[] = [{ optimizer: 'sgd', params: { lr: 0.3 } }, { optimizer: 'noisySgd', params: { lr: 0.1, sigma: 0.05 } }];
  const full = run(networkExperiment({ samples, batchSize: 0 }, runs, { maxSteps: 30, gradTol: 0 }));
  for (const batchSize of [trainCount(samples), trainCount(samples) + 1, samples]) {
    expect(run(networkExperiment({ samples, batchSize }, runs, { maxSteps: 30, gradTol: 0 }))).toStrictEqual(full);
  }
  // one example under it is a real minibatch: different numbers
  expect(run(networkExperiment({ samples, batchSize: trainCount(samples) - 1 }, runs, { maxSteps: 30, gradTol: 0 }))[0].f).not.toEqual(full[0].f);
  const decoded = decodeExperiment(`v=1&data=moons&samples=${samples}&noise=0.1&hidden=6&act=tanh&batch=${samples}&r0=sgd,lr:0.3&steps=30&tol=0&seed=3`);
  expect(decoded.experiment.problem).toMatchObject({ kind: 'network', samples, batchSize: 0 });
  expect(decoded.problems.map((p) => p.field)).toEqual(['problem.batchSize']);
});
