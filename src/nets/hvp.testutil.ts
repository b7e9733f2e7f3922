// The Hessian-vector product as plain loops (the R-operator of hvp.ts without its cache and its
// four-at-a-time sums), for hvp.test.ts: hvp.ts must give these very bits.
import type { ActivationId } from '../experiment/types';
import type { PointSet } from './datasets';
import { activationSlope, forward, type Mlp, mlpWork, sigmoid } from './mlp';

function curvature(act: ActivationId, a: number): number {
  if (act === 'tanh') return -2 * a * (1 - a * a);
  if (act === 'sigmoid') return a * (1 - a) * (1 - 2 * a);
  return 0;
}

/** Adds H v into out (data term), every sum in plain order. */
export function plainHessianVector(net: Mlp, w: Float64Array, v: Float64Array, set: PointSet, idx: Int32Array | null, count: number, out: Float64Array): void {
  const work = mlpWork(net, count);
  forward(net, w, set, idx, count, work);
  const make = () => net.sizes.map((s) => new Float64Array(s * count));
  const [rz, ra, delta, rdelta] = [make(), make(), make(), make()];
  const L = net.layers.length;
  const act = net.activation;
  for (let l = 1; l <= L; l++) {
    const { fanIn, fanOut, wOffset, bOffset } = net.layers[l - 1];
    for (let s = 0; s < count; s++) {
      for (let o = 0; o < fanOut; o++) {
        let acc = v[bOffset + o];
        for (let i = 0; i < fanIn; i++) acc += v[wOffset + o * fanIn + i] * work.a[l - 1][s * fanIn + i] + w[wOffset + o * fanIn + i] * ra[l - 1][s * fanIn + i];
        rz[l][s * fanOut + o] = acc;
      }
    }
    if (l < L) for (let k = 0; k < count * fanOut; k++) ra[l][k] = activationSlope(act, work.z[l][k], work.a[l][k]) * rz[l][k];
  }
  for (let s = 0; s < count; s++) {
    const p = sigmoid(work.z[L][s]);
    delta[L][s] = (p - set.y[idx ? idx[s] : s]) / count;
    rdelta[L][s] = (p * (1 - p) * rz[L][s]) / count;
  }
  for (let l = L; l >= 1; l--) {
    const { fanIn, fanOut, wOffset, bOffset } = net.layers[l - 1];
    const a = work.a[l - 1];
    for (let s = 0; s < count; s++) {
      for (let o = 0; o < fanOut; o++) {
        const dv = delta[l][s * fanOut + o];
        const rdv = rdelta[l][s * fanOut + o];
        out[bOffset + o] += rdv;
        for (let i = 0; i < fanIn; i++) out[wOffset + o * fanIn + i] += rdv * a[s * fanIn + i] + dv * ra[l - 1][s * fanIn + i];
      }
    }
    if (l === 1) break;
    for (let s = 0; s < count; s++) {
      for (let i = 0; i < fanIn; i++) {
        let e = 0;
        let re = 0;
        for (let o = 0; o < fanOut; o++) {
          const k = wOffset + o * fanIn + i;
          e += w[k] * delta[l][s * fanOut + o];
          re += v[k] * delta[l][s * fanOut + o] + w[k] * rdelta[l][s * fanOut + o];
        }
        const q = s * fanIn + i;
        const slope = activationSlope(act, work.z[l - 1][q], a[q]);
        delta[l - 1][q] = slope * e;
        rdelta[l - 1][q] = curvature(act, a[q]) * rz[l - 1][q] * e + slope * re;
      }
    }
  }
}
