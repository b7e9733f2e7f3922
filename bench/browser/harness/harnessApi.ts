// What the Playwright specs call in the page: the engines behind BatchClient, with typed arrays
// turned into plain arrays so they cross page.evaluate.
import type { Experiment, ViewWindow } from '../../../src/experiment/types';
import { type BatchJob, buildBasinJob, buildSweepJob } from '../../../src/batch/batchJob';
import type { SweepSettings } from '../../../src/batch/batchSettings';
import { classifyEnds, captureRadius } from '../../../src/batch/classifyBasins';
import type { BatchOutcome } from '../../../src/batch/outcome';
import { BatchClient, type BatchPath } from '../../../src/workers/batchClient';
import type { WorkerResult } from '../../../src/workers/result';
import * as Comlink from 'comlink';
import type { TfjsBackend } from './tfjsOpByOp';
import type { TfjsWorkerApi } from './tfjs.worker';

export interface PlainOutcome {
  endX: number[];
  endY: number[];
  f: number[];
  steps: number[];
  reason: number[];
}

const plain = (o: BatchOutcome): PlainOutcome => ({
  endX: Array.from(o.endX),
  endY: Array.from(o.endY),
  f: Array.from(o.f),
  steps: Array.from(o.steps),
  reason: Array.from(o.reason),
});

const client = new BatchClient();
/** One tfjs worker per backend, kept, so a warm-up run compiles the kernels the timed runs use. */
const tfjsWorkers = new Map<TfjsBackend, Comlink.Remote<TfjsWorkerApi>>();

function unwrap(r: ReturnType<typeof buildBasinJob>): BatchJob {
  if (!r.ok) throw new Error(r.message);
  return r.job;
}

/** A worker answer's value; its error thrown (the spec sees it as a failed evaluate). */
function valueOf<T, E>(r: WorkerResult<T, E>): T {
  if (!r.ok) throw new Error(`batch run: ${JSON.stringify(r.error)}`);
  return r.value;
}

const harness = {
  basinJob: (exp: Experiment, resolution: number, view: ViewWindow) => unwrap(buildBasinJob(exp, { resolution, run: 0 }, view)),
  sweepJob: (exp: Experiment, settings: SweepSettings, start: [number, number]) => unwrap(buildSweepJob(exp, settings, start)),
  gpu: () => client.gpu(),
  poolSize: () => client.poolSize,
  choosePath: () => client.choosePath(),
  async run(job: BatchJob, path: BatchPath, stepsPerDraw?: number) {
    const r = valueOf(await client.run(job, { path, stepsPerDraw }));
    return { report: r.report, ms: r.ms, outcome: plain(r.outcome) };
  },
  /** Basin classes of a job on a path, against the critical points of the view. */
  async classes(job: BatchJob, path: BatchPath) {
    if (job.grid.kind !== 'basins') throw new Error('classes: basin jobs only');
    const view = job.grid.view;
    const [run, found] = await Promise.all([client.run(job, { path }), client.criticalPoints(job, view)]);
    const r = valueOf(run);
    const points = valueOf(found);
    const c = classifyEnds(r.outcome, points, captureRadius(view));
    return { report: r.report, classOf: Array.from(c.classOf), points: points.map((p) => ({ x: p.x, y: p.y, kind: p.kind })) };
  },
  async jsOn(job: BatchJob, workers: number) {
    const r = valueOf(await client.runJsOn(job, workers));
    return { ms: r.ms, outcome: plain(r.outcome) };
  },
  /** Starts a fused run, loses the context after `afterMs`, and returns what the client made of it. */
  async loseContextDuring(job: BatchJob, afterMs: number) {
    const running = client.run(job, { path: 'webgl' });
    await new Promise((r) => setTimeout(r, afterMs));
    const lost = await client.loseContext();
    const r = valueOf(await running);
    return { lost, report: r.report, outcome: plain(r.outcome) };
  },
  /** Starts a run and aborts it after `afterMs`; returns how it ended and how long the abort took. */
  async cancelAfter(job: BatchJob, path: BatchPath, afterMs: number) {
    const controller = new AbortController();
    const running = client.run(job, { path, signal: controller.signal });
    await new Promise((r) => setTimeout(r, afterMs));
    const t = performance.now();
    controller.abort();
    const r = await running;
    const ended = r.ok ? 'completed' : r.error.kind === 'cancelled' ? 'AbortError' : r.error.message;
    return { ended, ms: performance.now() - t };
  },
  /** One timed run of benchmark candidate a..e (see batched.spec.ts). */
  async candidate(id: 'a' | 'b' | 'c' | 'd' | 'e', job: BatchJob): Promise<{ ms: number; endX: number[]; endY: number[]; detail: string }> {
    if (id === 'a' || id === 'b') {
      const workers = id === 'a' ? 1 : client.poolSize;
      const r = valueOf(await client.runJsOn(job, workers));
      return { ms: r.ms, endX: Array.from(r.outcome.endX), endY: Array.from(r.outcome.endY), detail: `${workers} worker${workers > 1 ? 's' : ''}` };
    }
    if (id === 'd') {
      const r = valueOf(await client.run(job, { path: 'webgl' }));
      if (r.report.path !== 'webgl') throw new Error(`fused WebGL did not run: ${r.report.notice}`);
      return { ms: r.ms, endX: Array.from(r.outcome.endX), endY: Array.from(r.outcome.endY), detail: r.report.label };
    }
    const r = await harness.tfjs(job, id === 'c' ? 'webgl' : 'cpu');
    return { ms: r.ms, endX: r.endX, endY: r.endY, detail: `tf.getBackend() = ${r.backend}` };
  },
  tfjs(job: BatchJob, backend: TfjsBackend) {
    let worker = tfjsWorkers.get(backend);
    if (!worker) {
      worker = Comlink.wrap<TfjsWorkerApi>(new Worker(new URL('./tfjs.worker.ts', import.meta.url), { type: 'module', name: `tfjs-${backend}` }));
      tfjsWorkers.set(backend, worker);
    }
    return worker.runTfjs(job, backend);
  },
};

export type Harness = typeof harness;

export function exposeHarness(): void {
  (window as unknown as { __batchHarness: Harness }).__batchHarness = harness;
}
