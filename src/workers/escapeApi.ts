// The escape worker's API (the escape-time distribution): the page's type of it is derived from
// this object (`typeof escapeApi`), as for the other workers. A job is built here (its critical-
// point search can take a moment), then each worker of the pool runs a block of its seeds in
// slices of about 50 ms, reporting progress and hearing cancel(id) between slices.
import { buildEscapeJob, type EscapeJob } from '../batch/escapeJob';
import { EscapeRunner, type SeedEscape } from '../batch/escapeRun';
import type { EscapeSettings } from '../experiment/escape';
import type { Experiment } from '../experiment/types';
import { fail, ok, type WorkerResult } from './result';

/** Why a run gave no results: cancelled, or failed. */
export type EscapeError = { kind: 'cancelled' } | { kind: 'failed'; message: string };

export type EscapeAnswer = WorkerResult<{ id: number; results: SeedEscape[] }, EscapeError>;

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createEscapeApi() {
  const cancelled = new Set<number>();
  return {
    build(exp: Experiment, settings: EscapeSettings): WorkerResult<EscapeJob> {
      try {
        const built = buildEscapeJob(exp, settings);
        return built.ok ? ok(built.job) : fail(built.message);
      } catch (e) {
        return fail(message(e));
      }
    },

    /** Seeds `job`'s seed numbers [from, from + count) of job `id`. */
    async run(id: number, job: EscapeJob, from: number, count: number, onProgress?: (fraction: number) => void, sliceMs = 50): Promise<EscapeAnswer> {
      try {
        const runner = new EscapeRunner({ ...job, firstSeed: (job.firstSeed + from) >>> 0, seeds: count });
        let budget = 2000;
        while (!runner.done) {
          if (cancelled.has(id)) return fail({ kind: 'cancelled' });
          const began = performance.now();
          runner.advance(budget);
          budget = Math.max(100, Math.min(1 << 20, Math.round((budget * sliceMs) / Math.max(performance.now() - began, 1))));
          onProgress?.(runner.progress);
          await yieldToEvents();
        }
        return ok({ id, results: runner.results });
      } catch (e) {
        return fail({ kind: 'failed', message: message(e) });
      } finally {
        cancelled.delete(id);
      }
    },

    cancel(id: number): void {
      cancelled.add(id);
    },
  };
}

export const escapeApi = createEscapeApi();
export type EscapeApi = typeof escapeApi;
