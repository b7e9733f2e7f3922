// A small multilayer perceptron for binary classification, in plain float64 JavaScript: the
// engine's reference path. Node and browsers run the same arithmetic in the same order, so the
// numbers are bit-identical everywhere: exp, log1p and tanh are src/numeric's deterministic ports,
// because the engines' own Math.exp / tanh differ in the last bit between Node and Chromium.
// (tfjs, in float32, is only used where speed matters more than the last bit.)
//
// Layout of the flat weight vector: for each layer l = 1..L, W_l (fanOut x fanIn, row-major),
// then b_l (fanOut). Layer sizes are [2, ...hidden, 1]; hidden layers use the activation, the
// output is a single logit z, and the loss is the mean logistic loss
//   l(z, y) = log(1 + e^z) - y z = max(z, 0) - y z + log1p(e^-|z|)   (stable for every z).
import type { ActivationId } from '../experiment/types';
import { exp, log1p, tanh } from '../numeric';
import type { Rng } from '../optim/rng';
import type { PointSet } from './datasets';

export interface LayerLayout {
  fanIn: number;
  fanOut: number;
  /** Offset of W_l in the weight vector; b_l follows at wOffset + fanIn * fanOut. */
  wOffset: number;
  bOffset: number;
}

export interface Mlp {
  sizes: number[];
  activation: ActivationId;
  layers: LayerLayout[];
  weightCount: number;
}

export function mlp(hidden: readonly number[], activation: ActivationId): Mlp {
  const sizes = [2, ...hidden, 1];
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1];
    const fanOut = sizes[l];
    layers.push({ fanIn, fanOut, wOffset: offset, bOffset: offset + fanIn * fanOut });
    offset += fanIn * fanOut + fanOut;
  }
  return { sizes, activation, layers, weightCount: offset };
}

/**
 * Glorot (Xavier) uniform initialization as torch.nn.init.xavier_uniform_: W ~ U(-a, a) with
 * a = sqrt(6 / (fanIn + fanOut)); biases 0. Draws layer by layer, row by row.
 */
export function glorotInit(net: Mlp, rng: Rng): Float64Array {
  const w = new Float64Array(net.weightCount);
  for (const { fanIn, fanOut, wOffset } of net.layers) {
    const a = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < fanIn * fanOut; i++) w[wOffset + i] = a * (2 * rng.uniform() - 1);
  }
  return w;
}

/** Scratch buffers for a batch of up to `capacity` samples: pre-activations z and activations a per layer. */
export interface MlpWork {
  capacity: number;
  /** z[l] and a[l] for l = 0..L; a[0] holds the inputs, z[0] is unused. Sample-major: [s * width + unit]. */
  z: Float64Array[];
  a: Float64Array[];
  /** Backpropagated dLoss/dz per layer. */
  delta: Float64Array[];
  /** Sum over the batch of [z > 0] (correct predictions), written by forward(). */
  correct: number;
  /** Forward passes run into these buffers so far: whoever keeps values derived from them can tell whether they were overwritten since. */
  passes: number;
}

export function mlpWork(net: Mlp, capacity: number): MlpWork {
  const make = () => net.sizes.map((s) => new Float64Array(s * capacity));
  return { capacity, z: make(), a: make(), delta: make(), correct: 0, passes: 0 };
}

/** 1 / (1 + e^-z), without overflow for either sign of z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
}

export const logisticLoss = (z: number, y: number): number => Math.max(z, 0) - y * z + log1p(exp(-Math.abs(z)));

/** Applies the activation to z (count values) into a. */
export function activate(act: ActivationId, z: Float64Array, a: Float64Array, count: number): void {
  switch (act) {
    case 'tanh':
      for (let i = 0; i < count; i++) a[i] = tanh(z[i]);
      return;
    case 'relu':
      for (let i = 0; i < count; i++) a[i] = z[i] > 0 ? z[i] : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) a[i] = sigmoid(z[i]);
      return;
  }
}

/** d act / dz at one unit, from z and a = act(z). ReLU's derivative at 0 is 0, as torch's. */
export function activationSlope(act: ActivationId, z: number, a: number): number {
  switch (act) {
    case 'tanh':
      return 1 - a * a;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'sigmoid':
      return a * (1 - a);
  }
}

/**
 * Forward pass on `count` samples of `set` (those listed in `idx`, or the first `count` when idx
 * is null). Fills work.z / work.a and returns the mean logistic loss (data term only).
 */
export function forward(net: Mlp, w: Float64Array, set: PointSet, idx: Int32Array | null, count: number, work: MlpWork): number {
  work.passes++;
  const a0 = work.a[0];
  for (let s = 0; s < count; s++) {
    const k = idx ? idx[s] : s;
    a0[2 * s] = set.x[2 * k];
    a0[2 * s + 1] = set.x[2 * k + 1];
  }
  const L = net.layers.length;
  for (let l = 1; l <= L; l++) {
    const { fanIn, fanOut, wOffset, bOffset } = net.layers[l - 1];
    const prev = work.a[l - 1];
    const z = work.z[l];
    for (let s = 0; s < count; s++) {
      const pin = s * fanIn;
      for (let o = 0; o < fanOut; o++) {
        let acc = w[bOffset + o];
        const row = wOffset + o * fanIn;
        for (let i = 0; i < fanIn; i++) acc += w[row + i] * prev[pin + i];
        z[s * fanOut + o] = acc;
      }
    }
    if (l < L) activate(net.activation, z, work.a[l], count * fanOut);
  }
  const out = work.z[L];
  let loss = 0;
  let correct = 0;
  for (let s = 0; s < count; s++) {
    const label = set.y[idx ? idx[s] : s];
    loss += logisticLoss(out[s], label);
    if ((out[s] > 0 ? 1 : 0) === label) correct++;
  }
  work.correct = correct;
  return loss / count;
}

/**
 * Gradient of the mean logistic loss over the same samples as the forward() just run (its
 * buffers must still hold them); adds into g (the caller zeroes it).
 */
export function backward(net: Mlp, w: Float64Array, set: PointSet, idx: Int32Array | null, count: number, work: MlpWork, g: Float64Array): void {
  const L = net.layers.length;
  const out = work.z[L];
  const dOut = work.delta[L];
  for (let s = 0; s < count; s++) dOut[s] = (sigmoid(out[s]) - set.y[idx ? idx[s] : s]) / count;
  for (let l = L; l >= 1; l--) {
    const { fanIn, fanOut, wOffset, bOffset } = net.layers[l - 1];
    const d = work.delta[l];
    const prev = work.a[l - 1];
    for (let s = 0; s < count; s++) {
      const pin = s * fanIn;
      for (let o = 0; o < fanOut; o++) {
        const dv = d[s * fanOut + o];
        if (dv === 0) continue;
        g[bOffset + o] += dv;
        const row = wOffset + o * fanIn;
        for (let i = 0; i < fanIn; i++) g[row + i] += dv * prev[pin + i];
      }
    }
    if (l === 1) break;
    // delta_(l-1) = act'(z_(l-1)) * (W_l^T delta_l)
    const dPrev = work.delta[l - 1];
    const zPrev = work.z[l - 1];
    for (let s = 0; s < count; s++) {
      const pin = s * fanIn;
      for (let i = 0; i < fanIn; i++) {
        let acc = 0;
        for (let o = 0; o < fanOut; o++) acc += w[wOffset + o * fanIn + i] * d[s * fanOut + o];
        dPrev[pin + i] = acc * activationSlope(net.activation, zPrev[pin + i], prev[pin + i]);
      }
    }
  }
}
