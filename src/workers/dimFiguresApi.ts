// The API of the workers of the figures in d dimensions (src/workers/dimFiguresClient.ts): one
// job of escape time against d (a block of seeds at one dimension: src/optim/escape.ts), and
// rates against eps (src/optim/rates.ts) in rounds of ~50 ms with progress between them. The page
// cancels by terminating the worker, so a job needs no cancel flag of its own.
import { formatErrors } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { createNetworkEngine } from '../nets/engine';
import { createEngine } from '../optim/engine';
import { runEscapeJob, type EscapeJob, type EscapeJobResult, type EscapeOptions } from '../optim/escape';
import { RatesRunner, type Rates } from '../optim/rates';
import { fail, ok, type WorkerResult } from './result';

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createDimFiguresApi() {
  return {
    /** One job of the escape figure; `onSeed` hears each seed as it ends. */
    escapeJob(exp: Experiment, opts: EscapeOptions, job: EscapeJob, onSeed?: () => void): WorkerResult<EscapeJobResult> {
      try {
        return runEscapeJob(exp, opts, job, onSeed);
      } catch (e) {
        return fail(message(e));
      }
    },

    /** The command line's --rates: the experiment's engine run until every run reached 1e-8 or stopped. */
    async rates(exp: Experiment, onProgress?: (fraction: number) => void, sliceMs = 50): Promise<WorkerResult<Rates>> {
      try {
        // As src/cli/dims.ts's ratesOutput: a network's engine, else the surface's or function's.
        const built = exp.problem.kind === 'network' ? createNetworkEngine(exp) : createEngine(exp);
        if (!built.ok) return fail(formatErrors(built.errors));
        const runner = new RatesRunner(exp.runs.map((r) => r.optimizer), built.engine);
        let began = performance.now();
        while (!runner.done) {
          runner.advance();
          if (performance.now() - began >= sliceMs) {
            onProgress?.(runner.progress(exp.stop.maxSteps));
            await yieldToEvents();
            began = performance.now();
          }
        }
        onProgress?.(1);
        return ok(runner.result());
      } catch (e) {
        return fail(message(e));
      }
    },
  };
}

export const dimFiguresApi = createDimFiguresApi();
export type DimFiguresApi = typeof dimFiguresApi;
