import { describe, expect, it } from 'vitest';
import { decodeExperiment } from './link/decode';
import { encodeExperiment } from './link/encode';
import { importExperimentJson } from './link/json';
import { parseExperiment } from './parse';
import type { Experiment, NetworkProblem } from './types';

const problem: NetworkProblem = { kind: 'network', dataset: 'moons', samples: 100, noise: 0.1, hidden: [8], activation: 'tanh', batchSize: 0 };
const network = (patch: Partial<Experiment> = {}, problemPatch: Partial<NetworkProblem> = {}): Experiment => ({
  v: 1,
  problem: { ...problem, ...problemPatch },
  runs: [{ optimizer: 'adam', params: { lr: 0.01 } }],
  stop: { maxSteps: 100, gradTol: 0 },
  seed: 0,
  ...patch,
});

describe('rules between parts of an experiment', () => {
  it('accepts a network experiment with a batch up to the whole data set', () => {
    for (const batchSize of [0, 1, 50, 100]) expect(parseExperiment(network({}, { batchSize })).ok).toBe(true);
  });

  it.each([
    [network({}, { batchSize: 101 }), 'problem.batchSize', 'must be at most samples (100), or 0 for the full batch (got 101)'],
    [network({ runs: [{ optimizer: 'sgd' }, { optimizer: 'adam', start: [1, 2] }] }), 'runs[1].start', 'a network run has no start point'],
    [network({ view: { x: [0, 1], y: [0, 1] } }), 'view', 'a network problem has no view window'],
  ])('refuses what a network would ignore: %#', (exp, path, message) => {
    const r = parseExperiment(exp);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].path).toBe(path);
    expect(r.errors[0].message).toContain(message);
  });

  it('still lets a surface run have a start and a view', () => {
    const r = parseExperiment({ v: 1, problem: { kind: 'surface', id: 'booth' }, runs: [{ optimizer: 'sgd', start: [1, 2] }], view: { x: [0, 1], y: [0, 1] } });
    expect(r.ok).toBe(true);
  });

  it('a link or file with them loads as it ran before (full batch, start and view ignored), saying so', () => {
    const hostile = network({ runs: [{ optimizer: 'adam', params: { lr: 0.01 }, start: [1, 2] }], view: { x: [0, 1], y: [0, 1] } }, { batchSize: 500 });
    const expected = network();
    const fromLink = decodeExperiment(`v=1&data=moons&samples=100&noise=0.1&hidden=8&act=tanh&batch=500&r0=adam,lr:0.01,start:1;2&steps=100&tol=0&seed=0&view=0;1;0;1`);
    const fromJson = importExperimentJson(JSON.stringify(hostile));
    for (const { experiment, problems } of [fromLink, fromJson]) {
      expect(experiment).toStrictEqual(expected);
      expect(problems.map((p) => p.field).sort()).toStrictEqual(['problem.batchSize', 'runs[0].start', 'view']);
      expect(problems.find((p) => p.field === 'problem.batchSize')?.message).toMatch(/; using 0, the full batch$/);
    }
    expect(decodeExperiment(encodeExperiment(expected))).toStrictEqual({ experiment: expected, problems: [] });
  });
});
