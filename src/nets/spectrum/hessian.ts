// The exact dense Hessian of a network's training objective, assembled column by column from
// exact Hessian-vector products (Pearlmutter's R-operator, ../hvp.ts): column j is H e_j. In exact
// arithmetic H is symmetric; rounding in the two passes makes H_ij and H_ji differ in the last
// bits, so the assembled matrix is symmetrized ((H + H^T) / 2) and the asymmetry it had is
// reported, as a measure of how exact "exact" is.
import type { NetObjective } from '../objective';

export interface Asymmetry {
  /** max over i < j of |H_ij - H_ji| before symmetrizing. */
  max: number;
  /** max / max |H_ij| (0 for a zero matrix). */
  relative: number;
}

export interface DenseHessian {
  dim: number;
  /** Row-major dim x dim, symmetrized. */
  h: Float64Array;
  asymmetry: Asymmetry;
}

/**
 * H of the full-batch training objective at w (into `out` when given, which must hold dim^2
 * numbers). Costs dim Hessian-vector products, each about 3 x samples x dim multiply-adds.
 */
export function exactHessian(objective: NetObjective, w: Float64Array, out?: Float64Array): DenseHessian {
  const n = objective.dim;
  const h = out ?? new Float64Array(n * n);
  const e = new Float64Array(n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e[j] = 1;
    objective.hvp(w, e, col);
    e[j] = 0;
    for (let i = 0; i < n; i++) h[i * n + j] = col[i];
  }
  let max = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    largest = Math.max(largest, Math.abs(h[i * n + i]));
    for (let j = i + 1; j < n; j++) {
      const a = h[i * n + j];
      const b = h[j * n + i];
      max = Math.max(max, Math.abs(a - b));
      largest = Math.max(largest, Math.abs(a), Math.abs(b));
      const m = 0.5 * (a + b);
      h[i * n + j] = m;
      h[j * n + i] = m;
    }
  }
  return { dim: n, h, asymmetry: { max, relative: largest > 0 ? max / largest : 0 } };
}
