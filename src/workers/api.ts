// The worker's API. The page's type of it is derived from this object (`typeof api`), so the
// page and the worker cannot drift apart (comlink, as squoosh does).
import * as Comlink from 'comlink';
import { formatErrors, type FieldError } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { createEngine, type RunChunk } from '../optim/engine';
import { regularized } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';
import type { Window2 } from '../surfaces/types';
import { sampleGrid } from './grid';
import { chunkBuffers, Session } from './session';

export interface SurfaceInfo {
  name: string;
  formula: string;
  teaches: string;
  view: Window2;
  start: [number, number];
  globalMin?: number;
}

export type StartResult =
  | { ok: true; labels: string[]; surface: SurfaceInfo; starts: [number, number][] }
  | { ok: false; errors: FieldError[]; message: string };

export type ChunkListener = (chunks: RunChunk[], finished: boolean) => void;

let session: Session | null = null;

function surfaceOf(exp: Experiment) {
  if (exp.problem.kind !== 'surface') return { ok: false as const, message: 'network problems are not supported yet' };
  return resolveSurface(exp.problem);
}

export const api = {
  /** Starts (or restarts) an experiment; chunks stream to `listener`. Paused when `paused`. */
  start(exp: Experiment, listener: ChunkListener, opts: { stepsPerTick: number; paused: boolean }): StartResult {
    session?.pause();
    session = null;
    const built = createEngine(exp);
    if (!built.ok) return { ok: false, errors: built.errors, message: formatErrors(built.errors) };
    const { engine } = built;
    const s = engine.surface;
    session = new Session(
      engine,
      (chunks, finished) => listener(Comlink.transfer(chunks, chunkBuffers(chunks)) as RunChunk[], finished),
      opts.stepsPerTick,
    );
    if (!opts.paused) session.play();
    return {
      ok: true,
      labels: engine.labels,
      surface: { name: s.name, formula: s.formula, teaches: s.teaches, view: s.view, start: s.start, globalMin: s.globalMin },
      starts: exp.runs.map((r) => r.start ?? s.start),
    };
  },
  pause(): void {
    session?.pause();
  },
  resume(): void {
    session?.play();
  },
  step(steps = 1): void {
    session?.step(steps);
  },
  setSpeed(stepsPerTick: number): void {
    session?.setSpeed(stepsPerTick);
  },
  cancel(): void {
    session?.pause();
    session = null;
  },
  /** f of the experiment's objective on an nx x ny grid over `view` (for contours). */
  grid(exp: Experiment, view: Window2, nx: number, ny: number): Float64Array | { error: string } {
    const surface = surfaceOf(exp);
    if (!surface.ok) return { error: surface.message };
    if (exp.problem.kind !== 'surface') return { error: 'not a surface problem' };
    const values = sampleGrid(regularized(surface.surface, exp.problem.regularization), view, nx, ny);
    return Comlink.transfer(values, [values.buffer]);
  },
};

export type WorkerApi = typeof api;
