// A benchmark worker (worker_threads) running maps through the app's own worker API
// (createBatchApi().runJs: the JS engine in slices of ~60 ms with a yield between, as in the
// browser's batch workers). Each message is one map: its rows of `job`; the answer carries the
// wall time and this process's CPU time around the call (the main thread idles meanwhile) and
// the end points.
import { parentPort } from 'node:worker_threads';
import type { BatchJob } from '../../src/batch/batchJob';
import { createBatchApi } from '../../src/workers/batchApi';

export interface MapRequest {
  job: BatchJob;
  rows: number[];
}

export interface MapAnswer {
  wallS: number;
  cpuS: number;
  endX: Float64Array;
  endY: Float64Array;
}

const api = createBatchApi(() => 'no WebGL in Node');
let id = 0;

parentPort!.on('message', async ({ job, rows }: MapRequest) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await api.runJs(++id, job, rows);
  const wallS = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const answer: MapAnswer = { wallS, cpuS: (c.user + c.system) / 1e6, endX: r.value.outcome.endX, endY: r.value.outcome.endY };
  parentPort!.postMessage(answer);
});
