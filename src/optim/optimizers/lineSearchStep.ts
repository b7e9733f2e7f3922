// The optimizer modules of the line-search methods (lbfgs, bfgs, cg) wrap a LineSearchMethod of
// src/optim/quasiNewton: the engine's step gives g = grad f(x), f(x) and the evaluator; the
// method moves x and says how many evaluations it made (ctx.evals) and what it noticed, which
// the run's verdict states (RunStop.notes).
import type { StepNote } from '../quasiNewton/types';
import type { LineSearchMethod } from '../quasiNewton/types';
import type { OptimizerDef, OptimizerInstance } from '../types';
import type { ParamSpec } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

/**
 * What the three line-search methods share in their OptimizerDef. Not separable: their dot
 * products (two-loop recursion, H g, beta) couple the coordinates. No Hessian. They read
 * ctx.f and ctx.evaluate. No GLSL form: a line search evaluates f and the gradient along a
 * direction, several times a step, and the fused WebGL program has one gradient per pixel per
 * step, so their maps run on the JS path (glslSupports). No per-step scalars.
 */
export const LINE_SEARCH_TRAITS = {
  separable: false,
  needsHessian: false,
  needsEvaluator: true,
  stepScalars: NO_STEP_SCALARS,
  glsl: null,
} as const satisfies Partial<OptimizerDef>;

/** The sentence of each note, given how many steps made it. */
export type NoteWords = Partial<Record<StepNote, (count: number) => string>>;

const WOLFE_NOT_MET = (n: number) =>
  `the line search ended without the strong Wolfe conditions at ${n} step${n === 1 ? '' : 's'} (it took its best point)`;

/** An OptimizerInstance of a line-search method; `words` says which notes the verdict states. */
export function lineSearchInstance(id: string, method: LineSearchMethod, words: NoteWords): OptimizerInstance {
  const counts = new Map<StepNote, number>();
  const all: NoteWords = { wolfeNotMet: WOLFE_NOT_MET, ...words };
  return {
    step(x, g, ctx) {
      if (ctx.f === undefined || !ctx.evaluate) throw new Error(`${id} needs f and an evaluator in its step context`);
      const r = method.step(x, g, ctx.f, ctx.evaluate, ctx.lr);
      ctx.evals = r.evals;
      // (an indexed loop: for-of's iterator over the usually empty list cost as much as the step)
      const notes = r.notes;
      for (let i = 0; i < notes.length; i++) counts.set(notes[i], (counts.get(notes[i]) ?? 0) + 1);
      return false;
    },
    notes() {
      const out: string[] = [];
      for (const [note, n] of counts) {
        const say = all[note];
        if (say) out.push(say(n));
      }
      return out;
    },
  };
}

/** The curvature constant c2 of the strong Wolfe conditions |phi'(t)| <= c2 |phi'(0)| (c1 = 1e-4 < c2 < 1). */
export const c2Spec = (d: number, why: string): ParamSpec => ({
  type: 'number',
  default: d,
  min: 1e-3,
  max: 0.999,
  help: `strong Wolfe curvature constant: |phi'(t)| <= c2 |phi'(0)| (${why})`,
});
