// Growable buffers of each run's streamed path. Appending a chunk copies it once into a
// doubling Float64Array, so a 100k-step run costs O(n) in total and no per-point objects.
import type { RunStop } from '../experiment/types';
import type { RunChunk } from '../optim/engine';
import { type Plane, projectPoints } from '../functions/plane';
import { grow } from '../numeric/grow';

export { grow };

export interface RunTrace {
  label: string;
  color: string;
  /** Interleaved x, y; valid up to 2 * length. */
  xy: Float64Array;
  f: Float64Array;
  gradNorm: Float64Array;
  /** lambda_min of the Hessian at each point (computed in the worker; NaN where none came). */
  lambdaMin: Float64Array;
  /** Evaluations of f and its gradient spent before each point's step (RunResult.evals): the charts' other x axis. */
  evals: Float64Array;
  length: number;
  perturbations: number[];
  stop: RunStop | null;
  /** A function problem's run: every coordinate of each point (dim a point), from which xy is projected. */
  points?: Float64Array;
  dim?: number;
}

/** The runs' colours, by run index (paths, swatches, charts; surface and network runs alike). */
export const RUN_COLORS = ['#e6550d', '#3182bd', '#31a354', '#756bb1', '#d6616b', '#8c6d31', '#17becf', '#e377c2'];

export const runColor = (index: number): string => RUN_COLORS[index % RUN_COLORS.length];

export function emptyTrace(label: string, index: number): RunTrace {
  return {
    label,
    color: runColor(index),
    xy: new Float64Array(256),
    f: new Float64Array(128),
    gradNorm: new Float64Array(128),
    lambdaMin: new Float64Array(128),
    evals: new Float64Array(128),
    length: 0,
    perturbations: [],
    stop: null,
  };
}

/**
 * A function problem's empty trace, its buffer of coordinates sized once for the run's every
 * point (dim x maxPoints): grown by doubling, a buffer of 2e7 numbers would be copied on the page
 * (a long task); the pages a shorter run never writes are never touched.
 */
export function emptyVectorTrace(label: string, index: number, dim: number, maxPoints: number): RunTrace {
  return { ...emptyTrace(label, index), dim, points: new Float64Array(dim * maxPoints) };
}

/** Appends in place; returns the same trace object (callers bump a revision counter). */
export function appendToTrace(t: RunTrace, chunk: RunChunk & { lambdaMin?: Float64Array }): RunTrace {
  const n = chunk.f.length;
  if (chunk.start !== t.length) throw new Error(`chunk for run ${chunk.run} starts at ${chunk.start}, trace has ${t.length}`);
  t.xy = grow(t.xy, 2 * (t.length + n));
  t.f = grow(t.f, t.length + n);
  t.gradNorm = grow(t.gradNorm, t.length + n);
  t.evals = grow(t.evals, t.length + n);
  t.xy.set(chunk.xy, 2 * t.length);
  t.f.set(chunk.f, t.length);
  t.gradNorm.set(chunk.gradNorm, t.length);
  t.lambdaMin = grow(t.lambdaMin, t.length + n);
  if (chunk.lambdaMin) t.lambdaMin.set(chunk.lambdaMin, t.length);
  else t.lambdaMin.fill(NaN, t.length, t.length + n);
  t.evals.set(chunk.evals, t.length);
  t.length += n;
  if (chunk.perturbations.length) t.perturbations.push(...chunk.perturbations);
  if (chunk.stop) t.stop = chunk.stop;
  return t;
}

/** Appends a function problem's chunk (dim coordinates a point): keeps every coordinate, projects xy on `plane`. */
export function appendVectorToTrace(t: RunTrace, chunk: RunChunk, plane: Plane): RunTrace {
  const dim = chunk.dim ?? 2;
  const n = chunk.f.length;
  const from = t.length;
  t.dim = dim;
  t.points = grow(t.points ?? new Float64Array(dim * 64), dim * (from + n));
  t.points.set(chunk.xy, dim * from);
  appendToTrace(t, { ...chunk, xy: new Float64Array(2 * n) });
  project(t, plane, from);
  return t;
}

/** Rewrites xy from the kept coordinates, from point `from` on (all of it when the plane changes). */
export function project(t: RunTrace, plane: Plane, from = 0): void {
  const { points, dim } = t;
  if (!points || !dim) return;
  projectPoints(plane, points, dim, from, t.length, t.xy);
}

/** Point `step` of a function problem's trace with all its coordinates, or null. */
export function pointAt(t: RunTrace, step: number): number[] | null {
  if (!t.points || !t.dim || step < 0 || step >= t.length) return null;
  return Array.from(t.points.subarray(step * t.dim, (step + 1) * t.dim));
}
