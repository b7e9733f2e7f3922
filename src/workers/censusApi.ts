// The census workers' API (census.worker.ts): each worker of the pool (censusClient.ts) solves
// one share of the census's starts (src/nets/census/share.ts) of a network experiment's training
// objective, apart from the engine worker so the race never waits for it. The search from a start
// is one long synchronous computation, so a cancel is the page terminating the workers. Progress
// (starts of this share done) goes to the page through a comlink-proxied callback.
import * as Comlink from 'comlink';
import { formatErrors } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { CENSUS_DEFAULTS, censusRefusal } from '../nets/census/census';
import { type SolvedStart, solveStarts } from '../nets/census/share';
import { type CensusStart, censusStarts } from '../nets/census/starts';
import { createNetworkEngine } from '../nets/engine';
import { fail, ok, type WorkerResult } from './result';

export interface CensusRequest {
  experiment: Experiment;
  /** Seeded random starts (src/nets/census/starts.ts). */
  count: number;
  /** The solver's stop: ||grad L|| <= eps. */
  eps: number;
  /** The runs' path starts (censusPathStarts of the engine's paths), after the random ones. */
  path: CensusStart[];
}

export type CensusProgress = (done: number) => void;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** How often a worker reports progress at most (a small network's starts take well under a millisecond). */
const PROGRESS_MS = 50;

export const censusApi = {
  /** The answers of the starts at `share` (indices into censusStarts(request)). */
  solve(req: CensusRequest, share: number[], onProgress: CensusProgress): WorkerResult<SolvedStart[]> {
    try {
      const built = createNetworkEngine({ ...req.experiment, runs: req.experiment.runs.slice(0, 1) });
      if (!built.ok) return fail(formatErrors(built.errors));
      const { net, objective, seed } = built.engine;
      const refusal = censusRefusal(objective);
      if (refusal) return fail(refusal);
      const starts = censusStarts(net, seed, req.count, req.path);
      let last = 0;
      const solved = solveStarts(objective, starts, share, { ...CENSUS_DEFAULTS, eps: req.eps }, (done) => {
        const now = performance.now();
        if (done === share.length || now - last > PROGRESS_MS) {
          last = now;
          onProgress(done);
        }
      });
      const buffers = solved.flatMap((s) => (s.point ? [s.point.raw.buffer, s.point.canonical.buffer] : []));
      return Comlink.transfer(ok(solved), buffers as ArrayBuffer[]);
    } catch (e) {
      return fail(message(e));
    }
  },
};

export type CensusApi = typeof censusApi;
