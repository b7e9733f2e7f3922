// A plane of R^d on which the explorer draws a function problem: two coordinates (x_i, x_j), or
// two orthonormal directions u, v through an origin o (the paths' principal components,
// src/numeric/pca.ts). A point x has plane coordinates (a, b): (x_i, x_j), or ((x - o).u, (x - o).v).
// The contours are those of f on the plane through the current point c: the point drawn at
// (a, b) is c with its own coordinates (a, b) and its other components (the coordinates not
// drawn; the part of c off the plane) kept, so c lies on its own projection, as the paths do.

export type Plane =
  | { kind: 'coordinates'; axes: [number, number] }
  | { kind: 'pca'; origin: number[]; u: number[]; v: number[] };

function along(x: ArrayLike<number>, offset: number, origin: readonly number[], w: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += (x[offset + k] - origin[k]) * w[k];
  return s;
}

/** The plane coordinates (a, b) of the point at x[offset .. offset + d). */
export function planeCoords(plane: Plane, x: ArrayLike<number>, offset = 0): [number, number] {
  if (plane.kind === 'coordinates') return [x[offset + plane.axes[0]], x[offset + plane.axes[1]]];
  return [along(x, offset, plane.origin, plane.u), along(x, offset, plane.origin, plane.v)];
}

/** Writes the plane coordinates of points from..to-1 (dim numbers each, point after point) into out as interleaved a, b. */
export function projectPoints(plane: Plane, points: ArrayLike<number>, dim: number, from: number, to: number, out: Float64Array): void {
  for (let i = from; i < to; i++) {
    const [a, b] = planeCoords(plane, points, i * dim);
    out[2 * i] = a;
    out[2 * i + 1] = b;
  }
}

/** Writes into `out` the point drawn at (a, b) on the plane through `center`; returns out. */
export function planePoint(plane: Plane, center: ArrayLike<number>, a: number, b: number, out: Float64Array): Float64Array {
  for (let k = 0; k < out.length; k++) out[k] = center[k];
  if (plane.kind === 'coordinates') {
    out[plane.axes[0]] = a;
    out[plane.axes[1]] = b;
    return out;
  }
  const [ca, cb] = planeCoords(plane, center);
  const da = a - ca;
  const db = b - cb;
  for (let k = 0; k < out.length; k++) out[k] += da * plane.u[k] + db * plane.v[k];
  return out;
}

/** A plane that fits a function of dimension d: two different coordinates of 0..d-1, or directions of d numbers; else why not. */
export function planeProblem(plane: Plane, d: number): string | null {
  if (plane.kind === 'coordinates') {
    const ok = plane.axes.every((a) => Number.isInteger(a) && a >= 0 && a < d) && plane.axes[0] !== plane.axes[1];
    return ok ? null : `the plane needs two different coordinates of 1..${d}`;
  }
  const ok = [plane.origin, plane.u, plane.v].every((w) => w.length === d && w.every(Number.isFinite));
  return ok ? null : `the plane needs an origin and two directions of ${d} finite numbers`;
}

/** The plane's axes in words: "x1", "x3", or "PC1 (82%)", "PC2 (11%)" given the variance each explains. */
export function planeAxisLabels(plane: Pick<Plane, 'kind'> & { axes?: [number, number] }, explained?: readonly [number, number]): [string, string] {
  if (plane.kind === 'coordinates' && plane.axes) return [`x${plane.axes[0] + 1}`, `x${plane.axes[1] + 1}`];
  const pct = (f: number | undefined) => (f === undefined || !Number.isFinite(f) ? '' : ` (${percent(f)})`);
  return [`PC1${pct(explained?.[0])}`, `PC2${pct(explained?.[1])}`];
}

/** A fraction as a percentage: whole percents; "<1%" and ">99%" rather than a rounded 0% or 100% that is not exact. */
export function percent(f: number): string {
  const p = 100 * f;
  if (p > 0 && p < 0.5) return '<1%';
  if (p >= 99.5 && p < 100) return '>99%';
  return `${Math.round(p)}%`;
}
