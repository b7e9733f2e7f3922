// A 2D slice of the training objective around a run's current weights w*:
//   L(w* + a d1 + b d2) on an n x n grid of (a, b), n odd so (0, 0) is a grid point whose value
//   is exactly the run's current loss,
// with every run's path projected onto that plane. A projection can mislead (two far-apart
// weights may land on the same point of the plane), so each projected point carries its distance
// off the plane, and the slice reports the worst ratio of that distance to the distance from w*.
import type { Directions } from './directions';
import type { NetObjective } from './objective';

export const MAX_SLICE_GRID = 51;

export interface ProjectedPath {
  run: number;
  steps: number[];
  a: Float64Array;
  b: Float64Array;
  /** ||w_t - (w* + a d1 + b d2)||: how far the point is from the plane. */
  offPlane: Float64Array;
  /** ||w_t - w*||. */
  distance: Float64Array;
}

export interface SliceGrid {
  n: number;
  /** Half-widths: a runs over [-span[0], span[0]], b over [-span[1], span[1]]. */
  span: [number, number];
  a: Float64Array;
  b: Float64Array;
}

/** Row-major n x n: loss[j * n + i] = L(w* + a_i d1 + b_j d2). */
export type SliceEvaluator = (center: Float64Array, dirs: Directions, grid: SliceGrid) => Float64Array | Promise<Float64Array>;

export function checkGridSize(n: number): void {
  if (!(Number.isInteger(n) && n >= 3 && n <= MAX_SLICE_GRID && n % 2 === 1)) {
    throw new RangeError(`the slice grid must be an odd integer in 3..${MAX_SLICE_GRID} (got ${n})`);
  }
}

/** Coordinates s (2i - (n - 1)) / (n - 1): symmetric, and exactly 0 at the middle. */
export function axis(n: number, span: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (span * (2 * i - (n - 1))) / (n - 1);
  return out;
}

export function sliceGrid(n: number, span: [number, number]): SliceGrid {
  checkGridSize(n);
  if (!(span[0] > 0 && span[1] > 0 && Number.isFinite(span[0]) && Number.isFinite(span[1]))) {
    throw new RangeError(`slice spans must be positive and finite (got ${span[0]}, ${span[1]})`);
  }
  return { n, span, a: axis(n, span[0]), b: axis(n, span[1]) };
}

/** The reference evaluator: plain float64, the same loss function the engine records. */
export function evaluateSliceJs(objective: NetObjective, center: Float64Array, dirs: Directions, grid: SliceGrid): Float64Array {
  const { d1, d2 } = dirs;
  const w = new Float64Array(center.length);
  const out = new Float64Array(grid.n * grid.n);
  for (let j = 0; j < grid.n; j++) {
    const b = grid.b[j];
    for (let i = 0; i < grid.n; i++) {
      const a = grid.a[i];
      for (let k = 0; k < w.length; k++) w[k] = center[k] + a * d1[k] + b * d2[k];
      out[j * grid.n + i] = objective.loss(w);
    }
  }
  return out;
}

const dot = (x: Float64Array, y: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
};

/** Least-squares coordinates of each w - center in the plane of (d1, d2) and the distance off it. */
export function projectPath(run: number, steps: number[], weights: Float64Array[], center: Float64Array, dirs: Directions): ProjectedPath {
  const { d1, d2 } = dirs;
  const g11 = dot(d1, d1);
  const g12 = dot(d1, d2);
  const g22 = dot(d2, d2);
  const det = g11 * g22 - g12 * g12;
  const m = weights.length;
  const out: ProjectedPath = { run, steps: [...steps], a: new Float64Array(m), b: new Float64Array(m), offPlane: new Float64Array(m), distance: new Float64Array(m) };
  const u = new Float64Array(center.length);
  for (let t = 0; t < m; t++) {
    const w = weights[t];
    for (let k = 0; k < u.length; k++) u[k] = w[k] - center[k];
    const r1 = dot(d1, u);
    const r2 = dot(d2, u);
    const a = det > 0 ? (g22 * r1 - g12 * r2) / det : 0;
    const b = det > 0 ? (g11 * r2 - g12 * r1) / det : 0;
    let off = 0;
    for (let k = 0; k < u.length; k++) {
      const e = u[k] - a * d1[k] - b * d2[k];
      off += e * e;
    }
    out.a[t] = a;
    out.b[t] = b;
    out.offPlane[t] = Math.sqrt(off);
    out.distance[t] = Math.sqrt(dot(u, u));
  }
  return out;
}

/** Worst offPlane / distance over the paths (0 when every point is on the plane or at w*). */
export function maxRelativeOffPlane(paths: ProjectedPath[]): number {
  let worst = 0;
  for (const p of paths) {
    for (let t = 0; t < p.a.length; t++) if (p.distance[t] > 0) worst = Math.max(worst, p.offPlane[t] / p.distance[t]);
  }
  return worst;
}

/**
 * Half-widths that show the projected paths with a margin: 1.15 x the largest |coordinate|, and
 * at least `floor` (1 for filter-normalized directions, the scale of Li et al.'s plots).
 */
export function autoSpan(paths: ProjectedPath[], floor: number): [number, number] {
  let sa = 0;
  let sb = 0;
  for (const p of paths) {
    for (let t = 0; t < p.a.length; t++) {
      if (Number.isFinite(p.a[t])) sa = Math.max(sa, Math.abs(p.a[t]));
      if (Number.isFinite(p.b[t])) sb = Math.max(sb, Math.abs(p.b[t]));
    }
  }
  const pick = (s: number) => Number((Math.max(floor, 1.15 * s) || 1).toPrecision(3));
  return [pick(sa), pick(sb)];
}
