// The page's handle on the workers of the figures in d dimensions. Escape time against d: its
// (dimension, seed) jobs (src/optim/escape.ts, escapeJobs) are dealt in order to a pool of
// hardwareConcurrency - 1 workers (at least 1), each taking the next job when it is free, and
// the answers are merged by mergeEscapeJobs, so the figure is the command line's whatever the
// pool. Rates against eps run in a worker of their own. Cancel (the AbortSignal) terminates the
// figure's workers at once: a job in the middle of d = 1000 need not finish; the next run spawns
// fresh ones.
import * as Comlink from 'comlink';
import type { Experiment } from '../experiment/types';
import { escapeJobs, mergeEscapeJobs, type EscapeJobResult, type EscapeOptions, type EscapeVsDim } from '../optim/escape';
import type { Rates } from '../optim/rates';
import type { DimFiguresApi } from './dimFiguresApi';
import { fail, type WorkerResult } from './result';

export type DimFigureError = { kind: 'cancelled' } | { kind: 'failed'; message: string };
export type DimFigure = 'escape' | 'rates';

export interface DimWorker {
  remote: Comlink.Remote<DimFiguresApi>;
  terminate(): void;
}

function spawnDimWorker(name: string): DimWorker {
  const w = new Worker(new URL('./dimFigures.worker.ts', import.meta.url), { type: 'module', name: `saddlepoint-${name}` });
  const remote = Comlink.wrap<DimFiguresApi>(w);
  return {
    remote,
    terminate: () => {
      remote[Comlink.releaseProxy]();
      w.terminate();
    },
  };
}

/** One worker per core but the page's own, at least one. */
export function dimPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores - 1);
}

/** Seeds per job: about two jobs per worker at each dimension, so the largest dimension is shared too. */
export const seedsPerJob = (seeds: number, workers: number): number => Math.max(1, Math.ceil(seeds / (2 * workers)));

interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

const CANCELLED = { ok: false, error: { kind: 'cancelled' } } as const;

export class DimFiguresClient {
  private readonly workers: Record<DimFigure, DimWorker[]> = { escape: [], rates: [] };

  constructor(
    readonly poolSize = dimPoolSize(),
    private readonly spawn: (name: string) => DimWorker = spawnDimWorker,
  ) {}

  private remote(figure: DimFigure, k: number): Comlink.Remote<DimFiguresApi> {
    const pool = this.workers[figure];
    while (pool.length <= k) pool.push(this.spawn(`${figure}-${pool.length}`));
    return pool[k].remote;
  }

  private stop(figure: DimFigure): void {
    this.workers[figure].forEach((w) => w.terminate());
    this.workers[figure] = [];
  }

  /** `work` raced against the signal: on abort the figure's workers are terminated and the answer is cancelled. */
  private async cancellable<T>(figure: DimFigure, signal: AbortSignal | undefined, work: () => Promise<WorkerResult<T, DimFigureError>>): Promise<WorkerResult<T, DimFigureError>> {
    if (signal?.aborted) return CANCELLED;
    let onAbort = () => {};
    const aborted = new Promise<typeof CANCELLED>((resolve) => {
      onAbort = () => {
        this.stop(figure);
        resolve(CANCELLED);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work(), aborted]);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The command line's --escape-vs-dim figure; progress is the share of (dimension, seed) pairs done. */
  escapeVsDim(exp: Experiment, opts: EscapeOptions, { signal, onProgress }: RunOptions = {}): Promise<WorkerResult<EscapeVsDim, DimFigureError>> {
    return this.cancellable('escape', signal, async () => {
      const jobs = escapeJobs(opts, seedsPerJob(opts.seeds, this.poolSize));
      const answers: WorkerResult<EscapeJobResult>[] = new Array(jobs.length);
      const total = Math.max(1, opts.dims.length * opts.seeds);
      let next = 0;
      let seedsDone = 0;
      let failed = false;
      const onSeed = Comlink.proxy(() => onProgress?.(++seedsDone / total));
      // Jobs are taken in order, so when one fails every earlier job has been given out, and the
      // merge finds the refusal the command line meets first.
      const worker = async (w: number) => {
        while (!failed && next < jobs.length && !signal?.aborted) {
          const k = next++;
          answers[k] = await this.remote('escape', w).escapeJob(exp, opts, jobs[k], onSeed);
          if (!answers[k].ok) failed = true;
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.poolSize, jobs.length) }, (_, w) => worker(w)));
      if (signal?.aborted) return CANCELLED;
      const merged = mergeEscapeJobs(exp, opts, answers.filter((a) => a !== undefined));
      return merged.ok ? merged : fail({ kind: 'failed', message: merged.error });
    });
  }

  /** The command line's --rates figure; progress is the runs' share of their steps (or of the grid) done. */
  rates(exp: Experiment, { signal, onProgress }: RunOptions = {}): Promise<WorkerResult<Rates, DimFigureError>> {
    return this.cancellable('rates', signal, async () => {
      const answer = await this.remote('rates', 0).rates(exp, onProgress ? Comlink.proxy(onProgress) : undefined);
      return answer.ok ? answer : fail({ kind: 'failed', message: answer.error });
    });
  }

  dispose(): void {
    this.stop('escape');
    this.stop('rates');
  }
}

let shared: DimFiguresClient | null = null;

/** The app's one client, made on first use. */
export function dimFiguresClient(): DimFiguresClient {
  shared ??= new DimFiguresClient();
  return shared;
}
