// experiment-v1.md: "adding or removing a run never changes another run's numbers". Runs draw
// from the stream of their id (streamIds.ts), so after the app's removal, reordering or
// duplication every run that stays computes the same path, bit for bit, on both engines; and an
// experiment whose runs have no ids computes exactly what it did when streams were keyed by index.
import { describe, expect, it } from 'vitest';
import { duplicateRun, moveRun, removeRun } from '../experiment/streamIds';
import type { Experiment, Run } from '../experiment/types';
import { collectNetworkResults, createNetworkEngine } from '../nets/engine';
import { collectResults, createEngine } from './engine';
import { runStream } from './rng';

// three runs that draw random numbers: gradient noise, pgd's kicks, noisy GD's noise
const RUNS: Run[] = [
  { optimizer: 'sgd', params: { lr: 0.1 }, gradNoise: 0.3, start: [0, 0] },
  { optimizer: 'pgd', params: { lr: 0.1, radius: 0.1, gThreshold: 0.5, tThreshold: 3 }, start: [0, 0] },
  { optimizer: 'noisySgd', params: { lr: 0.1, sigma: 0.2 }, start: [0, 0] },
];
const surfaceExp = (runs: Run[]): Experiment => ({ v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs, stop: { maxSteps: 60, gradTol: 0 }, seed: 11 });
const netExp = (runs: Run[]): Experiment => ({
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 40, noise: 0.1, hidden: [3], activation: 'tanh', batchSize: 0 },
  runs: runs.map(({ start: _, ...r }) => r),
  stop: { maxSteps: 15, gradTol: 0 },
  seed: 11,
});

function surfacePaths(runs: Run[]): number[][] {
  const exp = surfaceExp(runs);
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectResults(exp, built.engine).map((r) => [...r.points.flat(), ...r.f]);
}

function netPaths(runs: Run[]): number[][] {
  const exp = netExp(runs);
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectNetworkResults(exp, built.engine).map((r) => r.f);
}

describe.each([
  ['surface engine', surfacePaths],
  ['network engine', netPaths],
])('%s: runs keep their numbers', (_name, paths) => {
  const before = paths(RUNS);

  it('the three runs draw different numbers (the test can see a change of stream)', () => {
    expect(new Set(before.map((p) => JSON.stringify(p))).size).toBe(3);
  });

  it('removing run 0 leaves runs 1 and 2 as they were', () => {
    expect(paths(removeRun(RUNS, 0))).toEqual([before[1], before[2]]);
  });

  it('reordering moves the paths with the runs', () => {
    expect(paths(moveRun(RUNS, 2, 0))).toEqual([before[2], before[0], before[1]]);
  });

  it('a duplicate leaves the others alone and draws its own numbers', () => {
    const after = paths(duplicateRun(RUNS, 0));
    expect([after[0], after[2], after[3]]).toEqual(before);
    expect(after[1]).not.toEqual(before[0]);
  });
});

it('runs without ids draw from the stream of their index, as before ids existed', () => {
  // run 1's noise: the stream of (seed, 1); with id 5 the stream of (seed, 5)
  const noisy = (stream?: number): Run => ({ optimizer: 'noisySgd', params: { lr: 0.1, sigma: 0.2 }, start: [0, 0], ...(stream === undefined ? {} : { stream }) });
  const [, implicit] = surfacePaths([RUNS[0], noisy()]);
  const [, pinned] = surfacePaths([RUNS[0], noisy(1)]);
  const [, five] = surfacePaths([RUNS[0], noisy(5)]);
  expect(pinned).toEqual(implicit);
  expect(five).not.toEqual(implicit);
  // and the stream itself is the one runStream(seed, index) always gave
  expect(runStream(11, 1).uniform()).not.toBe(runStream(11, 5).uniform());
});
