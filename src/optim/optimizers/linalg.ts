// Small dense linear algebra for the second-order methods, on row-major n x n Float64Arrays.
// Problems are tiny (n = 2 on surfaces), so the simple method is the right one: Gaussian
// elimination with partial pivoting. (Symmetric eigenproblems: src/numeric/symmetricEigen.ts,
// through hessianEigen.ts.) Callers own every buffer, so a step allocates nothing.

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
