// The `plane=` field of the link: round trips, written only when given (and only for a function
// problem), leniency with a notice for what does not fit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../types';
import { decodeExperiment, encodeExperiment } from './index';
import { encodePlane, readPlane } from './plane';
import { ProblemLog } from './problems';

const fnExp = (dim: number): Experiment => ({ v: 1, problem: { kind: 'function', id: 'rastrigin', dim }, runs: [{ optimizer: 'sgd' }], stop: { maxSteps: 100, gradTol: 1e-6 }, seed: 0 });

function read(value: string) {
  const log = new ProblemLog();
  return { plane: readPlane(value, log), problems: log.result() };
}

describe('the plane field of the link', () => {
  it('writes plane=pca and plane=i;j (from 1), only when given and only for a function problem', () => {
    const exp = fnExp(10);
    expect(encodeExperiment(exp)).not.toContain('plane=');
    expect(encodeExperiment(exp, { plane: { kind: 'pca' } }).endsWith('&plane=pca')).toBe(true);
    expect(encodeExperiment(exp, { plane: { kind: 'coordinates', axes: [0, 2] } }).endsWith('&plane=1;3')).toBe(true);
    const surface: Experiment = { ...exp, problem: { kind: 'surface', id: 'booth' } };
    expect(encodeExperiment(surface, { plane: { kind: 'pca' } })).toBe(encodeExperiment(surface));
    expect(decodeExperiment(encodeExperiment(exp, { plane: { kind: 'pca' } }))).toMatchObject({ plane: { kind: 'pca' }, problems: [] });
    expect(decodeExperiment(encodeExperiment(exp)).plane).toBeUndefined();
  });

  it('round-trips every coordinate pair of every dimension', () => {
    const pair = fc.integer({ min: 2, max: 1000 }).chain((dim) =>
      fc.tuple(fc.constant(dim), fc.uniqueArray(fc.integer({ min: 0, max: dim - 1 }), { minLength: 2, maxLength: 2 })),
    );
    fc.assert(
      fc.property(pair, ([dim, axes]) => {
        const plane = { kind: 'coordinates' as const, axes: [axes[0], axes[1]] as [number, number] };
        expect(read(encodePlane(plane))).toEqual({ plane, problems: [] });
        expect(decodeExperiment(encodeExperiment(fnExp(dim), { plane }))).toMatchObject({ plane, problems: [] });
      }),
    );
  });

  it('reports what it cannot use once, and the function\'s own plane is drawn; never throws', () => {
    expect(read('pc').problems).toEqual([{ field: 'plane', message: 'could not use "pc": expected pca or two different coordinates i;j (from 1); the function\'s own plane is drawn' }]);
    for (const bad of ['', '0;1', '1;1', '1;2;3', '1.5;2', '-1;2', '1e1;2', 'PCA', '12345;1']) expect(read(bad).plane, bad).toBeUndefined();
    const beyond = decodeExperiment('v=1&fn=strictSaddle&dim=10&fp=k:2&r0=sgd&plane=1;11');
    expect(beyond.plane).toBeUndefined();
    expect(beyond.problems).toEqual([{ field: 'plane', message: "coordinate x11 does not exist in dimension 10; the function's own plane is drawn" }]);
    expect(decodeExperiment('v=1&fn=strictSaddle&dim=10&fp=k:2&r0=sgd&plane=10;1').plane).toEqual({ kind: 'coordinates', axes: [9, 0] });
    const surface = decodeExperiment('v=1&surface=booth&r0=sgd&plane=pca');
    expect(surface.plane).toBeUndefined();
    expect(surface.problems.map((p) => p.field)).toEqual(['plane']);
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (v) => void read(v)));
  });
});
