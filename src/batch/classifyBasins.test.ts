import { describe, expect, it } from 'vitest';
import { findCriticalPoints } from '../surfaces/critical';
import { buildBasinJob } from './batchJob';
import { jobObjective, objectiveAsSurface } from './batchObjective';
import { CLASS, captureRadius, classifyEnds } from './classifyBasins';
import { JsBatchRunner } from './jsBatch';
import { allocateGrid, REASON } from './outcome';

describe('classifyEnds', () => {
  it('assigns the nearest point within the radius, and the special classes otherwise', () => {
    const o = allocateGrid(5, 1);
    const ends: [number, number, number][] = [
      [0.05, 0, REASON.gradTol],
      [0.95, 1.02, REASON.maxSteps],
      [5, 5, REASON.maxSteps],
      [5, 5, REASON.gradTol],
      [0, 0, REASON.diverged],
    ];
    ends.forEach(([x, y, r], p) => {
      o.endX[p] = x;
      o.endY[p] = y;
      o.reason[p] = r;
    });
    const c = classifyEnds(o, [{ x: 0, y: 0 }, { x: 1, y: 1 }], 0.1);
    expect(Array.from(c.classOf)).toEqual([0, 1, CLASS.notConverged, CLASS.elsewhere, CLASS.diverged]);
    expect([c.counts, c.diverged, c.notConverged, c.elsewhere]).toEqual([[1, 1], 1, 1, 1]);
  });

  it('splits Himmelblau under gradient descent into the four basins of its four minima', () => {
    const exp = {
      v: 1 as const, problem: { kind: 'surface' as const, id: 'himmelblau' as const },
      runs: [{ optimizer: 'sgd' as const, params: { lr: 0.01 } }], stop: { maxSteps: 2000, gradTol: 1e-4 }, seed: 0,
    };
    const view = { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] };
    const r = buildBasinJob(exp, { resolution: 24, run: 0 }, view);
    if (!r.ok) throw new Error(r.message);
    const objective = jobObjective(r.job);
    const runner = new JsBatchRunner(r.job, objective, Array.from({ length: 24 }, (_, j) => j));
    while (runner.active > 0) runner.advance(500);
    const points = findCriticalPoints(objectiveAsSurface(objective), view);
    const c = classifyEnds(runner.outcome, points, captureRadius(view));
    const minima = points.map((p, i) => ({ p, n: c.counts[i] })).filter((e) => e.n > 0);
    expect(minima.map((e) => e.p.kind)).toEqual(['minimum', 'minimum', 'minimum', 'minimum']);
    // each quadrant's centre pixel drains to the minimum in that quadrant
    for (const [i, j] of [[18, 5], [5, 5], [5, 18], [18, 18]]) {
      const m = points[c.classOf[j * 24 + i]];
      const [sx, sy] = [-5 + ((i + 0.5) / 24) * 10, 5 - ((j + 0.5) / 24) * 10];
      expect([Math.sign(m.x), Math.sign(m.y)]).toEqual([Math.sign(sx), Math.sign(sy)]);
    }
    expect(c.diverged + c.notConverged + c.elsewhere).toBe(0);
  });
});
