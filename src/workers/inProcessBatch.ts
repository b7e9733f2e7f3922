// The batch pool without Web Workers, for the unit tests in Node: each "worker" is its own
// createBatchApi() (its own cancel set, its own fused engine), called in-process; calls still
// answer asynchronously, as over postMessage. Worker 0's fused engine is a stand-in that, like
// a WebGL context, keeps ONE bound run: whichever run bound last is the one every draw advances.
import type * as Comlink from 'comlink';
import type { BatchJob } from '../batch/batchJob';
import { jobObjective } from '../batch/batchObjective';
import { JsBatchRunner } from '../batch/jsBatch';
import { type BatchApi, createBatchApi, type FusedEngine } from './batchApi';
import { BatchClient, type BatchWorker } from './batchClient';

/** A fused engine with one context's worth of global state (the JS kernel does the steps). */
export function oneContextEngine(stepsPerDraw = 16): FusedEngine {
  let bound: JsBatchRunner | null = null; // as gl.useProgram + bound framebuffers: global to the context
  return {
    renderer: 'one-context stand-in',
    lost: false,
    loseContext: () => false,
    async run(job: BatchJob, _home, opts) {
      bound = new JsBatchRunner(job, jobObjective(job), Array.from({ length: job.grid.ny }, (_, j) => j));
      while (bound.active > 0) {
        if (opts.cancelled?.()) throw new DOMException('batched run cancelled', 'AbortError');
        bound.advance(stepsPerDraw);
        opts.onProgress?.({ step: bound.stepsTaken, total: job.maxSteps + 1, active: bound.active });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return bound.outcome;
    },
  };
}

function inProcess(api: BatchApi): Comlink.Remote<BatchApi> {
  const remote: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, f] of Object.entries(api)) remote[name] = async (...args) => (f as (...a: unknown[]) => unknown)(...args);
  return remote as unknown as Comlink.Remote<BatchApi>;
}

/** A pool of `size` in-process workers; worker 0 has the one-context fused engine. */
export function inProcessClient(size = 2): BatchClient {
  return new BatchClient(size, (k): BatchWorker => ({
    remote: inProcess(createBatchApi(() => (k === 0 ? oneContextEngine() : 'not the first worker'))),
    terminate: () => undefined,
  }));
}
