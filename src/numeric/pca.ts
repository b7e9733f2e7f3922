// The two principal components of a path in R^d (the explorer's PCA plane of a function
// problem): the plane through the path's mean that holds the most of its variance.
//
// Cost. The path has n points of d numbers (n d <= 5e7). The covariance C = Y^T Y / m (Y: the m
// used points, centred at the path's mean) is d x d; its nonzero spectrum is that of the Gram
// matrix Y Y^T / m (m x m), with eigenvectors u = Y^T a / ||Y^T a|| (the snapshot method of
// Sirovich, 1987). So the dense eigenproblem (symmetricEigen, JAMA's tred2/tql2) has size
// min(m, d) <= MAX_EIGEN_SIZE, and building it costs m d min(m, d). When every point fits in
// that budget all are used (the exact PCA of the path); otherwise the path is cut into m pieces
// of equal length (arc length, not steps) and each piece's middle point stands for the points of
// its piece, weighted by their count. Evenly spaced steps would miss a fast first stretch (a few
// steps that cover most of the distance, so much of the variance) and over-sample a slow tail;
// a piece's points lie within 1/m of the path's length of their representative, so the weighted
// covariance is close to the whole path's. The variance the plane explains is always measured on
// the whole path (3 n d), so what the legend states is exact either way, and PC1 is the axis
// that holds more of it.
//
// Plain arithmetic and Math.sqrt only: the same input gives the same bits in every engine.
import { symmetricEigen } from './symmetricEigen';

/** The dense eigenproblem's size at most (about 0.15 s with vectors at 256). */
export const MAX_EIGEN_SIZE = 256;
/** Multiply-adds allowed to build it (m d min(m, d)). */
export const PCA_WORK = 4e7;
/** A component whose variance is below this fraction of PC1's is rounding (a path on a line has one direction). */
export const PCA_RANK_TOL = 1e-12;

/** Rows r of the ascending eigenvalues, top first, that hold a component (up to 2). */
function leading(values: Float64Array): number[] {
  const top = values.length - 1;
  const rows = [top, top - 1].filter((r) => r >= 0);
  return rows.filter((r) => values[r] > 0 && values[r] > PCA_RANK_TOL * values[top]);
}

export interface PathPca {
  /** The path's mean (the plane's origin). */
  mean: Float64Array;
  /** PC1 and PC2: orthonormal; the sign makes the path's last point lie at a >= 0 (b >= 0) from its first. */
  axes: [Float64Array, Float64Array];
  /** The whole path's variance (mean squared distance to the mean) along PC1 and PC2, and in all. */
  variances: [number, number];
  totalVariance: number;
  /** variances / totalVariance (0 for a path that does not move). */
  explained: [number, number];
  /** Points the components were computed from (all n, or one per piece of equal arc length). */
  used: number;
  points: number;
}

/** How many of n points the PCA of a path in R^d uses. */
export function pcaSampleSize(n: number, d: number): number {
  const cap = d > MAX_EIGEN_SIZE ? MAX_EIGEN_SIZE : Math.max(MAX_EIGEN_SIZE, Math.floor(PCA_WORK / (d * d)));
  return Math.min(n, cap);
}

/**
 * The points the components are computed from: all n (weights null), or one per piece of the
 * path cut into m pieces of equal arc length, weighted by the points of its piece.
 */
function sampleRows(points: ArrayLike<number>, d: number, n: number, m: number): { rows: number[]; weights: number[] | null } {
  const all = () => ({ rows: Array.from({ length: n }, (_, i) => i), weights: null });
  if (m >= n) return all();
  const along = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    let sq = 0;
    for (let k = 0; k < d; k++) {
      const step = points[i * d + k] - points[(i - 1) * d + k];
      sq += step * step;
    }
    along[i] = along[i - 1] + Math.sqrt(sq);
  }
  const length = along[n - 1];
  // A path that does not move: every point is the same, any one stands for all.
  if (!(length > 0) || !Number.isFinite(length)) return { rows: [0], weights: [n] };
  const rows: number[] = [];
  const weights: number[] = [];
  let first = 0;
  const piece = (i: number) => Math.min(m - 1, Math.floor((along[i] / length) * m));
  for (let i = 1; i <= n; i++) {
    if (i === n || piece(i) !== piece(first)) {
      rows.push((first + i - 1) >> 1);
      weights.push(i - first);
      first = i;
    }
  }
  return { rows, weights };
}

const dot = (a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, d: number): number => {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[ao + k] * b[bo + k];
  return s;
};

/** The PCA of the first n points of `points` (d numbers a point, point after point), or null when n < 1. */
export function pathPca(points: ArrayLike<number>, d: number, n: number): PathPca | null {
  if (n < 1 || d < 2) return null;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += points[i * d + k];
  for (let k = 0; k < d; k++) mean[k] /= n;
  const { rows, weights } = sampleRows(points, d, n, pcaSampleSize(n, d));
  const m = rows.length;
  const y = new Float64Array(m * d);
  rows.forEach((i, j) => {
    const w = weights === null ? 1 : Math.sqrt(weights[j]);
    for (let k = 0; k < d; k++) y[j * d + k] = w * (points[i * d + k] - mean[k]);
  });
  const found = d <= m ? covarianceAxes(y, m, d) : gramAxes(y, m, d);
  const axes = completeAxes(found, d);
  // The sign: the path runs from its first point toward its last along +PC1 (and +PC2).
  for (const u of axes) {
    const run = dot(points, (n - 1) * d, u, 0, d) - dot(points, 0, u, 0, d);
    if (run < 0) for (let k = 0; k < d; k++) u[k] = -u[k] + 0;
  }
  let total = 0;
  const variances: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    let a = 0;
    let b = 0;
    for (let k = 0; k < d; k++) {
      const c = points[i * d + k] - mean[k];
      total += c * c;
      a += c * axes[0][k];
      b += c * axes[1][k];
    }
    variances[0] += a * a;
    variances[1] += b * b;
  }
  variances[0] /= n;
  variances[1] /= n;
  total /= n;
  // PC1 holds more of the whole path's variance than PC2 (the sample's order could differ).
  if (variances[1] > variances[0]) {
    axes.reverse();
    variances.reverse();
  }
  const explained: [number, number] = total > 0 ? [variances[0] / total, variances[1] / total] : [0, 0];
  return { mean, axes, variances, totalVariance: total, explained, used: m, points: n };
}

/** The leading eigenvectors (up to 2, of positive eigenvalue) of Y^T Y: d x d, for d <= m. */
function covarianceAxes(y: Float64Array, m: number, d: number): Float64Array[] {
  const c = new Float64Array(d * d);
  for (let j = 0; j < m; j++) {
    for (let p = 0; p < d; p++) {
      const yp = y[j * d + p];
      if (yp === 0) continue;
      for (let q = p; q < d; q++) c[p * d + q] += yp * y[j * d + q];
    }
  }
  for (let p = 0; p < d; p++) for (let q = 0; q < p; q++) c[p * d + q] = c[q * d + p];
  const eig = symmetricEigen(c, d, true);
  if (!eig.ok) return [];
  return leading(eig.values).map((r) => eig.vectors!.slice(r * d, (r + 1) * d));
}

/** The same through the Gram matrix Y Y^T (m x m, for m < d): u = Y^T a / ||Y^T a||. */
function gramAxes(y: Float64Array, m: number, d: number): Float64Array[] {
  const g = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      const v = dot(y, i * d, y, j * d, d);
      g[i * m + j] = v;
      g[j * m + i] = v;
    }
  }
  const eig = symmetricEigen(g, m, true);
  if (!eig.ok) return [];
  const out: Float64Array[] = [];
  for (const r of leading(eig.values)) {
    const u = new Float64Array(d);
    for (let j = 0; j < m; j++) {
      const a = eig.vectors![r * m + j];
      for (let k = 0; k < d; k++) u[k] += a * y[j * d + k];
    }
    const norm = Math.sqrt(dot(u, 0, u, 0, d));
    if (!(norm > 0)) continue;
    for (let k = 0; k < d; k++) u[k] /= norm;
    out.push(u);
  }
  return out;
}

/**
 * Two orthonormal axes from the components found (a path on a line has one, a path that does not
 * move none): the missing ones are the coordinate axes least along those found, made orthogonal.
 */
function completeAxes(found: Float64Array[], d: number): [Float64Array, Float64Array] {
  const axes = found.slice(0, 2);
  while (axes.length < 2) {
    let best = 0;
    let bestWeight = Infinity;
    for (let k = 0; k < d; k++) {
      const weight = axes.reduce((s, u) => s + u[k] * u[k], 0);
      if (weight < bestWeight) {
        best = k;
        bestWeight = weight;
      }
    }
    const e = new Float64Array(d);
    e[best] = 1;
    for (const u of axes) {
      const c = u[best];
      for (let k = 0; k < d; k++) e[k] -= c * u[k];
    }
    const norm = Math.sqrt(dot(e, 0, e, 0, d));
    for (let k = 0; k < d; k++) e[k] /= norm;
    axes.push(e);
  }
  return [axes[0], axes[1]];
}
