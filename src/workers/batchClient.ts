// The page's handle on the batch workers: a pool of navigator.hardwareConcurrency workers for
// the JS engine, the first of which also holds the fused WebGL engine. run() picks the path
// (choosePath: a measured probe), reports it, and falls back to JS, with a notice, when WebGL is
// missing, cannot run the optimizer, fails, or loses its context mid-run.
import * as Comlink from 'comlink';
import type { ViewWindow } from '../experiment/types';
import type { BatchJob } from '../batch/batchJob';
import { probeJob, pickFaster, type PathChoice } from '../batch/pathChoice';
import { allocateGrid, type BatchOutcome, mergeRows, rowsForWorker } from '../batch/outcome';
import type { CriticalPoint } from '../surfaces/critical';
import type { BatchApi, GpuInfo } from './batchApi';

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
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Force a path (benchmarks, tests); otherwise choosePath() decides. */
  path?: BatchPath;
  /** Fixed steps per draw for the fused engine (benchmarks). */
  stepsPerDraw?: number;
}

export interface BatchRunResult {
  outcome: BatchOutcome;
  report: PathReport;
  ms: number;
}

export function defaultPoolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, n));
}

export class BatchClient {
  private readonly workers: Worker[] = [];
  private readonly remotes: Comlink.Remote<BatchApi>[] = [];
  private nextId = 1;
  private choice: Promise<PathChoice> | null = null;

  constructor(readonly poolSize = defaultPoolSize()) {}

  private remote(k: number): Comlink.Remote<BatchApi> {
    while (this.remotes.length <= k) {
      const w = new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module', name: `saddlepoint-batch-${this.remotes.length}` });
      this.workers.push(w);
      this.remotes.push(Comlink.wrap<BatchApi>(w));
    }
    return this.remotes[k];
  }

  gpu(): Promise<GpuInfo> {
    return this.remote(0).gpu();
  }

  /** The path for this device, measured once on a small probe (see pathChoice.ts). */
  choosePath(): Promise<PathChoice> {
    this.choice ??= (async () => {
      const info = await this.gpu();
      if (!info.webgl) return { path: 'js', reason: info.reason ?? 'no WebGL2', webglMs: null, jsMs: null };
      const job = probeJob();
      // warm both paths (shader compile, JIT), then time one run each
      await this.run(job, { path: 'webgl' });
      await this.run(job, { path: 'js' });
      const webgl = await this.run(job, { path: 'webgl' });
      const js = await this.run(job, { path: 'js' });
      if (webgl.report.path !== 'webgl') return { path: 'js', reason: webgl.report.notice ?? 'WebGL failed', webglMs: null, jsMs: js.ms };
      return pickFaster(webgl.ms, js.ms, this.poolSize);
    })();
    return this.choice;
  }

  async run(job: BatchJob, opts: BatchRunOptions = {}): Promise<BatchRunResult> {
    const began = performance.now();
    let path = opts.path ?? (await this.choosePath()).path;
    let notice: string | null = null;
    if (path === 'webgl' && !(await this.remote(0).glslSupports(job))) {
      path = 'js';
      notice = `${job.optimizer} needs the Hessian, which the WebGL engine does not compute: running on JS`;
    }
    if (path === 'webgl') {
      const id = this.nextId++;
      const onAbort = () => void this.remote(0).cancel(id);
      opts.signal?.addEventListener('abort', onAbort);
      try {
        const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
        const r = await this.remote(0).runWebgl(id, job, progress, opts.stepsPerDraw);
        if (r.ok) {
          const renderer = (await this.gpu()).renderer ?? 'unknown renderer';
          return { outcome: r.outcome, report: { path, label: `fused WebGL2 (${renderer})`, notice }, ms: performance.now() - began };
        }
        notice = r.lost ? 'the WebGL context was lost: the map was finished on the JS engine' : `WebGL failed (${r.message}): running on JS`;
        this.choice = Promise.resolve({ path: 'js', reason: notice, webglMs: null, jsMs: null });
      } finally {
        opts.signal?.removeEventListener('abort', onAbort);
      }
    }
    const outcome = await this.runJs(job, opts);
    return { outcome, report: { path: 'js', label: `JS on ${this.poolSize} worker${this.poolSize > 1 ? 's' : ''}`, notice }, ms: performance.now() - began };
  }

  /** Rows interleaved over the pool; progress is the mean of the workers' shares. */
  private async runJs(job: BatchJob, opts: BatchRunOptions, workers = this.poolSize): Promise<BatchOutcome> {
    const id = this.nextId++;
    const { nx, ny } = job.grid;
    const shares = new Array<number>(workers).fill(0);
    const used = Array.from({ length: Math.min(workers, ny) }, (_, w) => w);
    const onAbort = () => used.forEach((w) => void this.remote(w).cancel(id));
    opts.signal?.addEventListener('abort', onAbort);
    try {
      const parts = await Promise.all(
        used.map((w) => {
          const report = (f: number) => {
            shares[w] = f;
            opts.onProgress?.(shares.reduce((a, b) => a + b, 0) / used.length);
          };
          return this.remote(w).runJs(id, job, rowsForWorker(ny, w, used.length), Comlink.proxy(report));
        }),
      );
      const outcome = allocateGrid(nx, ny);
      parts.forEach((p) => mergeRows(outcome, p));
      return outcome;
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** JS on exactly `workers` workers (the benchmark's one-worker and all-workers rows). */
  async runJsOn(job: BatchJob, workers: number): Promise<{ outcome: BatchOutcome; ms: number }> {
    const began = performance.now();
    const outcome = await this.runJs(job, {}, workers);
    return { outcome, ms: performance.now() - began };
  }

  criticalPoints(job: BatchJob, window: ViewWindow): Promise<CriticalPoint[]> {
    return this.remote(0).criticalPoints(job, window);
  }

  /** Test hook: loses the fused engine's WebGL context. */
  loseContext(): Promise<boolean> {
    return this.remote(0).loseContext();
  }

  dispose(): void {
    this.remotes.forEach((r) => r[Comlink.releaseProxy]());
    this.workers.forEach((w) => w.terminate());
    this.workers.length = 0;
    this.remotes.length = 0;
  }
}

let shared: BatchClient | null = null;

/** The app's one pool (workers are costly; the panels share them). */
export function batchClient(): BatchClient {
  shared ??= new BatchClient();
  return shared;
}
