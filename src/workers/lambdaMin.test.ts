// lambda_min along a path, computed in the worker from the objective's Hessian: on the double
// well (f = x^2/2 + (y^2 - 1)^2/4, Hessian diag(1, 3y^2 - 1)) a run started just off the saddle's
// line sits at lambda_min ~ -1 while y stays small and reaches +1 once it leaves for a minimum.
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/types';
import { createEngine } from '../optim/engine';
import { objectiveOf } from './objectiveCache';
import { chunkBuffers, lambdaMinAlong, withLambdaMin, type SurfaceChunk } from './session';

const EXP: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1.5, 1e-3] }], stop: { maxSteps: 400, gradTol: 1e-8 }, seed: 0 };

describe('lambda_min along a path', () => {
  it('is the smaller eigenvalue of the Hessian at each point', () => {
    const r = objectiveOf(EXP);
    if (!r.ok) throw new Error(r.message);
    const lm = lambdaMinAlong(new Float64Array([0, 0, 0, 1, 3, 2]), (x, y, h) => r.objective.hessian(x, y, h));
    expect(Array.from(lm)).toEqual([-1, 1, 1]);
  });

  it('every surface chunk carries it, one value a point, and its buffer is transferred', () => {
    const built = createEngine(EXP);
    const r = objectiveOf(EXP);
    if (!built.ok || !r.ok) throw new Error('no engine');
    const engine = withLambdaMin(built.engine, (x, y, h) => r.objective.hessian(x, y, h));
    const values: number[] = [];
    while (!engine.done) {
      const chunks = engine.advance(50) as SurfaceChunk[];
      for (const c of chunks) {
        expect(c.lambdaMin!.length).toBe(c.f.length);
        expect(chunkBuffers([c])).toContain(c.lambdaMin!.buffer);
        values.push(...c.lambdaMin!);
      }
    }
    expect(values[0]).toBeCloseTo(-1, 5); // at the start, beside the saddle's line
    expect(values.at(-1)).toBeCloseTo(1, 3); // at the minimum (0, 1): diag(1, 2)
    const firstPositive = values.findIndex((v) => v > 0);
    expect(firstPositive).toBeGreaterThan(10); // it sat near the saddle for a while first
  });
});
