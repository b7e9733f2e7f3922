// Shared helpers of the src/functions tests: instances that must exist, points in a function's
// view, finite differences, and a plain gradient-descent loop.
import { fc } from '@fast-check/vitest';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { createInstance } from './index';
import type { Instance } from './types';

export function make(id: string, dim: number, params?: Record<string, number>): Instance {
  const r = createInstance(id, dim, params);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * dim numbers uniform in [0, 1) from a seed that fast-check draws. fast-check's own float arrays
 * favour the ends of the range, which here are often exactly where a function is flat or its
 * pieces meet; uniform samples hit the interior, and a failure still replays from its seed.
 */
export function uniformArb(dim: number): fc.Arbitrary<Float64Array> {
  return fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => {
    const gen = xoroshiro128plus(seed);
    return new Float64Array(dim).map(() => uniformFloat64(gen));
  });
}

/** Points with every coordinate uniform inside the instance's view window (the union of its x and y ranges). */
export function pointArb(inst: Instance): fc.Arbitrary<Float64Array> {
  const lo = Math.min(inst.view.x[0], inst.view.y[0]);
  const hi = Math.max(inst.view.x[1], inst.view.y[1]);
  return uniformArb(inst.dim).map((u) => u.map((w) => lo + (hi - lo) * w));
}

/** Directions with coordinates in [-1, 1], at least one of them not tiny. */
export function directionArb(dim: number): fc.Arbitrary<Float64Array> {
  return fc
    .float64Array({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true, minLength: dim, maxLength: dim })
    .filter((v) => v.some((c) => Math.abs(c) > 1e-3));
}

export const maxAbs = (v: Float64Array): number => v.reduce((m, c) => Math.max(m, Math.abs(c)), 0);
export const norm = (v: Float64Array): number => Math.sqrt(v.reduce((s, c) => s + c * c, 0));

export function axpy(x: Float64Array, v: Float64Array, h: number): Float64Array {
  const y = x.slice();
  for (let i = 0; i < y.length; i++) y[i] += h * v[i];
  return y;
}

export interface GdResult {
  x: Float64Array;
  steps: number;
  gradNorm: number;
  stopped: boolean;
}

/**
 * Plain gradient descent x <- x - lr grad f(x) (plus perturb(step, x) after each step when given),
 * stopping when ||grad|| <= gradTol (checked before each step) or after maxSteps.
 */
export function gd(inst: Instance, x0: Float64Array, lr: number, gradTol: number, maxSteps: number, perturb?: (step: number, x: Float64Array) => void): GdResult {
  const x = x0.slice();
  const g = new Float64Array(inst.dim);
  for (let step = 0; step < maxSteps; step++) {
    inst.grad(x, g);
    const gn = norm(g);
    if (gn <= gradTol) return { x, steps: step, gradNorm: gn, stopped: true };
    for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];
    perturb?.(step, x);
  }
  inst.grad(x, g);
  return { x, steps: maxSteps, gradNorm: norm(g), stopped: false };
}
