// The census on moons with a 2-4-1 tanh network (Dauphin et al. 2014's picture in miniature):
// many distinct critical points, the low-loss ones minima or nearly, the high-loss ones saddles
// with more descent directions. And the pieces: the canonical form removes exactly the
// symmetries it claims, and the solver reaches eps-stationary points of every index.
import { describe, expect, test } from 'vitest';
import { makeDataset } from '../datasets';
import { mlp } from '../mlp';
import { NetObjective } from '../objective';
import { canonicalWeights } from './canonical';
import { criticalPointCensus } from './census';
import { findCriticalPoint } from './solve';
import { descentPaths, pathStarts, randomStarts } from './starts';

function moons241() {
  const net = mlp([4], 'tanh');
  const data = makeDataset({ dataset: 'moons', samples: 100, noise: 0.1 }, 1);
  // A little L2 (part of the training objective) makes critical points isolated: without it the
  // dead-output family (W_2 = 0) is a continuum and minima may sit at infinity.
  return { net, objective: new NetObjective(net, data.train, data.heldOut, { l2: 1e-3 }) };
}

describe('the census on moons, 2-4-1 tanh', () => {
  test('>= 20 distinct critical points; the top loss quartile has a larger mean index than the bottom one', () => {
    const { net, objective } = moons241();
    const t0 = performance.now();
    const inits = randomStarts(net, 1, 216);
    const paths = descentPaths(objective, inits.slice(200).map((s) => s.w), 0.5, 1000, 8);
    const starts = [...inits.slice(0, 200), ...pathStarts(paths, 8)];
    const result = criticalPointCensus(objective, starts, { maxIter: 60 });
    if (!result.ok) throw new Error(result.error);
    const c = result.value;
    const seconds = (performance.now() - t0) / 1000;
    console.log(`census: ${starts.length} starts, ${c.outcomes.converged} converged, ${c.distinct} distinct (${c.distinctWithoutCanonicalization} before canonicalization), ${seconds.toFixed(1)} s`);
    expect(c.starts).toEqual({ random: 200, path: 128 });
    expect(c.distinct).toBeGreaterThanOrEqual(20);
    expect(c.distinctWithoutCanonicalization).toBeGreaterThan(c.distinct);
    const [bottom, , , top] = c.byLossQuartile;
    expect(top.meanIndexFraction).toBeGreaterThan(bottom.meanIndexFraction);
    expect(bottom.lossMax).toBeLessThanOrEqual(top.lossMin);
    for (const p of c.points) {
      expect(p.gradNorm).toBeLessThanOrEqual(c.eps);
      expect(p.eigenvalues).toHaveLength(objective.dim);
      expect(p.index.count).toBe(p.eigenvalues.filter((x) => x < -p.zeroTol).length);
      // the canonical weights are a critical point with the same loss
      const g = new Float64Array(objective.dim);
      expect(objective.lossGrad(Float64Array.from(p.weights), g).loss).toBeCloseTo(p.loss, 12);
    }
    // the lowest point is a minimum; the points come sorted by loss
    expect(c.points[0].kind).toBe('minimum');
    for (let i = 1; i < c.points.length; i++) expect(c.points[i].loss).toBeGreaterThanOrEqual(c.points[i - 1].loss);
    expect(c.points.reduce((s, p) => s + p.hits, 0)).toBe(c.outcomes.converged);
  }, 60_000);
});

describe('canonicalWeights', () => {
  test.each(['tanh', 'relu'] as const)('every relabelling of the hidden units has one canonical form, computing the same loss (%s)', (act) => {
    const net = mlp([3, 4], act);
    const data = makeDataset({ dataset: 'moons', samples: 30, noise: 0.1 }, 2);
    const objective = new NetObjective(net, data.train, data.heldOut, undefined);
    const [{ w }] = randomStarts(net, 4, 1);
    const base = canonicalWeights(net, w);
    const [l1, l2, l3] = net.layers;
    // swap units 0 and 2 of layer 1, flip unit 1 of layer 2 (tanh only), swap units 1 and 3 of layer 2
    const v = w.slice();
    const swap = (layer: typeof l1, next: typeof l1, a: number, b: number) => {
      for (let i = 0; i < layer.fanIn; i++) [v[layer.wOffset + a * layer.fanIn + i], v[layer.wOffset + b * layer.fanIn + i]] = [v[layer.wOffset + b * layer.fanIn + i], v[layer.wOffset + a * layer.fanIn + i]];
      [v[layer.bOffset + a], v[layer.bOffset + b]] = [v[layer.bOffset + b], v[layer.bOffset + a]];
      for (let o = 0; o < next.fanOut; o++) [v[next.wOffset + o * next.fanIn + a], v[next.wOffset + o * next.fanIn + b]] = [v[next.wOffset + o * next.fanIn + b], v[next.wOffset + o * next.fanIn + a]];
    };
    swap(l1, l2, 0, 2);
    if (act === 'tanh') {
      for (let i = 0; i < l2.fanIn; i++) v[l2.wOffset + 1 * l2.fanIn + i] *= -1;
      v[l2.bOffset + 1] *= -1;
      v[l3.wOffset + 1] *= -1;
    }
    swap(l2, l3, 1, 3);
    expect(objective.loss(v)).toBeCloseTo(objective.loss(w), 14);
    expect(Array.from(canonicalWeights(net, v))).toEqual(Array.from(base));
    expect(objective.loss(base)).toBeCloseTo(objective.loss(w), 14);
    expect(v).not.toEqual(w);
  });
});

describe('findCriticalPoint', () => {
  test('reaches eps from a random start; a start at a critical point stays there', () => {
    const { net, objective } = moons241();
    const [{ w }] = randomStarts(net, 7, 1);
    const r = findCriticalPoint(objective, w, { eps: 1e-10, maxIter: 100, weightBound: 50 });
    expect(r.outcome).toBe('converged');
    expect(r.gradNorm).toBeLessThanOrEqual(1e-10);
    const again = findCriticalPoint(objective, r.w, { eps: 1e-10, maxIter: 100, weightBound: 50 });
    expect(again).toMatchObject({ outcome: 'converged', iterations: 0 });
  });

  test('a census refuses a network too large for the dense Hessian', () => {
    const net = mlp([16, 16], 'tanh');
    const data = makeDataset({ dataset: 'moons', samples: 20, noise: 0.1 }, 2);
    const r = criticalPointCensus(new NetObjective(net, data.train, data.heldOut, undefined), []);
    expect(r.ok).toBe(true); // 337 weights: within the limit
    const big = mlp([20, 20], 'tanh');
    const r2 = criticalPointCensus(new NetObjective(big, data.train, data.heldOut, undefined), []);
    expect(r2.ok || r2.error).toMatch(/limited to 400 weights; this network has 501/);
  });
});
