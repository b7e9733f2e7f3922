// Exact Hessian-vector products of the mean logistic loss by Pearlmutter's R-operator (1994):
// R{.} = d/dr (.)(w + r v) at r = 0, pushed through the forward pass and then the backward pass.
// With z_l = W_l a_(l-1) + b_l, a_l = act(z_l), and V_l, vb_l the parts of v:
//   R z_l = V_l a_(l-1) + W_l R a_(l-1) + vb_l,       R a_l = act'(z_l) R z_l
//   delta_L = (p - y) / B,                           R delta_L = p (1 - p) R z_L / B
//   e = W_l^T delta_l,  R e = V_l^T delta_l + W_l^T R delta_l
//   delta_(l-1) = act'(z) e,                         R delta_(l-1) = act''(z) R z e + act'(z) R e
//   Hv[W_l] = R delta_l a_(l-1)^T + delta_l R a_(l-1)^T,   Hv[b_l] = R delta_l
// Exact up to rounding (no finite-difference step to choose), also across ReLU kinks where the
// Hessian exists (almost everywhere; ReLU's second derivative is taken as 0).
//
// Speed (the stop verdict's Lanczos iteration asks for dozens of products at one w): what does
// not depend on v (the forward pass, delta and e) is computed once per (w, samples) and kept
// (HvpWork, MlpWork); the sums that remain run four outputs (or inputs) of two samples at a time,
// each with its own accumulator, so the additions no longer wait on each other and each weight
// read serves both samples (1.3x the speed of one sample at a time on the largest net). Every
// accumulator adds the same terms in the same order as a plain loop would, so the products are
// the same bits (hvp.test.ts checks it against the plain loops).
import type { ActivationId } from '../experiment/types';
import type { PointSet } from './datasets';
import { activationSlope, forward, type Mlp, type MlpWork, sigmoid } from './mlp';

export interface HvpWork {
  rz: Float64Array[];
  ra: Float64Array[];
  /** R delta_l per layer. */
  rdelta: Float64Array[];
  /** R e at one layer (scratch). */
  re: Float64Array;
  /**
   * Independent of v, kept for the (w, samples) in `at`: the forward pass (in the MlpWork, with
   * delta_l = dLoss/dz_l in its `delta`), e_l = W_(l+1)^T delta_(l+1) at layer l's units, and p (1 - p)
   * of the output per sample.
   */
  e: Float64Array[];
  outputCurvature: Float64Array;
  /** The w (a copy), samples and count the kept values belong to, and the MlpWork pass that holds their forward pass; null: none yet. */
  at: { w: Float64Array; set: PointSet; idx: Int32Array | null; count: number; work: MlpWork; pass: number } | null;
}

export function hvpWork(net: Mlp, capacity: number): HvpWork {
  const make = () => net.sizes.map((s) => new Float64Array(s * capacity));
  return { rz: make(), ra: make(), rdelta: make(), re: new Float64Array(Math.max(...net.sizes) * capacity), e: make(), outputCurvature: new Float64Array(capacity), at: null };
}

/** d^2 act / dz^2 from z and a = act(z). */
function activationCurvature(act: ActivationId, a: number): number {
  switch (act) {
    case 'tanh':
      return -2 * a * (1 - a * a);
    case 'relu':
      return 0;
    case 'sigmoid':
      return a * (1 - a) * (1 - 2 * a);
  }
}

function sameArrays(a: ArrayLike<number>, b: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Whether hw and work hold the v-independent values for these (w, samples): no other forward pass ran into work since. */
function holds(hw: HvpWork, work: MlpWork, w: Float64Array, set: PointSet, idx: Int32Array | null, count: number): boolean {
  const at = hw.at;
  if (!at || at.work !== work || at.pass !== work.passes || at.set !== set || at.count !== count || (at.idx === null) !== (idx === null)) return false;
  if (idx && at.idx && !sameArrays(at.idx, idx, count)) return false;
  return at.w.length === w.length && sameArrays(at.w, w, w.length);
}

/** The forward pass, delta and e at w on the samples: what every product at w shares. */
function prepare(net: Mlp, w: Float64Array, set: PointSet, idx: Int32Array | null, count: number, work: MlpWork, hw: HvpWork): void {
  forward(net, w, set, idx, count, work);
  const L = net.layers.length;
  // Output layer: d l / dz = p - y, d^2 l / dz^2 = p (1 - p).
  const zL = work.z[L];
  for (let s = 0; s < count; s++) {
    const p = sigmoid(zL[s]);
    work.delta[L][s] = (p - set.y[idx ? idx[s] : s]) / count;
    hw.outputCurvature[s] = p * (1 - p);
  }
  for (let l = L; l > 1; l--) {
    const layer = net.layers[l - 1];
    const e = hw.e[l - 1];
    const z = work.z[l - 1];
    const a = work.a[l - 1];
    const dPrev = work.delta[l - 1];
    transposedProduct(layer, w, work.delta[l], e, count);
    for (let k = 0; k < count * layer.fanIn; k++) dPrev[k] = activationSlope(net.activation, z[k], a[k]) * e[k];
  }
  hw.at = { w: w.slice(), set, idx: idx ? idx.slice(0, count) : null, count, work, pass: work.passes };
}

/**
 * Adds H v into out, H being the Hessian of the mean logistic loss (data term) over the given
 * samples at w. The forward pass and what else does not depend on v is computed on the first
 * product at (w, samples) and reused while both stay the same (compared by value).
 */
export function hessianVector(
  net: Mlp,
  w: Float64Array,
  v: Float64Array,
  set: PointSet,
  idx: Int32Array | null,
  count: number,
  work: MlpWork,
  hw: HvpWork,
  out: Float64Array,
): void {
  if (!holds(hw, work, w, set, idx, count)) prepare(net, w, set, idx, count, work, hw);
  const L = net.layers.length;
  const act = net.activation;
  // R-forward: R a_0 = 0 (the inputs do not depend on w).
  hw.ra[0].fill(0, 0, 2 * count);
  for (let l = 1; l <= L; l++) {
    const layer = net.layers[l - 1];
    const rz = hw.rz[l];
    rForward(layer, v, w, work.a[l - 1], hw.ra[l - 1], rz, count);
    if (l < L) {
      const z = work.z[l];
      const al = work.a[l];
      const ral = hw.ra[l];
      for (let k = 0; k < count * layer.fanOut; k++) ral[k] = activationSlope(act, z[k], al[k]) * rz[k];
    }
  }
  const rdL = hw.rdelta[L];
  const rzL = hw.rz[L];
  for (let s = 0; s < count; s++) rdL[s] = (hw.outputCurvature[s] * rzL[s]) / count;
  // R-backward.
  for (let l = L; l >= 1; l--) {
    const layer = net.layers[l - 1];
    const d = work.delta[l];
    const rd = hw.rdelta[l];
    const a = work.a[l - 1];
    const ra = hw.ra[l - 1];
    addWeightProducts(layer, d, rd, a, ra, out, count);
    if (l === 1) break;
    const re = hw.re;
    rBackward(layer, v, w, d, rd, re, count);
    const z = work.z[l - 1];
    const rz = hw.rz[l - 1];
    const e = hw.e[l - 1];
    const rdPrev = hw.rdelta[l - 1];
    for (let k = 0; k < count * layer.fanIn; k++) rdPrev[k] = activationCurvature(act, a[k]) * rz[k] * e[k] + activationSlope(act, z[k], a[k]) * re[k];
  }
}

/**
 * Hv[W_l][o, i] += sum_s (rd[s, o] a[s, i] + d[s, o] ra[s, i]) and Hv[b_l][o] += sum_s rd[s, o],
 * each sum added in order s = 0, 1, ..., four samples per pass over the layer's weights (a weight
 * is read and written once per four samples, not once per sample), two outputs at a time (the
 * four samples' a and ra read once for both).
 */
function addWeightProducts(layer: Mlp['layers'][number], d: Float64Array, rd: Float64Array, a: Float64Array, ra: Float64Array, out: Float64Array, count: number): void {
  const { fanIn, fanOut, wOffset, bOffset } = layer;
  const blocked = count - (count % 4);
  const outPairs = fanOut - (fanOut % 2);
  for (let s = 0; s < blocked; s += 4) {
    const p0 = s * fanIn;
    const p1 = p0 + fanIn;
    const p2 = p1 + fanIn;
    const p3 = p2 + fanIn;
    for (let o = 0; o < outPairs; o += 2) {
      const q = s * fanOut + o;
      const dv0 = d[q];
      const dv1 = d[q + fanOut];
      const dv2 = d[q + 2 * fanOut];
      const dv3 = d[q + 3 * fanOut];
      const rdv0 = rd[q];
      const rdv1 = rd[q + fanOut];
      const rdv2 = rd[q + 2 * fanOut];
      const rdv3 = rd[q + 3 * fanOut];
      const ev0 = d[q + 1];
      const ev1 = d[q + 1 + fanOut];
      const ev2 = d[q + 1 + 2 * fanOut];
      const ev3 = d[q + 1 + 3 * fanOut];
      const rev0 = rd[q + 1];
      const rev1 = rd[q + 1 + fanOut];
      const rev2 = rd[q + 1 + 2 * fanOut];
      const rev3 = rd[q + 1 + 3 * fanOut];
      out[bOffset + o] = out[bOffset + o] + rdv0 + rdv1 + rdv2 + rdv3;
      out[bOffset + o + 1] = out[bOffset + o + 1] + rev0 + rev1 + rev2 + rev3;
      const row = wOffset + o * fanIn;
      const row1 = row + fanIn;
      for (let i = 0; i < fanIn; i++) {
        let acc = out[row + i];
        let acc1 = out[row1 + i];
        let x = a[p0 + i];
        let y = ra[p0 + i];
        acc += rdv0 * x + dv0 * y;
        acc1 += rev0 * x + ev0 * y;
        x = a[p1 + i];
        y = ra[p1 + i];
        acc += rdv1 * x + dv1 * y;
        acc1 += rev1 * x + ev1 * y;
        x = a[p2 + i];
        y = ra[p2 + i];
        acc += rdv2 * x + dv2 * y;
        acc1 += rev2 * x + ev2 * y;
        x = a[p3 + i];
        y = ra[p3 + i];
        acc += rdv3 * x + dv3 * y;
        acc1 += rev3 * x + ev3 * y;
        out[row + i] = acc;
        out[row1 + i] = acc1;
      }
    }
    for (let o = outPairs; o < fanOut; o++) {
      const q = s * fanOut + o;
      const dv0 = d[q];
      const dv1 = d[q + fanOut];
      const dv2 = d[q + 2 * fanOut];
      const dv3 = d[q + 3 * fanOut];
      const rdv0 = rd[q];
      const rdv1 = rd[q + fanOut];
      const rdv2 = rd[q + 2 * fanOut];
      const rdv3 = rd[q + 3 * fanOut];
      out[bOffset + o] = out[bOffset + o] + rdv0 + rdv1 + rdv2 + rdv3;
      const row = wOffset + o * fanIn;
      for (let i = 0; i < fanIn; i++) {
        let acc = out[row + i];
        acc += rdv0 * a[p0 + i] + dv0 * ra[p0 + i];
        acc += rdv1 * a[p1 + i] + dv1 * ra[p1 + i];
        acc += rdv2 * a[p2 + i] + dv2 * ra[p2 + i];
        acc += rdv3 * a[p3 + i] + dv3 * ra[p3 + i];
        out[row + i] = acc;
      }
    }
  }
  for (let s = blocked; s < count; s++) {
    const pin = s * fanIn;
    for (let o = 0; o < fanOut; o++) {
      const dv = d[s * fanOut + o];
      const rdv = rd[s * fanOut + o];
      out[bOffset + o] += rdv;
      const row = wOffset + o * fanIn;
      for (let i = 0; i < fanIn; i++) out[row + i] += rdv * a[pin + i] + dv * ra[pin + i];
    }
  }
}

/** rz[s, o] = vb[o] + sum_i (V[o, i] a[s, i] + W[o, i] ra[s, i]) for every sample s (rows of V and W). */
function rForward(layer: Mlp['layers'][number], v: Float64Array, w: Float64Array, a: Float64Array, ra: Float64Array, rz: Float64Array, count: number): void {
  const { fanIn, fanOut, wOffset, bOffset } = layer;
  pairedSums(v, w, a, ra, rz, count, fanOut, fanIn, wOffset, fanIn, 1, bOffset);
}

/** re[s, i] = sum_o (V[o, i] d[s, o] + W[o, i] rd[s, o]) for every sample s (columns of V and W). */
function rBackward(layer: Mlp['layers'][number], v: Float64Array, w: Float64Array, d: Float64Array, rd: Float64Array, re: Float64Array, count: number): void {
  const { fanIn, fanOut, wOffset } = layer;
  pairedSums(v, w, d, rd, re, count, fanIn, fanOut, wOffset, 1, fanIn, -1);
}

/**
 * out[s, j] = start_j + sum_k (v[at(j, k)] x[s, k] + w[at(j, k)] rx[s, k]) for every sample s,
 * j < m, the terms added in order k = 0 .. n-1, with at(j, k) = base + j jStep + k kStep and
 * start_j = v[startAt + j] (0 when startAt < 0). Two samples and four j at a time, one
 * accumulator each: the additions do not wait on each other and each weight read serves both
 * samples; the same terms in the same order as one sum at a time, so the same bits.
 */
function pairedSums(v: Float64Array, w: Float64Array, x: Float64Array, rx: Float64Array, out: Float64Array, count: number, m: number, n: number, base: number, jStep: number, kStep: number, startAt: number): void {
  const blocked = m - (m % 4);
  const pairs = count - (count % 2);
  for (let s = 0; s < pairs; s += 2) {
    const p0 = s * n;
    const p1 = p0 + n;
    const q0 = s * m;
    const q1 = q0 + m;
    for (let j = 0; j < blocked; j += 4) {
      let acc00 = startAt < 0 ? 0 : v[startAt + j];
      let acc01 = startAt < 0 ? 0 : v[startAt + j + 1];
      let acc02 = startAt < 0 ? 0 : v[startAt + j + 2];
      let acc03 = startAt < 0 ? 0 : v[startAt + j + 3];
      let acc10 = acc00;
      let acc11 = acc01;
      let acc12 = acc02;
      let acc13 = acc03;
      let at = base + j * jStep;
      for (let k = 0; k < n; k++, at += kStep) {
        const x0 = x[p0 + k];
        const rx0 = rx[p0 + k];
        const x1 = x[p1 + k];
        const rx1 = rx[p1 + k];
        let vk = v[at];
        let wk = w[at];
        acc00 += vk * x0 + wk * rx0;
        acc10 += vk * x1 + wk * rx1;
        vk = v[at + jStep];
        wk = w[at + jStep];
        acc01 += vk * x0 + wk * rx0;
        acc11 += vk * x1 + wk * rx1;
        vk = v[at + 2 * jStep];
        wk = w[at + 2 * jStep];
        acc02 += vk * x0 + wk * rx0;
        acc12 += vk * x1 + wk * rx1;
        vk = v[at + 3 * jStep];
        wk = w[at + 3 * jStep];
        acc03 += vk * x0 + wk * rx0;
        acc13 += vk * x1 + wk * rx1;
      }
      out[q0 + j] = acc00;
      out[q0 + j + 1] = acc01;
      out[q0 + j + 2] = acc02;
      out[q0 + j + 3] = acc03;
      out[q1 + j] = acc10;
      out[q1 + j + 1] = acc11;
      out[q1 + j + 2] = acc12;
      out[q1 + j + 3] = acc13;
    }
    for (let j = blocked; j < m; j++) {
      pairedSumOne(v, w, x, rx, out, s, m, n, base, jStep, kStep, startAt, j);
      pairedSumOne(v, w, x, rx, out, s + 1, m, n, base, jStep, kStep, startAt, j);
    }
  }
  for (let s = pairs; s < count; s++) for (let j = 0; j < m; j++) pairedSumOne(v, w, x, rx, out, s, m, n, base, jStep, kStep, startAt, j);
}

/** pairedSums' out[s, j] of one sample and one j. */
function pairedSumOne(v: Float64Array, w: Float64Array, x: Float64Array, rx: Float64Array, out: Float64Array, s: number, m: number, n: number, base: number, jStep: number, kStep: number, startAt: number, j: number): void {
  let acc = startAt < 0 ? 0 : v[startAt + j];
  let at = base + j * jStep;
  for (let k = 0; k < n; k++, at += kStep) acc += v[at] * x[s * n + k] + w[at] * rx[s * n + k];
  out[s * m + j] = acc;
}

/**
 * e[s, i] = sum_o W[o, i] d[s, o] for every sample s (prepare's e_l), two samples and four inputs
 * i at a time (one accumulator each, terms added in order o = 0, 1, ...).
 */
function transposedProduct(layer: Mlp['layers'][number], w: Float64Array, d: Float64Array, e: Float64Array, count: number): void {
  const { fanIn, fanOut, wOffset } = layer;
  const blocked = fanIn - (fanIn % 4);
  const pairs = count - (count % 2);
  for (let s = 0; s < pairs; s += 2) {
    const p0 = s * fanIn;
    const p1 = p0 + fanIn;
    const q0 = s * fanOut;
    const q1 = q0 + fanOut;
    for (let i = 0; i < blocked; i += 4) {
      let acc00 = 0;
      let acc01 = 0;
      let acc02 = 0;
      let acc03 = 0;
      let acc10 = 0;
      let acc11 = 0;
      let acc12 = 0;
      let acc13 = 0;
      for (let o = 0; o < fanOut; o++) {
        const k = wOffset + o * fanIn + i;
        const d0 = d[q0 + o];
        const d1 = d[q1 + o];
        acc00 += w[k] * d0;
        acc10 += w[k] * d1;
        acc01 += w[k + 1] * d0;
        acc11 += w[k + 1] * d1;
        acc02 += w[k + 2] * d0;
        acc12 += w[k + 2] * d1;
        acc03 += w[k + 3] * d0;
        acc13 += w[k + 3] * d1;
      }
      e[p0 + i] = acc00;
      e[p0 + i + 1] = acc01;
      e[p0 + i + 2] = acc02;
      e[p0 + i + 3] = acc03;
      e[p1 + i] = acc10;
      e[p1 + i + 1] = acc11;
      e[p1 + i + 2] = acc12;
      e[p1 + i + 3] = acc13;
    }
    for (let i = blocked; i < fanIn; i++) {
      let acc0 = 0;
      let acc1 = 0;
      for (let o = 0; o < fanOut; o++) {
        acc0 += w[wOffset + o * fanIn + i] * d[q0 + o];
        acc1 += w[wOffset + o * fanIn + i] * d[q1 + o];
      }
      e[p0 + i] = acc0;
      e[p1 + i] = acc1;
    }
  }
  for (let s = pairs; s < count; s++) {
    for (let i = 0; i < fanIn; i++) {
      let acc = 0;
      for (let o = 0; o < fanOut; o++) acc += w[wOffset + o * fanIn + i] * d[s * fanOut + o];
      e[s * fanIn + i] = acc;
    }
  }
}
