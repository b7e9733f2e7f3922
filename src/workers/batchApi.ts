// The batch worker's API (basin and sweep maps). The page's type of it is derived from this
// object (`typeof batchApi`), as for the engine worker. Every worker of the pool runs the same
// API: any of them runs JS rows; the first also holds the WebGL2 context of the fused engine.
//
// Long runs yield to the event loop between chunks, so cancel() is heard within ~50 ms, and
// results cross back as transferables.
import * as Comlink from 'comlink';
import type { ViewWindow } from '../experiment/types';
import type { CriticalPoint } from '../surfaces/critical';
import { findCriticalPoints } from '../surfaces/critical';
import type { BatchJob } from '../batch/batchJob';
import { jobObjective, objectiveAsSurface } from '../batch/batchObjective';
import { glslSupports } from '../batch/glsl/stepShader';
import { JsBatchRunner } from '../batch/jsBatch';
import { outcomeBuffers, type RowsOutcome } from '../batch/outcome';
import { GlContextLost } from '../batch/webgl/glResources';
import { FusedRunner } from '../batch/webgl/fusedRunner';

export interface GpuInfo {
  /** WebGL2 with float render targets in this worker. */
  webgl: boolean;
  renderer: string | null;
  /** Why there is no WebGL engine, when there is none. */
  reason?: string;
}

/** Progress of one worker's share, between 0 and 1. */
export type ProgressListener = (fraction: number) => void;

export type WebglResult = { ok: true; outcome: RowsOutcome } | { ok: false; lost: true } | { ok: false; lost: false; message: string };

const cancelled = new Set<number>();
let fused: FusedRunner | null = null;
let gpuInfo: GpuInfo | null = null;

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function abort(): never {
  throw new DOMException('batched run cancelled', 'AbortError');
}

/** Runs `rows` in slices of about `sliceMs`, reporting the share done after each. */
async function runJsRows(id: number, job: BatchJob, rows: number[], onProgress?: ProgressListener, sliceMs = 60): Promise<RowsOutcome> {
  const runner = new JsBatchRunner(job, jobObjective(job), rows);
  let steps = 4;
  while (runner.active > 0) {
    if (cancelled.has(id)) abort();
    const began = performance.now();
    runner.advance(steps);
    const elapsed = performance.now() - began;
    steps = Math.max(1, Math.min(4096, Math.round((steps * sliceMs) / Math.max(elapsed, 1))));
    onProgress?.(runner.progress(job.maxSteps));
    await yieldToEvents();
  }
  return runner.outcome;
}

export const batchApi = {
  /** Probes WebGL2 (OffscreenCanvas) once; later calls return the same answer. */
  gpu(): GpuInfo {
    if (gpuInfo) return gpuInfo;
    if (typeof OffscreenCanvas === 'undefined') gpuInfo = { webgl: false, renderer: null, reason: 'no OffscreenCanvas in workers' };
    else {
      fused = FusedRunner.create(new OffscreenCanvas(1, 1));
      gpuInfo = fused
        ? { webgl: true, renderer: fused.renderer }
        : { webgl: false, renderer: null, reason: 'no WebGL2 with float render targets' };
    }
    return gpuInfo;
  },

  glslSupports(job: BatchJob): boolean {
    return glslSupports(job);
  },

  async runJs(id: number, job: BatchJob, rows: number[], onProgress?: ProgressListener): Promise<RowsOutcome> {
    try {
      const outcome = await runJsRows(id, job, rows, onProgress);
      return Comlink.transfer(outcome, outcomeBuffers(outcome));
    } finally {
      cancelled.delete(id);
    }
  },

  /** The fused WebGL engine; a lost context is an answer (the client falls back), not an error. */
  async runWebgl(id: number, job: BatchJob, onProgress?: ProgressListener, stepsPerDraw?: number): Promise<WebglResult> {
    try {
      if (!batchApi.gpu().webgl || !fused || fused.lost) return { ok: false, lost: true };
      const outcome = await fused.run(job, jobObjective(job).surface.view, {
        cancelled: () => cancelled.has(id),
        onProgress: (p) => onProgress?.(Math.max(p.step / p.total, 1 - p.active / (job.grid.nx * job.grid.ny))),
        stepsPerDraw,
      });
      return Comlink.transfer({ ok: true, outcome }, outcomeBuffers(outcome));
    } catch (e) {
      if (e instanceof GlContextLost || fused?.lost) {
        // A lost context does not come back here: the next run goes to JS.
        gpuInfo = { webgl: false, renderer: gpuInfo?.renderer ?? null, reason: 'the WebGL context was lost' };
        return { ok: false, lost: true };
      }
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      return { ok: false, lost: false, message: e instanceof Error ? e.message : String(e) };
    } finally {
      cancelled.delete(id);
    }
  },

  cancel(id: number): void {
    cancelled.add(id);
  },

  /** Test hook: loses the WebGL context now (WEBGL_lose_context), as a driver reset would. */
  loseContext(): boolean {
    return fused?.loseContext() ?? false;
  },

  /** The critical points that name the basins: those of the regularized objective in `window`. */
  criticalPoints(job: BatchJob, window: ViewWindow): CriticalPoint[] {
    return findCriticalPoints(objectiveAsSurface(jobObjective(job)), window);
  },
};

export type BatchApi = typeof batchApi;
