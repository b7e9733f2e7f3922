// The page's handle on the census workers: a pool of navigator.hardwareConcurrency - 1 workers
// (one core stays with the engine worker's race), at least 1 and at most 4. A census's starts are
// cut into interleaved shares (src/nets/census/share.ts), one per worker; the answers are merged
// here (mergeCensus) in start order, so the census is the CLI's --census whatever the pool's size.
// Progress is the starts solved over the whole pool. A worker's search never yields, so cancel()
// terminates every worker (the next census spawns fresh ones); a worker that fails (an error
// answer, a thrown call, or the worker itself dying) ends the census with one message, and the
// other workers are terminated too.
import * as Comlink from 'comlink';
import { mergeCensus, type Census } from '../nets/census/census';
import { censusShare, type SolvedStart } from '../nets/census/share';
import { PATH_STARTS, RANDOM_STARTS } from '../nets/census/starts';
import type { CensusApi, CensusRequest } from './censusApi';
import { fail, ok, type WorkerResult } from './result';

export type { CensusRequest } from './censusApi';

export interface CensusReport {
  census: Census;
  randomStarts: string;
  pathStarts: string;
  /** Workers the starts were shared among. */
  workers: number;
  ms: number;
}

/** One worker of the pool: its API, a promise that settles with a message if the worker dies, and how to end it. */
export interface CensusWorker {
  remote: Comlink.Remote<CensusApi>;
  died: Promise<string>;
  terminate(): void;
}

export const CENSUS_CANCELLED = 'cancelled';

type Failure = { ok: false; error: string };

function spawnCensusWorker(k: number): CensusWorker {
  const w = new Worker(new URL('./census.worker.ts', import.meta.url), { type: 'module', name: `saddlepoint-census-${k}` });
  const died = new Promise<string>((resolve) => {
    w.addEventListener('error', (e) => resolve(e.message || 'the worker could not run'));
    w.addEventListener('messageerror', () => resolve('a message from the worker could not be read'));
  });
  const remote = Comlink.wrap<CensusApi>(w);
  return {
    remote,
    died,
    terminate: () => {
      remote[Comlink.releaseProxy]();
      w.terminate();
    },
  };
}

/** hardwareConcurrency - 1 (the engine worker keeps a core), between 1 and 4. */
export function censusPoolSize(cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2): number {
  return Math.max(1, Math.min(4, cores - 1));
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class CensusClient {
  private workers: CensusWorker[] = [];
  /** Ends the census in flight with this answer (cancel, a dead worker). */
  private stop: ((answer: Failure) => void) | null = null;

  constructor(
    readonly poolSize = censusPoolSize(),
    private readonly spawn: (k: number) => CensusWorker = spawnCensusWorker,
  ) {}

  private worker(k: number): CensusWorker {
    while (this.workers.length <= k) this.workers.push(this.spawn(this.workers.length));
    return this.workers[k];
  }

  /** The census of `req` over the pool; `onProgress(done, total)` as starts are solved. Answers 'cancelled' when cancel() ends it. */
  async run(req: CensusRequest, onProgress?: (done: number, total: number) => void): Promise<WorkerResult<CensusReport>> {
    this.cancel();
    const began = performance.now();
    const total = req.count + req.path.length;
    const n = Math.max(1, Math.min(this.poolSize, total));
    const shares = Array.from({ length: n }, (_, k) => censusShare(total, n, k));
    const done = shares.map(() => 0);
    let stop!: (answer: Failure) => void;
    const stopped = new Promise<Failure>((resolve) => (stop = resolve));
    this.stop = stop;
    const answers = shares.map(async (share, k): Promise<WorkerResult<SolvedStart[]>> => {
      const w = this.worker(k);
      const report = (count: number) => {
        done[k] = count;
        onProgress?.(done.reduce((a, b) => a + b, 0), total);
      };
      const died = w.died.then((why) => fail(`census worker ${k + 1} of ${n} stopped: ${why}`));
      try {
        return await Promise.race([w.remote.solve(req, share, Comlink.proxy(report)), died]);
      } catch (e) {
        return fail(`census worker ${k + 1} of ${n} failed: ${message(e)}`);
      }
    });
    // The first failure ends the census at once (the other workers' work is lost with it).
    answers.forEach((a) => void a.then((r) => !r.ok && stop(r)));
    const outcome = await Promise.race([Promise.all(answers), stopped]);
    if (this.stop === stop) this.stop = null;
    if (!Array.isArray(outcome)) {
      if (outcome.error !== CENSUS_CANCELLED) this.terminate();
      return outcome;
    }
    const solved = outcome.flatMap((r) => (r.ok ? r.value : []));
    const merged = mergeCensus(solved, { random: req.count, path: req.path.length }, { eps: req.eps });
    if (!merged.ok) return merged;
    return ok({ census: merged.value, randomStarts: RANDOM_STARTS, pathStarts: PATH_STARTS, workers: n, ms: performance.now() - began });
  }

  /** Ends the census in flight, if any: every worker is terminated (the search cannot be interrupted otherwise). */
  cancel(): void {
    if (!this.stop) return;
    this.terminate();
    this.stop(fail(CENSUS_CANCELLED));
    this.stop = null;
  }

  private terminate(): void {
    this.workers.forEach((w) => w.terminate());
    this.workers = [];
  }

  dispose(): void {
    this.cancel();
    this.terminate();
  }
}

let shared: CensusClient | null = null;

/** The app's one census pool, made on first use. */
export function censusClient(): CensusClient {
  shared ??= new CensusClient();
  return shared;
}
