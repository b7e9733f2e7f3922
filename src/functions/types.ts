// A d-dimensional test function: value, gradient and Hessian-vector product in closed form, in
// float64, for d from 2 to 1000. The 2D catalogue (src/surfaces) draws contours; these functions
// are where high-dimensional phenomena live (saddles with many negative directions, chains of
// saddles, factorization landscapes), so the core API is f / grad / hvp on flat Float64Arrays
// that the caller owns: the engine's hot loop allocates nothing.
import { LIMITS } from '../experiment/limits';
import type { FunctionId, PointKind } from '../experiment/types';

/** The ids are the Experiment's (FUNCTION_IDS); limits.test.ts proves the registry has exactly them. */
export type DFunctionId = FunctionId;

/** The dimensions every function accepts at most: the engine's and the link's limit. */
export const MAX_DIM = LIMITS.functionDim.max;
/** Above this dimension dense Hessians (d*d numbers) are not offered: spectra use Lanczos. */
export const DENSE_MAX_DIM = LIMITS.denseHessianDim.max;

/** One numeric parameter of a function (a key of the `params` record that `create` takes). */
export interface ParamSpec {
  key: string;
  label: string;
  /** What it does, one sentence. */
  about: string;
  default: number;
  /** Inclusive bounds; relations between parameters and the dimension are checked by `create`. */
  min: number;
  max: number;
  integer: boolean;
}

export type FunctionParams = Readonly<Record<string, number>>;

/** A critical point the function's construction gives exactly (not found by a search). */
export interface KnownCriticalPoint {
  label: string;
  x: Float64Array;
  kind: PointKind;
  /** Morse index: the number of negative Hessian eigenvalues. */
  index: number;
  value: number;
}

/** A critical point of one coordinate's term of a separable function, with that term's curvature. */
export interface AxisCriticalPoint {
  t: number;
  curvature: number;
}

export interface CriticalPoints {
  /** A few named critical points (global minimum, the saddle of interest, ...). */
  named: KnownCriticalPoint[];
  /** True when `named` (with `axis`, when present) gives every critical point. */
  complete: boolean;
  /**
   * For separable functions f(x) = c + sum_i g_i(x_i): the critical points of g_i. Every choice
   * of one point per axis is a critical point of f and these are all of them; its Hessian is
   * diagonal, so its index is the number of chosen points with negative curvature (see
   * `separablePoint`). A function, not a list: d axes times many points would be large.
   */
  axis?: (i: number) => readonly AxisCriticalPoint[];
}

/** A suggested 2D slice for drawing: coordinates axes[0] and axes[1] vary over x and y, the others stay at center's values. */
export interface SliceView {
  axes: [number, number];
  center: Float64Array;
  x: [number, number];
  y: [number, number];
}

/**
 * A continuous symmetry of f: f(g . x) = f(x) for every g of a Lie group (matrix factorization:
 * U -> U Q, Q orthogonal). Its orbit through x is a curve set of equal values, so at a critical
 * point every tangent of the orbit is an exact null vector of the Hessian (differentiate
 * grad f(g . x) = g . grad f(x) along the orbit): zero eigenvalues that say nothing about the
 * kind of the point. The verdict leaves them out (src/optim/flatDirections.ts).
 */
export interface Symmetry {
  /** What it is, as the verdict names it: "the rotation symmetry U -> U Q". */
  about: string;
  /** The orbit's dimension at a generic point (r(r-1)/2 for Q in O(r)); tangents() writes this many vectors. */
  dimension: number;
  /** Tangent vectors of the orbit through x, spanning it (some are 0 or dependent where x is special, e.g. a zero column of U). */
  tangents(x: Float64Array, out: Float64Array[]): void;
}

/** One function at one dimension with its parameters fixed (precomputed data inside). */
export interface Instance {
  id: DFunctionId;
  dim: number;
  params: FunctionParams;
  /** The formula as plain text, for display. */
  formula: string;
  f(x: Float64Array): number;
  /** Writes the gradient into out and returns f(x), in one pass. */
  grad(x: Float64Array, out: Float64Array): number;
  /** out = H(x) v, in closed form (no finite differences). out must not alias x or v. */
  hvp(x: Float64Array, v: Float64Array, out: Float64Array): void;
  /** The dense Hessian, row-major dim x dim, into out. Meant for dim <= DENSE_MAX_DIM. */
  hessian(x: Float64Array, out: Float64Array): void;
  /** A fresh copy of the default start. */
  defaultStart(): Float64Array;
  /** A learning rate for plain gradient descent that is stable near the start (see each function). */
  suggestedLr: number;
  globalMin?: number;
  criticalPoints?: CriticalPoints;
  /** A continuous symmetry whose flat directions the verdict leaves out (none: every direction counts). */
  symmetry?: Symmetry;
  view: SliceView;
}

export type CreateResult = { ok: true; value: Instance } | { ok: false; error: string };

export interface DFunction {
  id: DFunctionId;
  name: string;
  /** One sentence: what it teaches and its source. */
  about: string;
  minDim: number;
  maxDim: number;
  params: readonly ParamSpec[];
  /** Checks dim and params (missing params take their defaults); one printable line on error. */
  create(dim: number, params?: Readonly<Record<string, number | undefined>>): CreateResult;
}
