// The engine of a function problem (src/functions): its runs race as a surface's do
// (advance(k) moves every unfinished run k steps), each a VectorRun under the same run rules.
// createEngine (engine.ts) dispatches here on problem.kind === 'function'.
import type { FieldError } from '../experiment/parse';
import { LIMITS } from '../experiment/limits';
import type { Experiment, FunctionProblem } from '../experiment/types';
import { createInstance } from '../functions';
import type { Instance } from '../functions/types';
import { OPTIMIZERS } from './optimizers';
import { resolveParams } from './optimizers/params';
import { runStreamId } from '../experiment/streamIds';
import { exactGradientIssues } from '../experiment/consistency';
import { runStream } from './rng';
import { type VectorChunk, VectorRun } from './vectorRun';

export type { VectorChunk } from './vectorRun';

export interface VectorEngine {
  kind: 'function';
  instance: Instance;
  labels: string[];
  /** The runs, for what reads their state beyond the chunks (x_0 after its random draw). */
  readonly runs: readonly VectorRun[];
  readonly done: boolean;
  /** Moves every unfinished run up to `steps` steps; one chunk per unfinished run. */
  advance(steps: number): VectorChunk[];
}

export type VectorEngineResult = { ok: true; engine: VectorEngine } | { ok: false; errors: FieldError[] };

/** The instance of a function problem, or the function's own one-line reason (k > dim, r not dividing dim, ...). */
export function instanceOf(problem: FunctionProblem): { ok: true; value: Instance } | { ok: false; errors: FieldError[] } {
  const built = createInstance(problem.id, problem.dim, problem.params);
  return built.ok ? built : { ok: false, errors: [{ path: 'problem', message: built.error }] };
}

export function createVectorEngine(exp: Experiment, labels: string[]): VectorEngineResult {
  if (exp.problem.kind !== 'function') return { ok: false, errors: [{ path: 'problem.kind', message: 'not a function problem' }] };
  const built = instanceOf(exp.problem);
  if (!built.ok) return built;
  const instance = built.value;
  const d = instance.dim;
  // the schema refuses these (line searches need exact gradients); an experiment built in code may not have been through it
  const errors: FieldError[] = exactGradientIssues(exp).map(({ path, message }) => ({ path, message }));
  const runs: VectorRun[] = [];
  exp.runs.forEach((run, index) => {
    const def = OPTIMIZERS[run.optimizer];
    if (def.needsHessian && d > LIMITS.denseHessianDim.max) {
      errors.push({
        path: `runs[${index}].optimizer`,
        message: `${run.optimizer} needs the dense Hessian every step, offered up to d = ${LIMITS.denseHessianDim.max}; problem.dim is ${d} (choose a first-order method, or d <= ${LIMITS.denseHessianDim.max})`,
      });
      return;
    }
    if (run.start !== undefined && run.start.length !== d) {
      errors.push({ path: `runs[${index}].start`, message: `must have ${d} numbers, one per coordinate (got ${run.start.length})` });
      return;
    }
    runs.push(
      new VectorRun({
        index,
        run,
        instance,
        def,
        params: resolveParams(run.optimizer, run.params),
        start: run.start ? Float64Array.from(run.start) : instance.defaultStart(),
        maxSteps: exp.stop.maxSteps,
        gradTol: exp.stop.gradTol,
        maxEvals: exp.stop.maxEvals,
        ...(exp.stop.secondOrder ? { secondOrder: exp.stop.secondOrder } : {}),
        rng: runStream(exp.seed, runStreamId(run, index)),
        seed: exp.seed,
      }),
    );
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    engine: {
      kind: 'function',
      instance,
      labels,
      runs,
      get done() {
        return runs.every((r) => r.done);
      },
      advance(steps) {
        return runs.filter((r) => !r.done).map((r) => r.advance(steps));
      },
    },
  };
}

/**
 * The most numbers a function problem's recorded paths may hold (runs x points x (d + 3): the coordinates, f, ||grad f|| and evals) where
 * every point is kept: the CLI's run output keeps every chunk until the runs end (8 bytes a
 * number: 400 MB; about 1 GB of text), and the app's traces keep them to re-project the path.
 */
export const MAX_PATH_NUMBERS = 5e7;

/** Null when the paths fit, else the line that says why not and what to do. */
export function pathsTooLarge(exp: Experiment): string | null {
  const p = exp.problem;
  if (p.kind !== 'function') return null;
  const numbers = exp.runs.length * (exp.stop.maxSteps + 1) * (p.dim + 3);
  if (numbers <= MAX_PATH_NUMBERS) return null;
  return `the paths would hold up to ${exp.runs.length} runs x ${exp.stop.maxSteps + 1} points x ${p.dim + 3} numbers = ${numbers.toExponential(2)} numbers, more than ${MAX_PATH_NUMBERS.toExponential(0)}: lower stop.maxSteps or problem.dim (the command line's --rates and --escape-vs-dim keep no path)`;
}
