import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../experiment/types';
import { mlp } from './mlp';
import { tinyObjective } from './testNets';

const H = 1e-5;

function centralDifference(f: (w: Float64Array) => number, w: Float64Array, i: number): number {
  const x = w.slice();
  x[i] = w[i] + H;
  const up = f(x);
  x[i] = w[i] - H;
  return (up - f(x)) / (2 * H);
}

describe('mlp layout', () => {
  it('counts weights and biases of every layer: 2-16-16-1 has 337', () => {
    expect(mlp([16, 16], 'tanh').weightCount).toBe(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1);
    expect(mlp([], 'relu').weightCount).toBe(3); // logistic regression
  });
});

describe.each(ACTIVATION_IDS)('%s network', (activation) => {
  const reg = { l1: 1e-3, l2: 1e-2 };
  const { objective, w } = tinyObjective(activation, [3, 2], reg);

  it('gradient matches central finite differences of the loss', () => {
    const g = new Float64Array(objective.dim);
    const e = objective.lossGrad(w, g);
    expect(e.loss).toBe(objective.loss(w));
    for (let i = 0; i < objective.dim; i++) {
      const fd = centralDifference((x) => objective.loss(x), w, i);
      expect(Math.abs(g[i] - fd)).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
    }
  });

  it('Hessian-vector products match central differences of the gradient', () => {
    const v = new Float64Array(objective.dim).map((_, i) => Math.sin(3 * i + 1));
    const hv = new Float64Array(objective.dim);
    objective.hvp(w, v, hv);
    const gp = new Float64Array(objective.dim);
    const gm = new Float64Array(objective.dim);
    const wp = w.map((x, i) => x + H * v[i]);
    const wm = w.map((x, i) => x - H * v[i]);
    objective.lossGrad(wp, gp);
    objective.lossGrad(wm, gm);
    let scale = 0;
    for (const x of hv) scale = Math.max(scale, Math.abs(x));
    for (let i = 0; i < objective.dim; i++) {
      // L1's subgradient jumps only where a weight crosses 0, which no weight here is near.
      expect(Math.abs(hv[i] - (gp[i] - gm[i]) / (2 * H))).toBeLessThan(1e-6 * Math.max(1, scale));
    }
  });

  it('minibatch gradients are the gradients of the mean over the listed samples', () => {
    const idx = Int32Array.from([4, 0, 7, 3]);
    const g = new Float64Array(objective.dim);
    const lossOn = (x: Float64Array) => objective.lossGrad(x, new Float64Array(objective.dim), idx, idx.length).loss;
    objective.lossGrad(w, g, idx, idx.length);
    for (let i = 0; i < objective.dim; i++) {
      const fd = centralDifference(lossOn, w, i);
      expect(Math.abs(g[i] - fd)).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
    }
  });
});
