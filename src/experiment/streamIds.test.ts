// Run stream ids: the app's add, duplicate, remove and move keep every other run's id, new runs
// take the smallest unused one, and the ids travel in links; a run without an id keeps its index
// (old links). The engines' side (the numbers) is src/optim/runStreams.test.ts.
import { describe, expect, it } from 'vitest';
import { decodeExperiment } from './link/decode';
import { encodeExperiment } from './link/encode';
import { parseExperiment } from './parse';
import { addRun, duplicateRun, moveRun, removeRun, runStreamId, sharedStreams, smallestUnusedStream, withStreamIds } from './streamIds';
import type { Experiment, Run } from './types';

const sgd: Run = { optimizer: 'sgd', params: { lr: 0.1 }, gradNoise: 0.5 };
const pgd: Run = { optimizer: 'pgd' };
const noisy: Run = { optimizer: 'noisySgd' };
const ids = (runs: Run[]) => runs.map(runStreamId);

describe('stream ids of the run list', () => {
  it('a run without an id has its index; with one, its id', () => {
    expect(ids([sgd, pgd, { ...noisy, stream: 7 }])).toEqual([0, 1, 7]);
    expect(withStreamIds([sgd, pgd])).toEqual([{ ...sgd, stream: 0 }, { ...pgd, stream: 1 }]);
  });

  it('removing a run keeps the others\' ids (by index they would shift down)', () => {
    const runs = removeRun([sgd, pgd, noisy], 0);
    expect(runs.map((r) => r.optimizer)).toEqual(['pgd', 'noisySgd']);
    expect(ids(runs)).toEqual([1, 2]);
  });

  it('adding takes the smallest unused id, the gap a removal left included', () => {
    const runs = addRun(removeRun([sgd, pgd, noisy], 1), { optimizer: 'adam' });
    expect(ids(runs)).toEqual([0, 2, 1]);
    expect(smallestUnusedStream([{ stream: 3 }, {}])).toBe(0);
    expect(smallestUnusedStream([{}, {}, { stream: 0 }])).toBe(2);
  });

  it('a duplicate is the same run on a NEW stream, right after its original', () => {
    const runs = duplicateRun([sgd, pgd, noisy], 0);
    expect(runs.map((r) => r.optimizer)).toEqual(['sgd', 'sgd', 'pgd', 'noisySgd']);
    expect(ids(runs)).toEqual([0, 3, 1, 2]);
    expect({ ...runs[1], stream: 0 }).toEqual(runs[0]);
  });

  it('moving a run keeps every id', () => {
    expect(ids(moveRun([sgd, pgd, noisy], 2, 0))).toEqual([2, 0, 1]);
  });

  it('two runs on one stream are refused by the schema, repaired by the link reader', () => {
    const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ ...sgd, stream: 1 }, pgd], stop: { maxSteps: 10, gradTol: 0 }, seed: 0 };
    expect(sharedStreams(exp.runs)).toEqual([{ index: 1, first: 0, id: 1 }]);
    const parsed = parseExperiment(exp);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatchObject({ path: 'runs[1].stream' });
    const decoded = decodeExperiment(encodeExperiment(exp));
    expect(ids(decoded.experiment.runs)).toEqual([1, 0]);
    expect(decoded.problems.map((p) => p.field)).toEqual(['runs[1].stream']);
  });
});

describe('stream ids in links', () => {
  const base: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [sgd, pgd, noisy], stop: { maxSteps: 100, gradTol: 0 }, seed: 4 };
  const roundTrip = (exp: Experiment) => decodeExperiment(encodeExperiment(exp));

  it.each([
    ['removal', removeRun(base.runs, 0)],
    ['reordering', moveRun(base.runs, 0, 2)],
    ['duplication', duplicateRun(base.runs, 1)],
    ['addition', addRun(base.runs, { optimizer: 'adam' })],
  ])('after %s, the link carries every id', (_name, runs) => {
    const decoded = roundTrip({ ...base, runs });
    expect(decoded.problems).toEqual([]);
    expect(decoded.experiment.runs).toEqual(runs);
    expect(encodeExperiment({ ...base, runs })).toMatch(/stream:\d/);
  });

  it('a link without ids writes none and reads none (old links keep their numbers)', () => {
    const link = encodeExperiment(base);
    expect(link).not.toMatch(/stream/);
    expect(roundTrip(base).experiment.runs.every((r) => r.stream === undefined)).toBe(true);
  });
});
