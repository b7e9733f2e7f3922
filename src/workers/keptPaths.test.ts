// The engine worker's PCA plane (KeptPaths, fed by the streamed chunks) is the page's former one:
// pathPca of the same points, bit for bit, and each path's projection on it is planeCoords of
// every point, as the page's own projection (traces.ts, project) computes it.
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/types';
import { planeCoords } from '../functions/plane';
import { pathPca } from '../numeric/pca';
import { createEngine, type RunChunk } from '../optim/engine';
import { KeptPaths, withKeptPaths } from './keptPaths';

/** Streams `exp` in chunks of `chunk` steps through withKeptPaths; returns the kept paths and the page's copy of each path (the chunks' coordinates, concatenated). */
function stream(exp: Experiment, chunk: number): { kept: KeptPaths; page: number[][]; dim: number } {
  const built = createEngine(exp);
  if (!built.ok || built.engine.kind !== 'function') throw new Error('not a function problem');
  const dim = built.engine.instance.dim;
  const kept = new KeptPaths(dim, exp.runs.length, exp.stop.maxSteps + 1);
  const engine = withKeptPaths(built.engine, kept);
  const page: number[][] = exp.runs.map(() => []);
  while (!engine.done) for (const c of engine.advance(chunk) as RunChunk[]) page[c.run].push(...c.xy);
  return { kept, page, dim };
}

function problem(dim: number, steps: number): Experiment {
  return {
    v: 1,
    problem: { kind: 'function', id: 'rosenbrock', dim },
    runs: [
      { optimizer: 'sgd', params: { lr: 0.0002 } },
      { optimizer: 'adam', params: { lr: 0.01 } },
    ],
    stop: { maxSteps: steps, gradTol: 0 },
    seed: 0,
  };
}

describe('KeptPaths: the PCA plane in the worker', () => {
  // d = 10: the covariance route, every point used; d = 300 with 400 points: the Gram route on at most 256 points, one per piece of equal arc length.
  it.each([
    [10, 120, 7],
    [300, 400, 33],
  ])('d = %i, %i steps in chunks of %i: pathPca of the same points, and every path projected by planeCoords', (dim, steps, chunk) => {
    const { kept, page } = stream(problem(dim, steps), chunk);
    expect(kept.length(0)).toBe(steps + 1);
    expect(page[0].length).toBe(dim * (steps + 1));
    for (const [run, n] of [[0, 3], [0, 50], [1, 97], [0, steps + 1], [1, steps + 1]]) {
      const ours = kept.pca(run, n)!;
      const theirs = pathPca(page[run], dim, n)!;
      expect(ours.plane).toEqual({ kind: 'pca', origin: Array.from(theirs.mean), u: Array.from(theirs.axes[0]), v: Array.from(theirs.axes[1]) });
      expect(ours.explained).toEqual(theirs.explained);
      expect([ours.run, ours.points, ours.used]).toEqual([run, theirs.points, theirs.used]);
      ours.xy.forEach((xy, r) => {
        expect(xy.length).toBe(2 * (steps + 1));
        const expected = Array.from({ length: steps + 1 }, (_, i) => planeCoords(ours.plane, page[r], i * dim)).flat();
        expect(Array.from(xy)).toEqual(expected);
      });
    }
    if (dim === 300) expect(kept.pca(0, steps + 1)!.used).toBeLessThanOrEqual(256);
  });

  it('no plane for points it does not hold (another start, or not yet streamed) nor for an unknown run', () => {
    const { kept } = stream(problem(4, 10), 3);
    expect(kept.pca(0, 12)).toBeNull();
    expect(kept.pca(0, 0)).toBeNull();
    expect(kept.pca(2, 5)).toBeNull();
    expect(kept.pca(0, 11)?.points).toBe(11);
  });
});
