// Every eigenvalue (and, on request, every eigenvector) of a dense real symmetric matrix:
// Householder reduction to tridiagonal form, then the implicit QL iteration with Wilkinson-type
// shifts. A port of JAMA's EigenvalueDecomposition.tred2 / tql2 (public domain; NIST and
// MathWorks, 1998), themselves from EISPACK's tred2 and tql2 (Bowdler, Martin, Reinsch and
// Wilkinson, Handbook for Automatic Computation II, Linear Algebra, 1971).
//
// Plain arithmetic only (+ - * / and Math.sqrt, which IEEE 754 rounds correctly): the same
// input gives the same bits in every engine. Cost: about (4/3) n^3 for the values, about 9 n^3
// with the vectors; values only for n = 1000 take seconds, not minutes (cyclic Jacobi would
// take about 10 sweeps of 6 n^3 each). Imports nothing.
//
// Storage: the work matrix is kept column-major (JAMA's V[k][j] at v[j * n + k]), so every inner
// loop of the reduction, the accumulation and the QL rotations walks contiguous memory. A symmetric
// input is its own transpose, so the caller's row-major matrix is read as is; the eigenvectors
// come back as ROWS: vectors[j * n + k] is component k of the eigenvector of values[j].

export interface SymmetricEigenWork {
  n: number;
  /** The eigenvalues, ascending, after a successful call. */
  values: Float64Array;
  /** Row j: the unit eigenvector of values[j] (when asked for; otherwise scratch). */
  vectors: Float64Array;
  e: Float64Array;
}

export function symmetricEigenWork(n: number): SymmetricEigenWork {
  return { n, values: new Float64Array(n), vectors: new Float64Array(n * n), e: new Float64Array(n) };
}

/** sqrt(a^2 + b^2) without under- or overflow (JAMA's Maths.hypot), in plain arithmetic. */
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const r = y / x;
    return x * Math.sqrt(1 + r * r);
  }
  if (y === 0) return 0;
  const r = x / y;
  return y * Math.sqrt(1 + r * r);
}

/** QL sweeps allowed per eigenvalue before giving up (EISPACK's limit). */
const MAX_QL_ITERATIONS = 30;

/**
 * Eigen-decomposition of the symmetric n x n matrix `a` (row-major, not modified; only entries
 * a[j * n + k] with k >= j are read) into work.values (ascending) and, when `wantVectors`,
 * work.vectors. Returns false when an entry is not finite or the QL iteration does not converge
 * (work is then garbage).
 */
export function symmetricEigenInto(a: Float64Array, n: number, wantVectors: boolean, work: SymmetricEigenWork): boolean {
  if (work.n !== n || a.length < n * n) return false;
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(a[i])) return false;
  if (n === 0) return true;
  work.vectors.set(a.subarray(0, n * n));
  tridiagonalize(n, wantVectors, work);
  return diagonalize(n, wantVectors, work);
}

/** The decomposition in fresh arrays, or an error as a value. */
export function symmetricEigen(
  a: Float64Array,
  n: number,
  wantVectors: boolean,
): { ok: true; values: Float64Array; vectors: Float64Array | null } | { ok: false; error: string } {
  const work = symmetricEigenWork(n);
  if (!symmetricEigenInto(a, n, wantVectors, work)) {
    return { ok: false, error: 'the matrix has a non-finite entry, or the QL iteration did not converge' };
  }
  return { ok: true, values: work.values, vectors: wantVectors ? work.vectors : null };
}

/** JAMA tred2: Householder reduction; d (work.values) and e get the tridiagonal, v the transformation. */
function tridiagonalize(n: number, wantVectors: boolean, work: SymmetricEigenWork): void {
  const { vectors: v, values: d, e } = work;
  const at = (row: number, col: number) => col * n + row; // JAMA's V[row][col], column-major
  for (let j = 0; j < n; j++) d[j] = v[at(n - 1, j)];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = v[at(i - 1, j)];
        v[at(i, j)] = 0;
        v[at(j, i)] = 0;
      }
    } else {
      // The Householder vector, scaled against under- and overflow.
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      // The similarity transformation of the remaining columns.
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[at(j, i)] = f;
        g = e[j] + v[at(j, j)] * f;
        const col = j * n;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[col + k] * d[k];
          e[k] += v[col + k] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        const col = j * n;
        for (let k = j; k <= i - 1; k++) v[col + k] -= f * e[k] + g * d[k];
        d[j] = v[at(i - 1, j)];
        v[at(i, j)] = 0;
      }
    }
    d[i] = h;
  }
  if (!wantVectors) {
    // The diagonal of the tridiagonal matrix is left on v's diagonal (JAMA reads it back the
    // same way, through V[n-1][i] = V[i][i] in its accumulation loop).
    for (let j = 0; j < n; j++) d[j] = v[at(j, j)];
    e[0] = 0;
    return;
  }
  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    v[at(n - 1, i)] = v[at(i, i)];
    v[at(i, i)] = 1;
    const h = d[i + 1];
    const next = (i + 1) * n;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[next + k] / h;
      for (let j = 0; j <= i; j++) {
        const col = j * n;
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[next + k] * v[col + k];
        for (let k = 0; k <= i; k++) v[col + k] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[next + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[at(n - 1, j)];
    v[at(n - 1, j)] = 0;
  }
  v[at(n - 1, n - 1)] = 1;
  e[0] = 0;
}

/** JAMA tql2: implicit QL on the tridiagonal (d, e), rotating v along; then an ascending sort. */
function diagonalize(n: number, wantVectors: boolean, work: SymmetricEigenWork): boolean {
  const { vectors: v, values: d, e } = work;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2.220446049250313e-16; // 2^-52
  for (let l = 0; l < n; l++) {
    // Find a small subdiagonal element.
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && !(Math.abs(e[m]) <= eps * tst1)) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > MAX_QL_ITERATIONS) return false;
        // The implicit shift.
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        // The implicit QL transformation.
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (wantVectors) {
            const ci = i * n;
            const cj = (i + 1) * n;
            for (let k = 0; k < n; k++) {
              const t = v[cj + k];
              v[cj + k] = s * v[ci + k] + c * t;
              v[ci + k] = c * v[ci + k] - s * t;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  if (!d.every(Number.isFinite)) return false;
  // Ascending order, the vectors along (selection sort: O(n^2) moves, small next to n^3).
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k === i) continue;
    d[k] = d[i];
    d[i] = p;
    if (wantVectors) {
      for (let j = 0; j < n; j++) {
        const t = v[i * n + j];
        v[i * n + j] = v[k * n + j];
        v[k * n + j] = t;
      }
    }
  }
  return true;
}
