// Small dense linear algebra for the second-order methods, on row-major n x n Float64Arrays.
// Problems are tiny (n = 2 on surfaces), so the simple methods are the right ones: Gaussian
// elimination with partial pivoting, and cyclic Jacobi rotations for symmetric eigenproblems.
// Callers own every buffer, so a step allocates nothing.
import { eigenSym2 } from '../../surfaces/classify';

/**
 * Solves A z = b into z, overwriting the work copy `a` (n x n) and `z` (which starts as b).
 * Returns false when A is singular (an exactly zero pivot, or a non-finite entry); z is then
 * left partly eliminated and must not be used.
 */
export function solveInPlace(a: Float64Array, z: Float64Array, n: number): boolean {
  if (n === 2) return solve2(a, z);
  for (let k = 0; k < n; k++) {
    let piv = k;
    let best = Math.abs(a[k * n + k]);
    for (let r = k + 1; r < n; r++) {
      const v = Math.abs(a[r * n + k]);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (!(best > 0) || !Number.isFinite(best)) return false;
    if (piv !== k) {
      for (let c = k; c < n; c++) {
        const tmp = a[k * n + c];
        a[k * n + c] = a[piv * n + c];
        a[piv * n + c] = tmp;
      }
      const tz = z[k];
      z[k] = z[piv];
      z[piv] = tz;
    }
    const akk = a[k * n + k];
    for (let r = k + 1; r < n; r++) {
      const m = a[r * n + k] / akk;
      if (m === 0) continue;
      for (let c = k + 1; c < n; c++) a[r * n + c] -= m * a[k * n + c];
      z[r] -= m * z[k];
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = z[k];
    for (let c = k + 1; c < n; c++) s -= a[k * n + c] * z[c];
    z[k] = s / a[k * n + k];
  }
  return true;
}

/**
 * solveInPlace for n = 2 (the surfaces' case): the general elimination written out, the same
 * operations in the same order, so the same numbers, without loops. Arrays in, not numbers: the
 * engine's step loop is near V8's inlining budget, and a call that is not inlined boxes every
 * number it is passed (a heap number each), where an array costs nothing.
 */
export function solve2(a: Float64Array, z: Float64Array): boolean {
  let a00 = a[0];
  let a01 = a[1];
  let a10 = a[2];
  let a11 = a[3];
  let z0 = z[0];
  let z1 = z[1];
  if (Math.abs(a10) > Math.abs(a00)) {
    let tmp = a00;
    a00 = a10;
    a10 = tmp;
    tmp = a01;
    a01 = a11;
    a11 = tmp;
    tmp = z0;
    z0 = z1;
    z1 = tmp;
  }
  const best = Math.abs(a00);
  if (!(best > 0) || !Number.isFinite(best)) return false;
  const m = a10 / a00;
  if (m !== 0) {
    a11 -= m * a01;
    z1 -= m * z0;
  }
  const best1 = Math.abs(a11);
  if (!(best1 > 0) || !Number.isFinite(best1)) return false;
  const r1 = z1 / a11;
  z[1] = r1;
  z[0] = (z0 - a01 * r1) / a00;
  return true;
}

/**
 * Eigen-decomposition of the symmetric n x n matrix `a` (overwritten): eigenvalues into `values`
 * (ascending), unit eigenvectors into the columns of `vectors` (row-major n x n). n = 2 uses the
 * closed form of surfaces/classify (the one that classifies stop points); larger n cyclic Jacobi.
 */
export function eigenSym(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array): void {
  if (n === 2) {
    const e = eigenSym2(a[0], (a[1] + a[2]) / 2, a[3]);
    values[0] = e.values[0];
    values[1] = e.values[1];
    vectors[0] = e.vectors[0][0];
    vectors[2] = e.vectors[0][1];
    vectors[1] = e.vectors[1][0];
    vectors[3] = e.vectors[1][1];
    return;
  }
  vectors.fill(0);
  for (let i = 0; i < n; i++) vectors[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = a[i * n + j] * a[i * n + j];
        total += v;
        if (i !== j) off += v;
      }
    }
    if (!(off > 1e-30 * total)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // The rotation that zeroes a[p][q] (Golub and Van Loan, Algorithm 8.4.1).
        const tau = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = vectors[k * n + p];
          const vkq = vectors[k * n + q];
          vectors[k * n + p] = c * vkp - s * vkq;
          vectors[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  // Sort ascending (selection sort: n is small), moving the eigenvector columns along.
  for (let i = 0; i < n - 1; i++) {
    let m = i;
    for (let j = i + 1; j < n; j++) if (values[j] < values[m]) m = j;
    if (m === i) continue;
    const tv = values[i];
    values[i] = values[m];
    values[m] = tv;
    for (let k = 0; k < n; k++) {
      const tmp = vectors[k * n + i];
      vectors[k * n + i] = vectors[k * n + m];
      vectors[k * n + m] = tmp;
    }
  }
}
