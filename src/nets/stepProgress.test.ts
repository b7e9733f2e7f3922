// The progress a dense-Hessian step reports (NetRunConfig.onProgress, denseHessian's onColumn):
// it only reads, so every number is the same bits with or without a listener.
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { collectNetworkResults, createNetworkEngine, type StepProgress } from './engine';
import { networkExperiment, tinyObjective } from './testNets';

function results(exp: Experiment, onProgress?: (p: StepProgress) => void) {
  const parsed = parseExperiment(exp);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const built = createNetworkEngine(parsed.value, onProgress ? { onProgress } : {});
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectNetworkResults(parsed.value, built.engine, 1);
}

describe('denseHessian progress', () => {
  it('reports every column in order, the last one as done = total, and changes no bit', () => {
    const { objective, w, data } = tinyObjective('tanh', [4, 3], { l2: 0.01 });
    const plain = new Float64Array(objective.dim * objective.dim);
    objective.denseHessian(w, plain);
    const watched = new Float64Array(objective.dim * objective.dim);
    const calls: [number, number][] = [];
    objective.denseHessian(w, watched, null, data.train.count, (done, total) => calls.push([done, total]));
    expect(calls.map(([d]) => d)).toEqual(Array.from({ length: objective.dim }, (_, j) => j + 1));
    expect(calls.every(([, t]) => t === objective.dim)).toBe(true);
    expect(Array.from(watched)).toEqual(Array.from(plain));
    expect(Object.is(watched[0], plain[0])).toBe(true);
  });
});

describe('a network run reports how far each dense-Hessian step is', () => {
  const newton = { optimizer: 'newton' as const, params: { lr: 0.5, damping: 0.1 } };
  const adam = { optimizer: 'adam' as const, params: { lr: 0.05 } };
  const exp = networkExperiment({ hidden: [3] }, [newton, adam, { optimizer: 'saddleFreeNewton', params: { lr: 0.5 } }], { maxSteps: 4, gradTol: 0 });

  it('per step: Hessian fractions rising to 1, then the update; only the dense-Hessian runs report', () => {
    const seen: StepProgress[] = [];
    results(exp, (p) => seen.push({ ...p }));
    expect(new Set(seen.map((p) => p.run))).toEqual(new Set([0, 2]));
    for (const run of [0, 2]) {
      const mine = seen.filter((p) => p.run === run);
      expect([...new Set(mine.map((p) => p.step))]).toEqual([1, 2, 3, 4]);
      for (const step of [1, 2, 3, 4]) {
        const inStep = mine.filter((p) => p.step === step);
        const hessian = inStep.filter((p) => p.phase === 'hessian').map((p) => p.fraction);
        for (let i = 1; i < hessian.length; i++) expect(hessian[i]).toBeGreaterThan(hessian[i - 1]);
        expect(hessian[0]).toBeGreaterThan(0);
        expect(hessian.at(-1)).toBe(1);
        expect(inStep.at(-1)).toEqual({ run, step, phase: 'update', fraction: 0 });
        expect(inStep.filter((p) => p.phase === 'update')).toHaveLength(1);
      }
    }
  });

  it('gives the same results, bit for bit, with or without a listener', () => {
    const plain = results(exp);
    const watched = results(exp, () => undefined);
    expect(watched).toEqual(plain);
    expect(watched[0].f.at(-1)).toBe(plain[0].f.at(-1));
    expect(watched[2].gradNorm.at(-1)).toBe(plain[2].gradNorm.at(-1));
  });
});
