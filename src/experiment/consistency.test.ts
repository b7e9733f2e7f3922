import { describe, expect, it } from 'vitest';
import { decodeExperiment } from './link/decode';
import { encodeExperiment } from './link/encode';
import { importExperimentJson } from './link/json';
import { trainCount } from './netSplit';
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
  it('accepts a network experiment with a batch up to the whole training set (100 samples: 80 train, 20 held out)', () => {
    expect(trainCount(100)).toBe(80);
    for (const batchSize of [0, 1, 50, 80]) expect(parseExperiment(network({}, { batchSize })).ok).toBe(true);
  });

  it.each([
    [network({}, { batchSize: 101 }), 'problem.batchSize', '101 is more than the 80 training samples (samples 100 less the 20 held out); use at most 80, or 0 for the full batch'],
    // issue 14, item 11: a batch over the training split but within samples ran as the full batch, silently
    [network({}, { batchSize: 81 }), 'problem.batchSize', '81 is more than the 80 training samples (samples 100 less the 20 held out); use at most 80, or 0 for the full batch'],
    [network({}, { batchSize: 100 }), 'problem.batchSize', '100 is more than the 80 training samples'],
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

  it('a link with a batch over the training split but within samples says so, and loads the full batch it ran', () => {
    const { experiment, problems } = decodeExperiment('v=1&data=moons&samples=1000&noise=0.1&hidden=8&act=tanh&batch=900&r0=adam,lr:0.01&steps=100&tol=0&seed=0');
    expect(experiment).toStrictEqual(network({}, { samples: 1000 }));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('problem.batchSize');
    expect(problems[0].message).toMatch(/^900 is more than the 800 training samples \(samples 1000 less the 200 held out\); use at most 800, or 0 for the full batch; using 0, the full batch$/);
  });
});
