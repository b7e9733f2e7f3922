import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { runStream } from '../optim/rng';
import { predictGrid } from './decision';
import { filterNormalizedDirections, pcaDirections } from './directions';
import { createNetworkEngine, type NetworkEngine } from './engine';
import { axis, projectPath, sliceGrid } from './landscape';
import { forward, mlpWork, sigmoid } from './mlp';
import { landscapeSlice } from './slice';
import { networkExperiment, tinyObjective } from './testNets';

function trained(exp: Experiment, steps: number): NetworkEngine {
  const parsed = parseExperiment(exp);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const built = createNetworkEngine(parsed.value);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  built.engine.advance(steps);
  return built.engine;
}

const twoRuns = networkExperiment({ hidden: [5] }, [{ optimizer: 'adam', params: { lr: 0.05 } }, { optimizer: 'sgd', params: { lr: 0.5 } }], { maxSteps: 1000, gradTol: 0 });

describe('landscape slice', () => {
  it.each(['pca', 'random'] as const)('at (0, 0) equals the current training loss exactly (%s directions)', (directions) => {
    const engine = trained(twoRuns, 40);
    const s = landscapeSlice(engine, 0, { directions, n: 11 });
    expect(s.directions).toBe(directions);
    expect(s.a[5]).toBe(0);
    expect(s.b[5]).toBe(0);
    expect(s.center).toBe(engine.objective.loss(engine.weights(0)));
    const [chunk] = engine.advance(1); // the next recorded value is the loss at the current weights
    expect(chunk.f[0]).toBe(s.center);
    expect(s.loss.length).toBe(121);
    expect(s.loss.every(Number.isFinite)).toBe(true);
  });

  it('PCA: the plane holds a path of two steps exactly; the current point projects to the origin', () => {
    const engine = trained(twoRuns, 2);
    const s = landscapeSlice(engine, 0, { n: 5 });
    const own = s.paths[0];
    expect(own.steps).toEqual([0, 1, 2]);
    expect([own.a[2], own.b[2], own.offPlane[2]]).toEqual([0, 0, 0]);
    for (let t = 0; t < 3; t++) expect(own.offPlane[t]).toBeLessThan(1e-12 * Math.max(1, own.distance[t]));
    // The other run shares w_0, which therefore projects to the same point.
    expect(s.paths[1].a[0]).toBeCloseTo(own.a[0], 12);
    expect(s.paths[1].offPlane[0]).toBeCloseTo(own.offPlane[0], 12);
    // The grid covers every projected point.
    for (const p of s.paths) for (let t = 0; t < p.a.length; t++) expect(Math.abs(p.a[t])).toBeLessThanOrEqual(s.span[0]);
    expect(s.explained![0] + s.explained![1]).toBeCloseTo(1, 12);
  });

  it('falls back to random directions, and says so, when the path is too short for a plane', () => {
    const engine = trained(twoRuns, 0);
    const s = landscapeSlice(engine, 0, { n: 3 });
    expect(s.directions).toBe('random');
    expect(s.note).toMatch(/too short/);
  });

  it('reports the distance off the plane of points that are not on it', () => {
    const { net, w } = tinyObjective('tanh');
    const dirs = filterNormalizedDirections(net, w, runStream(1, 0));
    const onPlane = w.map((x, k) => x + 0.3 * dirs.d1[k] - 0.2 * dirs.d2[k]);
    const p = projectPath(0, [0], [onPlane], w, dirs);
    expect(p.a[0]).toBeCloseTo(0.3, 12);
    expect(p.b[0]).toBeCloseTo(-0.2, 12);
    expect(p.offPlane[0]).toBeLessThan(1e-12);
    // A bias entry is 0 in both directions, so moving a bias moves straight off the plane.
    const off = onPlane.slice();
    off[net.layers[0].bOffset] += 0.5;
    const q = projectPath(0, [0], [off], w, dirs);
    expect(q.offPlane[0]).toBeCloseTo(0.5, 12);
    expect(q.a[0]).toBeCloseTo(0.3, 12);
  });

  it('filter-normalized directions: each unit row has the norm of the same row of w*, biases 0', () => {
    const { net, w } = tinyObjective('relu', [4, 3]);
    const { d1, d2 } = filterNormalizedDirections(net, w, runStream(2, 0));
    expect(d1).not.toEqual(d2);
    for (const d of [d1, d2]) {
      for (const { fanIn, fanOut, wOffset, bOffset } of net.layers) {
        for (let o = 0; o < fanOut; o++) {
          const row = (v: Float64Array) => Math.hypot(...v.subarray(wOffset + o * fanIn, wOffset + (o + 1) * fanIn));
          expect(row(d)).toBeCloseTo(row(w), 12);
          expect(d[bOffset + o]).toBe(0);
        }
      }
    }
  });

  it('PCA directions are orthonormal and none exist for a path on a line', () => {
    const { w } = tinyObjective('tanh');
    const path = [0, 1, 2].map((s) => w.map((x, k) => x + Math.sin(k * (s + 1)) * (s + 1)));
    const dirs = pcaDirections(w, path)!;
    const dot = (x: Float64Array, y: Float64Array) => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(dot(dirs.d1, dirs.d1)).toBeCloseTo(1, 12);
    expect(dot(dirs.d2, dirs.d2)).toBeCloseTo(1, 12);
    expect(dot(dirs.d1, dirs.d2)).toBeCloseTo(0, 12);
    expect(pcaDirections(w, [w.map((x) => x + 1), w.map((x) => x + 2)])).toBeNull();
  });

  it('grid axes are symmetric, exactly 0 in the middle; sizes are checked', () => {
    expect([...axis(5, 2)]).toEqual([-2, -1, 0, 1, 2]);
    expect(() => sliceGrid(50, [1, 1])).toThrow(/odd/);
    expect(() => sliceGrid(53, [1, 1])).toThrow(/3\.\.51/);
    expect(() => sliceGrid(51, [0, 1])).toThrow(/positive/);
  });
});

describe('decision grid', () => {
  it('gives p(class 1) at (x_i, y_j) in value[j * nx + i], y from the bottom', () => {
    const { net, w, objective } = tinyObjective('tanh');
    const view = { x: [-2, 1] as [number, number], y: [-1, 3] as [number, number] };
    const grid = predictGrid(net, w, view, 4, 3);
    const work = mlpWork(net, 1);
    for (const [i, j] of [[0, 0], [3, 0], [1, 2], [3, 2]]) {
      const point = { x: Float64Array.of(-2 + i, -1 + 2 * j), y: Float64Array.of(0), count: 1 };
      forward(net, w, point, null, 1, work);
      expect(grid[j * 4 + i]).toBe(sigmoid(work.z[net.layers.length][0]));
    }
    // A grid larger than one block of 1,024 points: the same values point by point.
    const big = predictGrid(net, w, view, 40);
    for (const k of [0, 1023, 1024, 1599]) {
      const i = k % 40;
      const j = Math.floor(k / 40);
      const point = { x: Float64Array.of(-2 + (3 * i) / 39, -1 + (4 * j) / 39), y: Float64Array.of(0), count: 1 };
      forward(net, w, point, null, 1, work);
      expect(big[k]).toBe(sigmoid(work.z[net.layers.length][0]));
    }
    expect(() => predictGrid(net, w.subarray(1), view, 4)).toThrow(/weights/);
    expect(objective.dim).toBe(w.length);
  });
});
