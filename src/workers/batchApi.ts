// The batch worker's API (basin and sweep maps). The page's type of it is derived from this
// object (`typeof batchApi`), as for the engine worker. Every worker of the pool runs the same
// API: any of them runs JS rows; the first also holds the WebGL2 context of the fused engine.
//
// Every run carries its job's id (BatchClient.newJobId) and answers with it, so the page routes
// each result to the job that asked for it. Long runs yield to the event loop between chunks, so
// cancel(id) is heard within ~50 ms; results cross back as transferables.
//
// One WebGL context holds ONE bound program, framebuffer and set of uniforms: two fused runs
// interleaved at their yields would draw each other's state (a basin map computed while another
// computes came out smooth instead of fractal). Fused runs therefore take turns (onePerContext).
import type { ViewWindow } from '../experiment/types';
import * as Comlink from 'comlink';
import type { CriticalPoint } from '../surfaces/critical';
import { findCriticalPoints } from '../surfaces/critical';

import type { BatchJob } from '../batch/batchJob';
import { jobObjective, objectiveAsSurface } from '../batch/batchObjective';
import { glslSupports } from '../batch/glsl/stepShader';
import { JsBatchRunner } from '../batch/jsBatch';
import { type BatchOutcome, outcomeBuffers, type RowsOutcome } from '../batch/outcome';
import { GlContextLost } from '../batch/webgl/glResources';
import { FusedRunner, type FusedRunOptions } from '../batch/webgl/fusedRunner';
import { fail, ok, type WorkerResult } from './result';

export interface GpuInfo {
  /** WebGL2 with float render targets in this worker. */
  webgl: boolean;
  renderer: string | null;
  /** Why there is no WebGL engine, when there is none. */
  reason?: string;
}

/** Progress of one worker's share, between 0 and 1. */
export type ProgressListener = (fraction: number) => void;

/** Why a run gave no outcome: cancelled, its WebGL context lost (the page falls back to JS), or failed. */
export type BatchError = { kind: 'cancelled' } | { kind: 'lost' } | { kind: 'failed'; message: string };

/** A run's answer, tagged with the id of the job it belongs to. */
export type RunAnswer = WorkerResult<{ id: number; outcome: RowsOutcome }, BatchError>;

/** What the API needs of the fused engine (FusedRunner; a fake in the unit tests). */
export interface FusedEngine {
  readonly renderer: string;
  readonly lost: boolean;
  run(job: BatchJob, home: ViewWindow, opts: FusedRunOptions): Promise<BatchOutcome>;
  loseContext(): boolean;
}

/** WebGL2 on an OffscreenCanvas of this worker, or why not. */
function fusedOnOffscreenCanvas(): FusedEngine | string {
  if (typeof OffscreenCanvas === 'undefined') return 'no OffscreenCanvas in workers';
  return FusedRunner.create(new OffscreenCanvas(1, 1)) ?? 'no WebGL2 with float render targets';
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function answer(id: number, outcome: RowsOutcome): RunAnswer {
  return Comlink.transfer(ok({ id, outcome }), outcomeBuffers(outcome));
}

/** The API of one worker; `makeFused` gives its fused engine (or why there is none) on first use. */
export function createBatchApi(makeFused: () => FusedEngine | string = fusedOnOffscreenCanvas) {
  const cancelled = new Set<number>();
  let fused: FusedEngine | null = null;
  let gpuInfo: GpuInfo | null = null;
  /** The fused run in progress (or the last one): the next waits for it. */
  let fusedTurn: Promise<unknown> = Promise.resolve();

  function onePerContext<T>(work: () => Promise<T>): Promise<T> {
    const mine = fusedTurn.then(work);
    fusedTurn = mine.catch(() => undefined);
    return mine;
  }

  /** Runs `rows` in slices of about `sliceMs`, reporting the share done after each. */
  async function runJsRows(id: number, job: BatchJob, rows: number[], onProgress?: ProgressListener, sliceMs = 60): Promise<RowsOutcome | null> {
    const runner = new JsBatchRunner(job, jobObjective(job), rows);
    let steps = 4;
    while (runner.active > 0) {
      if (cancelled.has(id)) return null;
      const began = performance.now();
      runner.advance(steps);
      const elapsed = performance.now() - began;
      steps = Math.max(1, Math.min(4096, Math.round((steps * sliceMs) / Math.max(elapsed, 1))));
      onProgress?.(runner.progress(job.maxSteps));
      await yieldToEvents();
    }
    return runner.outcome;
  }

  const api = {
    /** Probes WebGL2 once; later calls return the same answer. */
    gpu(): GpuInfo {
      if (gpuInfo) return gpuInfo;
      const made = makeFused();
      if (typeof made === 'string') gpuInfo = { webgl: false, renderer: null, reason: made };
      else {
        fused = made;
        gpuInfo = { webgl: true, renderer: made.renderer };
      }
      return gpuInfo;
    },

    glslSupports(job: BatchJob): boolean {
      return glslSupports(job);
    },

    async runJs(id: number, job: BatchJob, rows: number[], onProgress?: ProgressListener): Promise<RunAnswer> {
      try {
        const outcome = await runJsRows(id, job, rows, onProgress);
        return outcome ? answer(id, outcome) : fail({ kind: 'cancelled' });
      } catch (e) {
        return fail({ kind: 'failed', message: message(e) });
      } finally {
        cancelled.delete(id);
      }
    },

    /** The fused WebGL engine, one run at a time; a lost context is an answer (the page falls back). */
    runWebgl(id: number, job: BatchJob, onProgress?: ProgressListener, stepsPerDraw?: number): Promise<RunAnswer> {
      return onePerContext(async (): Promise<RunAnswer> => {
        try {
          if (cancelled.has(id)) return fail({ kind: 'cancelled' });
          if (!api.gpu().webgl || !fused || fused.lost) return fail({ kind: 'lost' });
          const outcome = await fused.run(job, jobObjective(job).surface.view, {
            cancelled: () => cancelled.has(id),
            onProgress: (p) => onProgress?.(Math.max(p.step / p.total, 1 - p.active / (job.grid.nx * job.grid.ny))),
            stepsPerDraw,
          });
          return answer(id, outcome);
        } catch (e) {
          if (e instanceof GlContextLost || fused?.lost) {
            // A lost context does not come back here: the next run goes to JS.
            gpuInfo = { webgl: false, renderer: gpuInfo?.renderer ?? null, reason: 'the WebGL context was lost' };
            return fail({ kind: 'lost' });
          }
          return isAbort(e) ? fail({ kind: 'cancelled' }) : fail({ kind: 'failed', message: message(e) });
        } finally {
          cancelled.delete(id);
        }
      });
    },

    cancel(id: number): void {
      cancelled.add(id);
    },

    /** Test hook: loses the WebGL context now (WEBGL_lose_context), as a driver reset would. */
    loseContext(): boolean {
      return fused?.loseContext() ?? false;
    },

    /** The critical points that name the basins: those of the regularized objective in `window`. */
    criticalPoints(job: BatchJob, window: ViewWindow): WorkerResult<CriticalPoint[]> {
      try {
        return ok(findCriticalPoints(objectiveAsSurface(jobObjective(job)), window));
      } catch (e) {
        return fail(message(e));
      }
    },
  };
  return api;
}

export const batchApi = createBatchApi();

export type BatchApi = typeof batchApi;
