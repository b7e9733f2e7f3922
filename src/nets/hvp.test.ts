// hvp.ts computes what does not depend on v once per (w, samples) and sums four terms at a time:
// its products must be the plain loops' bits (hvp.testutil.ts), and its cache must never serve a
// stale forward pass (w changed in place, other samples, another forward pass in between).
import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../experiment/types';
import { plainHessianVector } from './hvp.testutil';
import { tinyObjective } from './testNets';

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe.each(ACTIVATION_IDS)('Hessian-vector products, %s', (activation) => {
  // widths that are and are not multiples of four; 41 training samples (not a multiple of four)
  const { objective, w, data } = tinyObjective(activation, [8, 5, 7], undefined, 'moons', 52);
  const v = Float64Array.from({ length: objective.dim }, (_, i) => Math.sin(3 * i + 1));
  const plain = (ww: Float64Array, idx: Int32Array | null, count: number) => {
    const out = new Float64Array(objective.dim);
    plainHessianVector(objective.net, ww, v, data.train, idx, count, out);
    return out;
  };
  const fast = (ww: Float64Array, idx: Int32Array | null = null, count = data.train.count) => {
    const out = new Float64Array(objective.dim);
    objective.hvp(ww, v, out, idx, count);
    return out;
  };

  it('gives the plain loops\' bits, full batch and minibatch, again from the cache', () => {
    expect(data.train.count % 4).not.toBe(0);
    expect(sameBits(fast(w), plain(w, null, data.train.count))).toBe(true);
    expect(sameBits(fast(w), plain(w, null, data.train.count))).toBe(true); // cached forward pass
    const idx = Int32Array.from([5, 1, 9, 2, 30, 7, 11]);
    expect(sameBits(fast(w, idx, 7), plain(w, idx, 7))).toBe(true);
    expect(sameBits(fast(w, idx, 5), plain(w, idx, 5))).toBe(true);
  });

  it('recomputes when w changes in place, the samples change, or another forward pass ran', () => {
    const ww = w.slice();
    fast(ww);
    ww[3] += 0.25;
    expect(sameBits(fast(ww), plain(ww, null, data.train.count))).toBe(true);
    const idx = Int32Array.from([1, 2, 3, 4]);
    fast(ww, idx, 4);
    idx[2] = 20;
    expect(sameBits(fast(ww, idx, 4), plain(ww, idx, 4))).toBe(true);
    fast(ww);
    objective.lossGrad(ww, new Float64Array(objective.dim), Int32Array.from([0, 1]), 2); // overwrites the forward buffers
    expect(sameBits(fast(ww), plain(ww, null, data.train.count))).toBe(true);
  });
});
