// The page's handle on the escape workers: a small pool; a job's seeds are cut into one block per
// worker and the blocks' results joined in seed order, so the answer is the same whatever the
// pool's size. A run is cancelled by its AbortSignal (cancel(id) to every worker holding a block).
import * as Comlink from 'comlink';
import type { EscapeJob } from '../batch/escapeJob';
import type { SeedEscape } from '../batch/escapeRun';
import type { EscapeSettings } from '../experiment/escape';
import type { Experiment } from '../experiment/types';
import type { EscapeApi, EscapeError } from './escapeApi';
import { fail, ok, type WorkerResult } from './result';

export type { EscapeError } from './escapeApi';

export interface EscapeWorker {
  remote: Comlink.Remote<EscapeApi>;
  terminate(): void;
}

function spawnEscapeWorker(k: number): EscapeWorker {
  const w = new Worker(new URL('./escape.worker.ts', import.meta.url), { type: 'module', name: `saddlepoint-escape-${k}` });
  const remote = Comlink.wrap<EscapeApi>(w);
  return {
    remote,
    terminate: () => {
      remote[Comlink.releaseProxy]();
      w.terminate();
    },
  };
}

/** Up to 4 workers: the seeds of one job are short runs, and the maps' pool may be busy too. */
export function escapePoolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, n));
}

/** Seed blocks [from, from + count) for `workers` workers: contiguous, sizes differing by at most one. */
export function seedBlocks(seeds: number, workers: number): { from: number; count: number }[] {
  const n = Math.max(1, Math.min(workers, seeds));
  return Array.from({ length: n }, (_, w) => {
    const from = Math.floor((w * seeds) / n);
    return { from, count: Math.floor(((w + 1) * seeds) / n) - from };
  });
}

export class EscapeClient {
  private readonly workers: EscapeWorker[] = [];
  private nextId = 1;

  constructor(
    readonly poolSize = escapePoolSize(),
    private readonly spawn: (k: number) => EscapeWorker = spawnEscapeWorker,
  ) {}

  private remote(k: number): Comlink.Remote<EscapeApi> {
    while (this.workers.length <= k) this.workers.push(this.spawn(this.workers.length));
    return this.workers[k].remote;
  }

  /** The job for these settings (the critical-point search runs in a worker), or why there is none. */
  build(exp: Experiment, settings: EscapeSettings): Promise<WorkerResult<EscapeJob>> {
    return this.remote(0).build(exp, settings);
  }

  /** Every seed of `job`, in seed order; progress is the share of seeds done over the pool. */
  async run(job: EscapeJob, opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<WorkerResult<SeedEscape[], EscapeError>> {
    const id = this.nextId++;
    const blocks = seedBlocks(job.seeds, this.poolSize);
    const shares = blocks.map(() => 0);
    const onAbort = () => blocks.forEach((_, w) => void this.remote(w).cancel(id));
    if (opts.signal?.aborted) return fail({ kind: 'cancelled' });
    opts.signal?.addEventListener('abort', onAbort);
    try {
      const answers = await Promise.all(
        blocks.map((b, w) => {
          const report = (f: number) => {
            shares[w] = f * b.count;
            opts.onProgress?.(shares.reduce((a, s) => a + s, 0) / job.seeds);
          };
          return this.remote(w).run(id, job, b.from, b.count, Comlink.proxy(report));
        }),
      );
      const results: SeedEscape[] = [];
      for (const a of answers) {
        if (!a.ok) return fail(a.error);
        if (a.value.id !== id) return fail({ kind: 'failed', message: `a worker answered job ${a.value.id} for job ${id}` });
        results.push(...a.value.results);
      }
      return ok(results);
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  dispose(): void {
    this.workers.forEach((w) => w.terminate());
    this.workers.length = 0;
  }
}

let shared: EscapeClient | null = null;

/** The app's one escape pool, made on first use. */
export function escapeClient(): EscapeClient {
  shared ??= new EscapeClient();
  return shared;
}
