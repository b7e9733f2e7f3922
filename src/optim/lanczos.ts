// The extreme eigenvalues of a symmetric operator known only through products A v (here
// Hessian-vector products), by the Lanczos iteration with full reorthogonalization.
//
// k steps build an orthonormal basis Q of the Krylov space span{q, Aq, ..., A^(k-1) q} and the
// tridiagonal T = Q^T A Q; T's extreme eigenvalues (Ritz values) approach A's from inside the
// spectrum, the extremes first. For a Ritz pair (theta, Q s) the residual ||A Q s - theta Q s|| is
// beta_k |s_k|, and some eigenvalue of A lies within that distance of theta (Parlett, "The
// symmetric eigenvalue problem", 13.2). We stop when both extremes have a small residual, when
// both stop moving (clustered eigenvalues: the value converges long before the vector), or after
// maxIter steps. Full reorthogonalization costs k^2 n but keeps T honest (no ghost copies).
// If the Krylov space closes early (beta = 0: an invariant subspace), T's eigenvalues are exactly
// the distinct eigenvalues of A that the start vector touches, which for a random start vector
// is all of them (almost surely): the extremes are then exact.
import type { Rng } from './rng';

export interface ExtremeEigenvalues {
  min: number;
  max: number;
  /** Operator products used. */
  iterations: number;
  /** True when the residual or stagnation test passed (false: stopped at maxIter). */
  converged: boolean;
  /**
   * When stopped at maxIter: the residuals ||A y - theta y|| of the two Ritz pairs (some
   * eigenvalue of A lies within each of its estimate; A's extremes may lie beyond).
   */
  residuals?: [number, number];
}

export interface LanczosOptions {
  maxIter?: number;
  /** Relative residual tolerance (times max |theta|). */
  tol?: number;
}

/** Eigenvalues of the symmetric tridiagonal T (diagonal a[0..k-1], off-diagonal b[0..k-2]) below x. */
function countBelow(a: Float64Array, b: Float64Array, k: number, x: number): number {
  let count = 0;
  let d = 1;
  for (let i = 0; i < k; i++) {
    const off = i > 0 ? (b[i - 1] * b[i - 1]) / d : 0;
    d = a[i] - x - off;
    if (d === 0) d = -1e-300; // a zero pivot: perturb, the Sturm count stays valid
    if (d < 0) count++;
  }
  return count;
}

/** The j-th smallest eigenvalue (j = 0 .. k-1) of T by bisection on Sturm counts. */
export function tridiagonalEigenvalue(a: Float64Array, b: Float64Array, k: number, j: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < k; i++) {
    const r = (i > 0 ? Math.abs(b[i - 1]) : 0) + (i < k - 1 ? Math.abs(b[i]) : 0);
    lo = Math.min(lo, a[i] - r);
    hi = Math.max(hi, a[i] + r);
  }
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break; // the interval is one ulp wide
    if (countBelow(a, b, k, mid) > j) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/** |last component| of the unit eigenvector of T for eigenvalue theta, by two inverse iterations. */
function lastComponent(a: Float64Array, b: Float64Array, k: number, theta: number, scale: number): number {
  if (k === 1) return 1;
  const shift = theta + 1e-10 * scale; // exactly theta would make T - theta I singular
  const x = new Float64Array(k).fill(1);
  const c = new Float64Array(k);
  const d = new Float64Array(k);
  for (let rep = 0; rep < 2; rep++) {
    // Thomas algorithm on (T - shift I) y = x.
    let piv = a[0] - shift || 1e-300;
    c[0] = k > 1 ? b[0] / piv : 0;
    d[0] = x[0] / piv;
    for (let i = 1; i < k; i++) {
      piv = a[i] - shift - b[i - 1] * c[i - 1] || 1e-300;
      c[i] = i < k - 1 ? b[i] / piv : 0;
      d[i] = (x[i] - b[i - 1] * d[i - 1]) / piv;
    }
    x[k - 1] = d[k - 1];
    for (let i = k - 2; i >= 0; i--) x[i] = d[i] - c[i] * x[i + 1];
    let norm = 0;
    for (let i = 0; i < k; i++) norm += x[i] * x[i];
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Number.isFinite(norm)) return 1; // no estimate: report "not converged"
    for (let i = 0; i < k; i++) x[i] /= norm;
  }
  return Math.abs(x[k - 1]);
}

function randomUnit(n: number, rng: Rng): Float64Array {
  const v = new Float64Array(n);
  let sq = 0;
  while (sq === 0) {
    for (let i = 0; i < n; i++) v[i] = rng.normal();
    sq = dot(v, v);
  }
  const norm = Math.sqrt(sq);
  for (let i = 0; i < n; i++) v[i] /= norm;
  return v;
}

const dot = (x: Float64Array, y: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
};
const axpy = (y: Float64Array, x: Float64Array, a: number): void => {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
};

/** Smallest and largest eigenvalue of the symmetric n x n operator `apply` (out = A v). */
export function lanczosExtremes(apply: (v: Float64Array, out: Float64Array) => void, n: number, rng: Rng, opts: LanczosOptions = {}): ExtremeEigenvalues {
  const maxIter = Math.min(n, opts.maxIter ?? 100);
  const tol = opts.tol ?? 1e-7;
  const alpha = new Float64Array(maxIter);
  const beta = new Float64Array(maxIter);
  const q: Float64Array[] = [];
  const w = new Float64Array(n);
  let v = randomUnit(n, rng);
  let min = NaN;
  let max = NaN;
  const history: [number, number][] = [];
  let residuals: [number, number] = [NaN, NaN];
  for (let j = 0; j < maxIter; j++) {
    q.push(v);
    apply(v, w);
    alpha[j] = dot(v, w);
    // Full reorthogonalization, twice ("twice is enough", Kahan and Parlett).
    for (let pass = 0; pass < 2; pass++) for (const u of q) axpy(w, u, -dot(w, u));
    const k = j + 1;
    min = tridiagonalEigenvalue(alpha, beta, k, 0);
    max = tridiagonalEigenvalue(alpha, beta, k, k - 1);
    if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: NaN, max: NaN, iterations: k, converged: false };
    const scale = Math.max(Math.abs(min), Math.abs(max), 1e-300);
    const b = Math.sqrt(dot(w, w));
    if (k === n) return { min, max, iterations: k, converged: true };
    history.push([min, max]);
    const old = history.length > 10 ? history[history.length - 11] : null;
    const still = old !== null && Math.abs(old[0] - min) <= 1e-12 * scale && Math.abs(old[1] - max) <= 1e-12 * scale;
    const resMin = b * lastComponent(alpha, beta, k, min, scale);
    const resMax = b * lastComponent(alpha, beta, k, max, scale);
    if ((resMin <= tol * scale && resMax <= tol * scale) || still) return { min, max, iterations: k, converged: true };
    if (b <= 1e-12 * scale) return { min, max, iterations: k, converged: true };
    residuals = [resMin, resMax];
    if (j + 1 === maxIter) break;
    beta[j] = b;
    v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = w[i] / b;
  }
  return { min, max, iterations: maxIter, converged: false, residuals };
}
