// The optimizer modules of the line-search methods (lbfgs, bfgs, cg) wrap a LineSearchMethod of
// src/optim/quasiNewton: the engine's step gives g = grad f(x), f(x) and the evaluator; the
// method moves x and says how many evaluations it made (ctx.evals) and what it noticed, which
// the run's verdict states (RunStop.notes).
import { STEP_NOTES, type LineSearchMethod, type StepNote } from '../quasiNewton/types';
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
  // steps that made each note (index as STEP_NOTES), and the notes in the order they first
  // appeared, which is the order the verdict states them in
  const counts = new Float64Array(STEP_NOTES.length);
  const order: number[] = [];
  const all: NoteWords = { wolfeNotMet: WOLFE_NOT_MET, ...words };
  // Past convergence every step makes the same notes (BFGS: updateSkipped and stationary), and
  // counting them bit by bit cost a tenth of the engine's step: the steps are counted in runs
  // of one note set, added to the counts when the set changes (and before the verdict).
  let runSet = 0;
  let runLength = 0;
  const countRun = () => {
    for (let set = runSet, i = 0; set !== 0; set >>>= 1, i++) {
      if ((set & 1) === 0) continue;
      if (counts[i] === 0) order.push(i);
      counts[i] += runLength;
    }
    runLength = 0;
  };
  return {
    step(x, g, ctx) {
      if (ctx.f === undefined || !ctx.evaluate) throw new Error(`${id} needs f and an evaluator in its step context`);
      const r = method.step(x, g, ctx.f, ctx.evaluate, ctx.lr);
      ctx.evals = r.evals;
      if (r.notes !== runSet) {
        countRun();
        runSet = r.notes;
      }
      runLength += 1;
      return false;
    },
    notes() {
      countRun();
      const out: string[] = [];
      for (const i of order) {
        const say = all[STEP_NOTES[i]];
        if (say) out.push(say(counts[i]));
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
