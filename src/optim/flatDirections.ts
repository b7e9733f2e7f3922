// The flat directions of a function's continuous symmetry (Instance.symmetry), left out of the
// second-order test. At a critical point x every tangent t of the symmetry's orbit is an exact
// null vector of the Hessian (H t = 0), so H leaves the orbit's tangent space T and its
// complement T-perp invariant: the spectrum of H is {0 on T} and the spectrum of H on T-perp,
// and only the latter says what kind of point x is. P = I - B B^T (B an orthonormal basis of T)
// makes P H P, whose spectrum is exactly that: |T| zeros and H's spectrum on T-perp. Near a
// critical point (||grad f|| <= eps), t^T H t = -<grad f, second derivative of the orbit> is
// O(eps) and may be negative: the rounding-level "saddle" that leaving T out removes, while
// a real direction of descent (which lies in T-perp, as f is constant along T) stays.
import type { Instance } from '../functions/types';

/**
 * A tangent whose part outside the span of the earlier ones is below this fraction of its
 * length adds no direction (x is special there: a zero column of U shrinks the orbit).
 */
export const ORBIT_RANK_TOL = 1e-8;

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** An orthonormal basis of the tangent space of the symmetry's orbit through x (empty without a symmetry). */
export function orbitBasis(instance: Instance, x: Float64Array): Float64Array[] {
  const sym = instance.symmetry;
  if (!sym) return [];
  const tangents = Array.from({ length: sym.dimension }, () => new Float64Array(instance.dim));
  sym.tangents(x, tangents);
  const basis: Float64Array[] = [];
  for (const t of tangents) {
    const length = Math.sqrt(dot(t, t));
    if (!(length > 0) || !Number.isFinite(length)) continue;
    // Modified Gram-Schmidt, twice ("twice is enough": Kahan and Parlett).
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const c = dot(t, b);
        for (let i = 0; i < t.length; i++) t[i] -= c * b[i];
      }
    }
    const rest = Math.sqrt(dot(t, t));
    if (rest <= ORBIT_RANK_TOL * length) continue;
    for (let i = 0; i < t.length; i++) t[i] /= rest;
    basis.push(t);
  }
  return basis;
}

/** h (dense, row-major d x d, symmetric) becomes P h P, P = I - B B^T; B orthonormal. */
export function projectOutDense(h: Float64Array, d: number, basis: readonly Float64Array[]): void {
  const hb = new Float64Array(d);
  for (const b of basis) {
    // (I - b b^T) H (I - b b^T) = H - b (Hb)^T - (Hb) b^T + (b^T H b) b b^T, H symmetric.
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += h[i * d + j] * b[j];
      hb[i] = s;
    }
    const bhb = dot(b, hb);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) h[i * d + j] += -b[i] * hb[j] - hb[i] * b[j] + bhb * b[i] * b[j];
    }
  }
}

/** v -> P A P v + shift (I - P) v: A on the complement of the basis' span, the span itself at `shift`. */
export function projectedOperator(apply: (v: Float64Array, out: Float64Array) => void, basis: readonly Float64Array[], shift: number): (v: Float64Array, out: Float64Array) => void {
  let pv = new Float64Array(0);
  const coef = new Float64Array(basis.length);
  return (v, out) => {
    if (pv.length !== v.length) pv = new Float64Array(v.length);
    pv.set(v);
    basis.forEach((b, k) => {
      coef[k] = dot(pv, b);
      for (let i = 0; i < pv.length; i++) pv[i] -= coef[k] * b[i];
    });
    apply(pv, out);
    for (const b of basis) {
      const c = dot(out, b);
      for (let i = 0; i < out.length; i++) out[i] -= c * b[i];
    }
    basis.forEach((b, k) => {
      for (let i = 0; i < out.length; i++) out[i] += shift * coef[k] * b[i];
    });
  };
}

/** The ascending `values` without the `count` of them nearest 0 (P H P's zeros on the orbit). */
export function withoutNearestZero(values: Float64Array, count: number): Float64Array {
  if (count === 0) return values;
  const order = Array.from(values.keys()).sort((i, j) => Math.abs(values[i]) - Math.abs(values[j]) || i - j);
  const drop = new Set(order.slice(0, count));
  return values.filter((_, i) => !drop.has(i));
}
