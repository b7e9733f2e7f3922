// Helpers for the tests that iterate the optimizer registry (registry.test.ts here, and the
// batched engine's step-constant tests): parameter settings that cover every boolean, a fixed
// gradient sequence, and a run of an optimizer's JS update that records the per-step scalars
// it reads.
import { vi } from 'vitest';
import type { ParamValue } from '../../experiment/types';
import { runStream } from '../rng';
import type { OptimizerDef, StepScalarSequence } from '../types';
import { resolveParams } from './params';

/** The defaults with every combination of the boolean parameters (and of the choices' options). */
export function flagSettings(def: OptimizerDef, overrides: Record<string, ParamValue> = {}): Record<string, ParamValue>[] {
  let settings: Record<string, ParamValue>[] = [{}];
  for (const [name, spec] of Object.entries(def.spec.params)) {
    const values: ParamValue[] = spec.type === 'boolean' ? [false, true] : spec.type === 'choice' ? [...spec.options] : [];
    if (values.length) settings = values.flatMap((value) => settings.map((s) => ({ ...s, [name]: value })));
  }
  return settings.map((s) => resolveParams(def.id, { ...overrides, ...s }));
}

/**
 * f = (x - 1)^2 + 3 (y + 0.5)^2 + x y with its gradient, for the methods that evaluate f
 * elsewhere (line searches): their gradients must come from one objective.
 */
export function quadraticEvaluator(): (x: Float64Array) => { f: number; g: Float64Array } {
  const out = { f: 0, g: new Float64Array(2) };
  return (x) => {
    out.f = (x[0] - 1) * (x[0] - 1) + 3 * (x[1] + 0.5) * (x[1] + 0.5) + x[0] * x[1];
    out.g[0] = 2 * (x[0] - 1) + x[1];
    out.g[1] = 6 * (x[1] + 0.5) + x[0];
    return out;
  };
}

/** A gradient for step t in `dim` coordinates: varied signs and sizes, never zero; tiny every tenth step (pgd's test). */
export function gradientAt(t: number, dim: number): Float64Array {
  const scale = t % 10 === 9 ? 1e-5 : 1;
  return Float64Array.from({ length: dim }, (_, i) => scale * (i % 2 === 0 ? 1 : -1) * (0.3 + 0.17 * i + 0.05 * ((t * 7 + i * 3) % 11)));
}

/** The Hessian the second-order methods get: a fixed symmetric dim x dim matrix with both signs of curvature. */
export function hessianFor(dim: number): Float64Array {
  return Float64Array.from({ length: dim * dim }, (_, k) => {
    const i = Math.floor(k / dim);
    const j = k % dim;
    return i === j ? (i % 2 === 0 ? 2 : -1) : 0.25;
  });
}

export interface RecordedRun {
  /** The points x_1 .. x_steps, flattened. */
  points: number[];
  /** The per-step scalars the update read at steps 1 .. steps (copies). */
  scalars: number[][];
  /** How many scalar sequences the update started. */
  starts: number;
}

/**
 * Runs `steps` steps of def's JS update in dim 2 from (0.5, -1), with def.stepScalars.start
 * spied on: the update reads its scalars from the sequence start() returns. `alter` may change
 * the values the update then sees (to show that it uses them).
 */
export function recordRun(def: OptimizerDef, params: Record<string, ParamValue>, steps: number, alter?: (v: Float64Array, step: number) => void): RecordedRun {
  const original = def.stepScalars.start;
  const scalars: number[][] = [];
  let starts = 0;
  const spy = vi.spyOn(def.stepScalars, 'start').mockImplementation((p): StepScalarSequence => {
    starts++;
    const sequence = original.call(def.stepScalars, p);
    return {
      next() {
        const v = sequence.next();
        scalars.push(Array.from(v));
        alter?.(v, scalars.length);
        return v;
      },
    };
  });
  try {
    const instance = def.create(params, 2);
    const x = Float64Array.from([0.5, -1]);
    const evaluate = def.needsEvaluator ? quadraticEvaluator() : undefined;
    const ctx = { lr: params.lr as number, rng: runStream(1, 0), hessian: def.needsHessian ? hessianFor(2) : undefined, evaluate, f: 0 };
    const points: number[] = [];
    for (let t = 0; t < steps; t++) {
      let g = gradientAt(t, 2);
      if (evaluate) {
        const at = evaluate(x);
        ctx.f = at.f;
        g = Float64Array.from(at.g);
      }
      instance.step(x, g, ctx);
      points.push(x[0], x[1]);
    }
    return { points, scalars, starts };
  } finally {
    spy.mockRestore();
  }
}
