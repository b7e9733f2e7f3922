// The census worker's API (census.worker.ts): the census of critical points (src/nets/census) of a
// network experiment's training objective, in a worker of its own so the race in the engine
// worker never waits for it, and so the page can cancel it by terminating the worker (the census
// is one long synchronous computation: a cancel message would only be read after it). Progress
// goes to the page through a comlink-proxied callback after each start.
import { formatErrors } from '../experiment/parse';
import type { Experiment, LayerWeights } from '../experiment/types';
import { type Census, criticalPointCensus } from '../nets/census/census';
import { type CensusStart, RANDOM_STARTS, randomStarts } from '../nets/census/starts';
import { createNetworkEngine } from '../nets/engine';
import { flatWeights } from '../nets/exported';
import { fail, ok, type WorkerResult } from './result';

export interface CensusRequest {
  experiment: Experiment;
  /** Seeded random starts (src/nets/census/starts.ts). */
  count: number;
  /** The solver's stop: ||grad L|| <= eps. */
  eps: number;
  /** Extra starts: runs' current weights (source 'path'). */
  current: { run: number; step: number; weights: LayerWeights[] }[];
}

export interface CensusReport {
  census: Census;
  randomStarts: string;
  ms: number;
}

export type CensusProgress = (done: number, total: number) => void;

export const censusApi = {
  run(req: CensusRequest, onProgress: CensusProgress): WorkerResult<CensusReport> {
    const built = createNetworkEngine({ ...req.experiment, runs: req.experiment.runs.slice(0, 1) });
    if (!built.ok) return fail(formatErrors(built.errors));
    const { net, objective, seed } = built.engine;
    const t0 = performance.now();
    const starts: CensusStart[] = [
      ...randomStarts(net, seed, req.count),
      ...req.current.map(({ run, step, weights }) => ({ source: 'path' as const, run, step, w: flatWeights(net, weights) })),
    ];
    let last = 0;
    const found = criticalPointCensus(objective, starts, { eps: req.eps }, (done, total) => {
      // At most ~20 messages a second: a small network's starts take well under a millisecond.
      const now = performance.now();
      if (done === total || now - last > 50) {
        last = now;
        onProgress(done, total);
      }
    });
    if (!found.ok) return fail(found.error);
    return ok({ census: found.value, randomStarts: RANDOM_STARTS, ms: performance.now() - t0 });
  },
};

export type CensusApi = typeof censusApi;
