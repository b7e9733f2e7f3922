// The page's handle on the batch workers: a pool of navigator.hardwareConcurrency workers for
// the JS engine, the first of which also holds the fused WebGL engine. run() picks the path
// (choosePath: a measured probe), reports it, and falls back to JS, with a notice, when WebGL is
// missing, cannot run the optimizer, fails, or loses its context mid-run.
//
// Each run is one job id (newJobId, or one made for it) end to end: every worker call carries
// it, cancel(id) reaches every worker holding a share, and every share's answer must name it.
import type { ViewWindow } from '../experiment/types';
import * as Comlink from 'comlink';
import type { BatchJob } from '../batch/batchJob';
import { probeJob, pickFaster, webglRefusal, type PathChoice } from '../batch/pathChoice';
import { allocateGrid, type BatchOutcome, mergeRows } from '../batch/outcome';
import { rowsForWorker } from '../batch/outcome';
import type { CriticalPoint } from '../surfaces/critical';

import type { BatchApi, GpuInfo, RunAnswer } from './batchApi';
import { fail, ok, type WorkerResult } from './result';

export type { GpuInfo } from './batchApi';
export type { PathChoice } from '../batch/pathChoice';

export type BatchPath = 'webgl' | 'js';

export interface PathReport {
  path: BatchPath;
  /** 'fused WebGL2 on <renderer>' or 'JS on N workers'. */
  label: string;
  /** Why the run is not on the preferred path (fallback, context loss), or null. */
  notice: string | null;
}

export interface BatchRunOptions {
  /** The job's id (newJobId); a fresh one when absent. */
  id?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Force a path (benchmarks, tests); otherwise choosePath() decides. */
  path?: BatchPath;
  /** Fixed steps per draw for the fused engine (benchmarks). */
  stepsPerDraw?: number;
}

export interface BatchRunResult {
  /** The job's id: the result belongs to the run that asked with it. */
  id: number;
  outcome: BatchOutcome;
  report: PathReport;
  ms: number;
}

/** Why a run gave no outcome: cancelled (by its signal), or failed. */
export type BatchRunError = { kind: 'cancelled' } | { kind: 'failed'; message: string };

export type BatchRunAnswer = WorkerResult<BatchRunResult, BatchRunError>;

/** One worker of the pool: its API, and how to end it. */
export interface BatchWorker {
  remote: Comlink.Remote<BatchApi>;
  terminate(): void;
}

function spawnBatchWorker(k: number): BatchWorker {
  const w = new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module', name: `saddlepoint-batch-${k}` });
  const remote = Comlink.wrap<BatchApi>(w);
  return {
    remote,
    terminate: () => {
      remote[Comlink.releaseProxy]();
      w.terminate();
    },
  };
}

export function defaultPoolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, n));
}

const CANCELLED = { kind: 'cancelled' } as const;

/** A worker's answer, checked to belong to job `id`. */
function answerFor(id: number, r: RunAnswer): RunAnswer {
  if (r.ok && r.value.id !== id) return fail({ kind: 'failed', message: `a worker answered job ${r.value.id} for job ${id}` });
  return r;
}

export class BatchClient {
  private readonly workers: BatchWorker[] = [];
  private nextId = 1;
  private choice: Promise<PathChoice> | null = null;

  /** `spawn` makes worker k of the pool (a Web Worker; in-process APIs in the unit tests). */
  constructor(
    readonly poolSize = defaultPoolSize(),
    private readonly spawn: (k: number) => BatchWorker = spawnBatchWorker,
  ) {}

  private remote(k: number): Comlink.Remote<BatchApi> {
    while (this.workers.length <= k) this.workers.push(this.spawn(this.workers.length));
    return this.workers[k].remote;
  }

  /** A job id no other run of this pool uses. */
  newJobId(): number {
    return this.nextId++;
  }

  gpu(): Promise<GpuInfo> {
    return this.remote(0).gpu();
  }

  /** The path for this device, measured once on a small probe (see pathChoice.ts). */
  choosePath(): Promise<PathChoice> {
    this.choice ??= (async (): Promise<PathChoice> => {
      const info = await this.gpu();
      if (!info.webgl) return { path: 'js', reason: info.reason ?? 'no WebGL2', webglMs: null, jsMs: null };
      const job = probeJob();
      // warm both paths (shader compile, JIT), then time one run each
      await this.run(job, { path: 'webgl' });
      await this.run(job, { path: 'js' });
      const webgl = await this.run(job, { path: 'webgl' });
      const js = await this.run(job, { path: 'js' });
      if (!js.ok) return { path: 'js', reason: 'the JS probe failed', webglMs: null, jsMs: null };
      if (!webgl.ok || webgl.value.report.path !== 'webgl') {
        return { path: 'js', reason: (webgl.ok ? webgl.value.report.notice : null) ?? 'WebGL failed', webglMs: null, jsMs: js.value.ms };
      }
      return pickFaster(webgl.value.ms, js.value.ms, this.poolSize);
    })();
    return this.choice;
  }

  async run(job: BatchJob, opts: BatchRunOptions = {}): Promise<BatchRunAnswer> {
    const id = opts.id ?? this.newJobId();
    const began = performance.now();
    let path = opts.path ?? (await this.choosePath()).path;
    let notice: string | null = null;
    if (path === 'webgl' && !(await this.remote(0).glslSupports(job))) {
      path = 'js';
      notice = webglRefusal(job);
    }
    if (opts.signal?.aborted) return fail(CANCELLED);
    if (path === 'webgl') {
      const r = await this.withCancel(id, [0], opts.signal, async () => {
        const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
        return answerFor(id, await this.remote(0).runWebgl(id, job, progress, opts.stepsPerDraw));
      });
      if (r.ok) {
        const renderer = (await this.gpu()).renderer ?? 'unknown renderer';
        return ok({ id, outcome: r.value.outcome, report: { path, label: `fused WebGL2 (${renderer})`, notice }, ms: performance.now() - began });
      }
      if (r.error.kind === 'cancelled') return fail(CANCELLED);
      notice = r.error.kind === 'lost' ? 'the WebGL context was lost: the map was finished on the JS engine' : `WebGL failed (${r.error.message}): running on JS`;
      this.choice = Promise.resolve({ path: 'js', reason: notice, webglMs: null, jsMs: null });
      if (opts.signal?.aborted) return fail(CANCELLED);
    }
    const js = await this.runJs(id, job, opts);
    if (!js.ok) return js;
    return ok({ id, outcome: js.value, report: { path: 'js', label: `JS on ${this.poolSize} worker${this.poolSize > 1 ? 's' : ''}`, notice }, ms: performance.now() - began });
  }

  /** `work` with the signal's abort sent to workers `used` as cancel(id). */
  private async withCancel<T>(id: number, used: number[], signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    const onAbort = () => used.forEach((w) => void this.remote(w).cancel(id));
    signal?.addEventListener('abort', onAbort);
    try {
      return await work();
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Rows interleaved over the pool; progress is the mean of the workers' shares. */
  private runJs(id: number, job: BatchJob, opts: BatchRunOptions, workers = this.poolSize): Promise<WorkerResult<BatchOutcome, BatchRunError>> {
    const { nx, ny } = job.grid;
    const used = Array.from({ length: Math.min(workers, ny) }, (_, w) => w);
    const shares = new Array<number>(used.length).fill(0);
    return this.withCancel(id, used, opts.signal, async () => {
      const parts = await Promise.all(
        used.map(async (w) => {
          const report = (f: number) => {
            shares[w] = f;
            opts.onProgress?.(shares.reduce((a, b) => a + b, 0) / used.length);
          };
          return answerFor(id, await this.remote(w).runJs(id, job, rowsForWorker(ny, w, used.length), Comlink.proxy(report)));
        }),
      );
      const outcome = allocateGrid(nx, ny);
      for (const p of parts) {
        if (!p.ok) return fail(p.error.kind === 'failed' ? p.error : CANCELLED);
        mergeRows(outcome, p.value.outcome);
      }
      return ok(outcome);
    });
  }

  /** JS on exactly `workers` workers (the benchmark's one-worker and all-workers rows). */
  async runJsOn(job: BatchJob, workers: number): Promise<WorkerResult<{ outcome: BatchOutcome; ms: number }, BatchRunError>> {
    const began = performance.now();
    const r = await this.runJs(this.newJobId(), job, {}, workers);
    return r.ok ? ok({ outcome: r.value, ms: performance.now() - began }) : r;
  }

  criticalPoints(job: BatchJob, window: ViewWindow): Promise<WorkerResult<CriticalPoint[]>> {
    return this.remote(0).criticalPoints(job, window);
  }

  /** Test hook: loses the fused engine's WebGL context. */
  loseContext(): Promise<boolean> {
    return this.remote(0).loseContext();
  }

  dispose(): void {
    this.workers.forEach((w) => w.terminate());
    this.workers.length = 0;
  }
}

let shared: BatchClient | null = null;

/** The app's one pool (workers are costly; the panels share them). */
export function batchClient(): BatchClient {
  shared ??= new BatchClient();
  return shared;
}
