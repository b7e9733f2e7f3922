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
import type { ActivationId } from '../experiment/types';
import type { PointSet } from './datasets';
import { activationSlope, forward, type Mlp, type MlpWork, sigmoid } from './mlp';

export interface HvpWork {
  rz: Float64Array[];
  ra: Float64Array[];
  delta: Float64Array[];
  rdelta: Float64Array[];
}

export function hvpWork(net: Mlp, capacity: number): HvpWork {
  const make = () => net.sizes.map((s) => new Float64Array(s * capacity));
  return { rz: make(), ra: make(), delta: make(), rdelta: make() };
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

/**
 * Adds H v into out, H being the Hessian of the mean logistic loss (data term) over the given
 * samples at w. Runs its own forward pass into `work`.
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
  forward(net, w, set, idx, count, work);
  const L = net.layers.length;
  const act = net.activation;
  // R-forward: R a_0 = 0 (the inputs do not depend on w).
  hw.ra[0].fill(0, 0, 2 * count);
  for (let l = 1; l <= L; l++) {
    const { fanIn, fanOut, wOffset, bOffset } = net.layers[l - 1];
    const a = work.a[l - 1];
    const ra = hw.ra[l - 1];
    const rz = hw.rz[l];
    for (let s = 0; s < count; s++) {
      const pin = s * fanIn;
      for (let o = 0; o < fanOut; o++) {
        let acc = v[bOffset + o];
        const row = wOffset + o * fanIn;
        for (let i = 0; i < fanIn; i++) acc += v[row + i] * a[pin + i] + w[row + i] * ra[pin + i];
        rz[s * fanOut + o] = acc;
      }
    }
    if (l < L) {
      const z = work.z[l];
      const al = work.a[l];
      const ral = hw.ra[l];
      for (let k = 0; k < count * fanOut; k++) ral[k] = activationSlope(act, z[k], al[k]) * rz[k];
    }
  }
  // Output layer: d l / dz = p - y, d^2 l / dz^2 = p (1 - p).
  const zL = work.z[L];
  for (let s = 0; s < count; s++) {
    const p = sigmoid(zL[s]);
    hw.delta[L][s] = (p - set.y[idx ? idx[s] : s]) / count;
    hw.rdelta[L][s] = (p * (1 - p) * hw.rz[L][s]) / count;
  }
  // R-backward.
  for (let l = L; l >= 1; l--) {
    const { fanIn, fanOut, wOffset, bOffset } = net.layers[l - 1];
    const d = hw.delta[l];
    const rd = hw.rdelta[l];
    const a = work.a[l - 1];
    const ra = hw.ra[l - 1];
    for (let s = 0; s < count; s++) {
      const pin = s * fanIn;
      for (let o = 0; o < fanOut; o++) {
        const dv = d[s * fanOut + o];
        const rdv = rd[s * fanOut + o];
        out[bOffset + o] += rdv;
        const row = wOffset + o * fanIn;
        for (let i = 0; i < fanIn; i++) out[row + i] += rdv * a[pin + i] + dv * ra[pin + i];
      }
    }
    if (l === 1) break;
    const z = work.z[l - 1];
    const rz = hw.rz[l - 1];
    const dPrev = hw.delta[l - 1];
    const rdPrev = hw.rdelta[l - 1];
    for (let s = 0; s < count; s++) {
      const pin = s * fanIn;
      for (let i = 0; i < fanIn; i++) {
        let e = 0;
        let re = 0;
        for (let o = 0; o < fanOut; o++) {
          const k = wOffset + o * fanIn + i;
          const q = s * fanOut + o;
          e += w[k] * d[q];
          re += v[k] * d[q] + w[k] * rd[q];
        }
        const slope = activationSlope(act, z[pin + i], a[pin + i]);
        dPrev[pin + i] = slope * e;
        rdPrev[pin + i] = activationCurvature(act, a[pin + i]) * rz[pin + i] * e + slope * re;
      }
    }
  }
}
