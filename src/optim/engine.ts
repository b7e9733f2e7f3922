// The engine: an Experiment in, runs out, a chunk at a time (so the worker can stream and the
// CLI can print). Runs race: advance(k) moves every unfinished run k steps.
import { exactGradientIssues } from '../experiment/consistency';
import type { FieldError } from '../experiment/parse';
import { OPTIMIZER_SPECS, resolveParams } from './optimizers/params';
import type { Experiment, RunResult } from '../experiment/types';
import { runStreamId } from '../experiment/streamIds';
import { regularized } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';
import type { Surface } from '../surfaces/types';
import { OPTIMIZERS } from './optimizers';
import { runStream } from './rng';
import { type RunChunk, SurfaceRun } from './surfaceRun';
import { fmtNum } from './verdict';
import { createVectorEngine, type VectorEngine } from './vectorEngine';
import { planeStart } from '../experiment/functions';

export type { RunChunk } from './surfaceRun';
export type { VectorChunk, VectorEngine } from './vectorEngine';

export interface Engine {
  kind: 'surface';
  surface: Surface;
  labels: string[];
  readonly done: boolean;
  /**
   * Moves every unfinished run up to `steps` steps; one chunk per unfinished run. `reuse`: the
   * caller has copied what it needs of the previous chunks, whose arrays may now be written
   * again (SurfaceRun.advance); without it every chunk has arrays of its own.
   */
  advance(steps: number, reuse?: boolean): RunChunk[];
}

/** A surface problem's engine, or a function problem's (createEngine dispatches on problem.kind). */
export type AnyEngine = Engine | VectorEngine;

export type EngineResult = { ok: true; engine: AnyEngine } | { ok: false; errors: FieldError[] };

export function defaultLabel(run: Experiment['runs'][number]): string {
  if (run.label) return run.label;
  const lr = resolveParams(run.optimizer, run.params).lr as number;
  return `${OPTIMIZER_SPECS[run.optimizer].name} lr=${fmtNum(lr)}`;
}

export function createEngine(exp: Experiment): EngineResult {
  if (exp.problem.kind === 'function') return createVectorEngine(exp, exp.runs.map(defaultLabel));
  if (exp.problem.kind !== 'surface') {
    return { ok: false, errors: [{ path: 'problem.kind', message: 'a network problem runs on the network engine (createNetworkEngine), not the surface engine' }] };
  }
  const resolved = resolveSurface(exp.problem);
  if (!resolved.ok) return { ok: false, errors: [{ path: 'problem', message: resolved.message }] };
  const surface = resolved.surface;
  const objective = regularized(surface, exp.problem.regularization);
  // the schema refuses these; an experiment built in code may not have been through it
  const errors: FieldError[] = exactGradientIssues(exp).map(({ path, message }) => ({ path, message }));
  const runs: SurfaceRun[] = [];
  exp.runs.forEach((run, index) => {
    // the registry is complete (a Record over every id the schema accepts)
    const def = OPTIMIZERS[run.optimizer];
    runs.push(
      new SurfaceRun({
        index,
        run,
        objective,
        def,
        params: resolveParams(run.optimizer, run.params),
        start: planeStart(run) ?? surface.start,
        home: surface.view,
        maxSteps: exp.stop.maxSteps,
        gradTol: exp.stop.gradTol,
        rng: runStream(exp.seed, runStreamId(run, index)),
        ...(exp.stop.secondOrder ? { secondOrder: exp.stop.secondOrder } : {}),
        maxEvals: exp.stop.maxEvals,
      }),
    );
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    engine: {
      kind: 'surface',
      surface,
      labels: exp.runs.map(defaultLabel),
      get done() {
        return runs.every((r) => r.done);
      },
      advance(steps, reuse) {
        return runs.filter((r) => !r.done).map((r) => r.advance(steps, reuse));
      },
    },
  };
}

/** Runs an experiment to the end and collects every run's result (the CLI's path). */
export function collectResults(exp: Experiment, engine: AnyEngine, chunkSteps = 4096): RunResult[] {
  const results: RunResult[] = exp.runs.map((run, i) => ({
    label: engine.labels[i],
    optimizer: run.optimizer,
    points: [],
    f: [],
    gradNorm: [],
    evals: [],
    stop: { reason: 'maxSteps', step: 0, kind: null, hessianEigenvalues: null },
  }));
  while (!engine.done) {
    // appendChunk copies every number out, so the chunks' arrays can be reused
    for (const chunk of engine.advance(chunkSteps, true)) appendChunk(results[chunk.run], chunk);
  }
  return results;
}

export function appendChunk(result: RunResult, chunk: RunChunk): void {
  const dim = chunk.dim ?? 2;
  for (let i = 0; i < chunk.f.length; i++) {
    result.points.push(dim === 2 ? [chunk.xy[2 * i], chunk.xy[2 * i + 1]] : Array.from(chunk.xy.subarray(i * dim, (i + 1) * dim)));
    result.f.push(chunk.f[i]);
    result.gradNorm.push(chunk.gradNorm[i]);
    result.evals.push(chunk.evals[i]);
  }
  if (chunk.perturbations.length) (result.perturbations ??= []).push(...chunk.perturbations);
  if (chunk.stop) result.stop = chunk.stop;
}
