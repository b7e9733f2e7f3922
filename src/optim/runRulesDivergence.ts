// Step 5 of a run (experiment-v1.md, "Semantics of one run"): x_{t+1} diverged when it, f there
// or the gradient there is not finite, or when it leaves the documented bound. The run then
// keeps x_t, its last finite point. The fused WebGL program prints the same box rule
// (runRulesGlsl.ts).
import type { ViewWindow } from '../experiment/types';

/**
 * On a surface, x leaves the box around the centre c of the surface's own default window with
 * half-width
 *   max(DIVERGENCE_SPANS x that window's span, START_ROOM x |start - c|)   (max-norm).
 * The box depends on the surface and the start only, never on the zoomed view, so zooming never
 * changes a run's numbers; a far start still has room to move. An absolute bound is not enough:
 * adaptive methods at lr = 1e6 jump 1e6 out and come back. On surfaces unbounded below (saddle,
 * monkeySaddle) a run that escapes is reported as diverged: the objective falls without limit.
 */
export const DIVERGENCE_SPANS = 100;
export const START_ROOM = 10;

/**
 * On a network, a weight leaves [-WEIGHT_BOUND, WEIGHT_BOUND]. Absolute: a network has no
 * window, and Glorot-initialised weights are O(1), so 1e6 is far outside any trained net.
 */
export const WEIGHT_BOUND = 1e6;

export interface DivergenceBox {
  cx: number;
  cy: number;
  /** Half-width (max-norm): diverged when |x - cx| > r or |y - cy| > r. */
  r: number;
}

/**
 * The box of a start at the centre of `home` (the surface's default window, Surface.view): its
 * centre, and the spans term of every start's half-width.
 */
export function homeBox(home: ViewWindow): DivergenceBox {
  const { x, y } = home;
  return { cx: (x[0] + x[1]) / 2, cy: (y[0] + y[1]) / 2, r: DIVERGENCE_SPANS * Math.max(x[1] - x[0], y[1] - y[0]) };
}

/** The box of a run from `start` on the surface whose default window is `home`. */
export function divergenceBox(home: ViewWindow, start: readonly [number, number]): DivergenceBox {
  const { cx, cy, r } = homeBox(home);
  return { cx, cy, r: boxHalfWidth(start[0], start[1], cx, cy, r) };
}

/** The half-width of a start's box: `r0` (the spans term), or START_ROOM x its distance if larger. */
export function boxHalfWidth(sx: number, sy: number, cx: number, cy: number, r0: number): number {
  return halfWidthAt(Math.max(Math.abs(sx - cx), Math.abs(sy - cy)), r0);
}

/** The half-width for a start at max-norm distance `far` from the centre: `r0`, or START_ROOM x far if larger. */
export function halfWidthAt(far: number, r0: number): number {
  return Math.max(r0, START_ROOM * far);
}

/** Whether (x, y) is outside the box or not finite (an edge point is inside). */
export function isOutsideBox(box: DivergenceBox, x: number, y: number): boolean {
  return isOutsideBoxAt(box.cx, box.cy, box.r, x, y);
}

/** isOutsideBox with the box as numbers. */
function isOutsideBoxAt(cx: number, cy: number, r: number, x: number, y: number): boolean {
  return !(Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - cx) <= r && Math.abs(y - cy) <= r);
}

/** Step 5 on a surface, before the gradient at x_{t+1} is evaluated: f(x_{t+1}) and the box. */
export function divergedAt(fNext: number, box: DivergenceBox, x: number, y: number): boolean {
  return divergedInBox(fNext, box.cx, box.cy, box.r, x, y);
}

/**
 * divergedAt with the box as numbers: the batched kernel keeps each start's half-width in a
 * typed array (reading it through an object per pixel, or writing one, costs a heap number).
 */
export function divergedInBox(fNext: number, cx: number, cy: number, r: number, x: number, y: number): boolean {
  return !Number.isFinite(fNext) || isOutsideBoxAt(cx, cy, r, x, y);
}

/** Whether one weight is outside [-WEIGHT_BOUND, WEIGHT_BOUND] or not finite. */
export function isOutsideWeightBound(w: number): boolean {
  return !(Math.abs(w) <= WEIGHT_BOUND);
}

/**
 * The same box in d dimensions, for a function problem (src/functions): its home is the
 * function's suggested slice (Instance.view). The centre is the slice's centre point with its two
 * drawn coordinates moved to the middles of their windows, r0 = DIVERGENCE_SPANS x the larger
 * window span, and the half-width is halfWidthAt(max-norm distance of the start, r0) over all d
 * coordinates. With d = 2 and the slice on coordinates 0 and 1 it is the surface's box exactly.
 */
export interface VectorBox {
  centre: Float64Array;
  r: number;
}

export interface VectorHome {
  axes: readonly [number, number];
  center: Float64Array;
  x: readonly [number, number];
  y: readonly [number, number];
}

export function vectorDivergenceBox(home: VectorHome, start: Float64Array): VectorBox {
  const { cx, cy, r: r0 } = homeBox({ x: [home.x[0], home.x[1]], y: [home.y[0], home.y[1]] });
  const centre = home.center.slice();
  centre[home.axes[0]] = cx;
  centre[home.axes[1]] = cy;
  let far = 0;
  for (let i = 0; i < centre.length; i++) far = Math.max(far, Math.abs(start[i] - centre[i]));
  return { centre, r: halfWidthAt(far, r0) };
}

/** Whether x is outside the d-dimensional box or has a coordinate that is not finite (an edge point is inside). */
export function isOutsideVectorBox(box: VectorBox, x: Float64Array): boolean {
  const { centre, r } = box;
  for (let i = 0; i < x.length; i++) if (!(Math.abs(x[i] - centre[i]) <= r)) return true;
  return false;
}

/** Step 5 on a function problem, as divergedAt on a surface: f(x_{t+1}) not finite, or x_{t+1} out of the box. */
export function vectorDivergedAt(fNext: number, box: VectorBox, x: Float64Array): boolean {
  return !Number.isFinite(fNext) || isOutsideVectorBox(box, x);
}
