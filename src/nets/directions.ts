// The two directions that span a loss-landscape slice through weights w*.
//
// random: filter-normalized Gaussian directions (Li, Xu, Taylor, Studer, Goldstein 2018,
//   "Visualizing the loss landscape of neural nets"). For a dense layer a filter is one unit's
//   row of incoming weights: each row of the random direction is rescaled to the norm of the
//   same row of w*, so the slice is comparable across layers of different scale and is not fooled
//   by the scale invariances of ReLU networks. Bias entries are 0, as in the paper.
// pca: the top two principal directions of the displacements w_t - w* along the run's path (the
//   paper's section 7, uncentred so the plane passes through w*: it is the plane through w* closest
//   to the path in the least-squares sense). Computed from the m x m Gram matrix of the m kept
//   snapshots, so the cost is m^2 dim rather than dim^2.
import { symmetricEigenInto, symmetricEigenWork } from '../numeric/symmetricEigen';
import type { Rng } from '../optim/rng';
import type { Mlp } from './mlp';

export type DirectionKind = 'random' | 'pca';

export interface Directions {
  kind: DirectionKind;
  d1: Float64Array;
  d2: Float64Array;
  /** pca: the share of the path's squared distance to w* along d1 and along d2. */
  explained?: [number, number];
}

export function filterNormalizedDirections(net: Mlp, center: Float64Array, rng: Rng): Directions {
  const draw = (): Float64Array => {
    const d = new Float64Array(net.weightCount);
    for (const { fanIn, fanOut, wOffset } of net.layers) {
      for (let o = 0; o < fanOut; o++) {
        const row = wOffset + o * fanIn;
        let rr = 0;
        let ww = 0;
        for (let i = 0; i < fanIn; i++) {
          d[row + i] = rng.normal();
          rr += d[row + i] * d[row + i];
          ww += center[row + i] * center[row + i];
        }
        const scale = rr > 0 ? Math.sqrt(ww / rr) : 0;
        for (let i = 0; i < fanIn; i++) d[row + i] *= scale;
      }
    }
    return d;
  };
  const d1 = draw();
  return { kind: 'random', d1, d2: draw() };
}

/**
 * Top two principal directions of (path_i - center), unit vectors. Null when the path has fewer
 * than two independent displacements (a run at its first steps): no plane is defined then.
 */
export function pcaDirections(center: Float64Array, path: Float64Array[]): Directions | null {
  const dim = center.length;
  const u: Float64Array[] = [];
  for (const w of path) {
    const d = new Float64Array(dim);
    let sq = 0;
    for (let k = 0; k < dim; k++) {
      d[k] = w[k] - center[k];
      sq += d[k] * d[k];
    }
    if (sq > 0) u.push(d);
  }
  const m = u.length;
  if (m < 2) return null;
  const gram = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) s += u[i][k] * u[j][k];
      gram[i * m + j] = s;
      gram[j * m + i] = s;
    }
  }
  const eig = symmetricEigenWork(m);
  if (!symmetricEigenInto(gram, m, true, eig)) return null; // a non-finite weight on the path: no plane
  const { values, vectors } = eig;
  let total = 0;
  for (let i = 0; i < m; i++) total += Math.max(0, values[i]);
  const top = [m - 1, m - 2];
  if (!(values[m - 2] > 1e-24 * values[m - 1])) return null; // the path lies on a line
  const [d1, d2] = top.map((col) => {
    // A right singular vector: sum_i V[i, col] u_i, normalized (V's column col is row col of `vectors`).
    const d = new Float64Array(dim);
    for (let i = 0; i < m; i++) {
      const c = vectors[col * m + i];
      for (let k = 0; k < dim; k++) d[k] += c * u[i][k];
    }
    let sq = 0;
    for (let k = 0; k < dim; k++) sq += d[k] * d[k];
    const norm = Math.sqrt(sq);
    for (let k = 0; k < dim; k++) d[k] /= norm;
    return d;
  });
  return { kind: 'pca', d1, d2, explained: [values[m - 1] / total, values[m - 2] / total] };
}
