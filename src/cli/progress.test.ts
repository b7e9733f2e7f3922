import { expect, it } from 'vitest';
import { createEngine } from '../optim/engine';
import type { Experiment } from '../experiment/types';
import { chunkStepsFor, withProgress } from './progress';
import { CHUNK_STEPS, gatherRuns } from './stream';

it('progress: the share of steps done, a stopped run counting as done, ending at 1', () => {
  const exp: Experiment = {
    v: 1,
    problem: { kind: 'surface', id: 'booth' },
    runs: [{ optimizer: 'sgd', params: { lr: 0.05 } }, { optimizer: 'sgd', params: { lr: 1e-6 } }],
    stop: { maxSteps: 99, gradTol: 1e-3 },
    seed: 0,
  };
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const seen: number[] = [];
  gatherRuns(exp, withProgress(built.engine, 2, 99, (f) => seen.push(f)), 10);
  expect(seen.length).toBe(10);
  // run 0 stops (gradTol) within its first chunk of 10 steps: all its 100 counted; run 1 has 10
  expect(seen[0]).toBeCloseTo((100 + 10) / 200, 12);
  expect(seen[1]).toBeCloseTo((100 + 20) / 200, 12);
  expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  expect(seen.at(-1)).toBe(1);
});

it('a slow step gets small chunks, a fast one the usual', () => {
  expect(chunkStepsFor(10)).toBe(1);
  expect(chunkStepsFor(0.01)).toBe(50);
  expect(chunkStepsFor(1e-7)).toBe(CHUNK_STEPS);
});
