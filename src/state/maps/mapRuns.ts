// The maps' runs: one slot per map (the basin map, the compared basin map, the sweep map), each
// with its progress and its last result. Every compute gets its own job id from the pool
// (BatchClient.newJobId) that travels to the workers and back; a slot takes an answer only
// while its job id is still the slot's, so a cancelled or superseded job never writes, and two
// maps computing at once never see each other's results.
import { create } from 'zustand';
import type { BatchJob } from '../../batch/batchJob';
import type { BasinClasses } from '../../batch/classifyBasins';
import type { BatchOutcome } from '../../batch/outcome';
import type { CriticalPoint } from '../../surfaces/critical';
import { batchClient, type BatchPath, type PathReport } from '../../workers/batchClient';
import type { WorkerResult } from '../../workers/result';

export type { PathReport } from '../../workers/batchClient';

export type MapId = 'basins' | 'compare' | 'sweep';

export type MapRunState =
  | { status: 'idle' }
  | { status: 'running'; progress: number; started: number }
  | { status: 'done'; ms: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface MapResult {
  job: BatchJob;
  /** The job's identity, to tell whether the inputs changed since (see isStale). */
  key: string;
  outcome: BatchOutcome;
  report: PathReport;
  /** Basin maps: the critical points that name the basins, and each start's basin. */
  basins: { points: CriticalPoint[]; classes: BasinClasses } | null;
}

export interface MapRun {
  state: MapRunState;
  result: MapResult | null;
  /** The job this slot waits for, or null: answers of any other job are dropped. */
  jobId: number | null;
}

const IDLE: MapRun = { state: { status: 'idle' }, result: null, jobId: null };

export const useMapRuns = create<Record<MapId, MapRun>>(() => ({ basins: IDLE, compare: IDLE, sweep: IDLE }));

function setRun(map: MapId, change: Partial<MapRun>): void {
  useMapRuns.setState((s) => ({ [map]: { ...s[map], ...change } }));
}

const aborts = new Map<MapId, AbortController>();

/** The engine the maps run on: measured per device (BatchClient.choosePath) unless a test forces one. */
let forcedPath: BatchPath | null = null;

/** Test hook: runs every map on `path` (null: the measured choice again). */
export function forceMapPath(path: BatchPath | null): void {
  forcedPath = path;
}

/** What a map adds to the batched run: computed beside it, joined into its result. */
export interface MapExtra<X> {
  start(job: BatchJob): Promise<WorkerResult<X>>;
  finish(job: BatchJob, outcome: BatchOutcome, extra: X): MapResult['basins'];
}

/** Computes `job` into slot `map`, superseding the slot's job in flight. */
export async function computeMap<X>(map: MapId, job: BatchJob, extra: MapExtra<X>): Promise<void> {
  aborts.get(map)?.abort();
  const abort = new AbortController();
  aborts.set(map, abort);
  const client = batchClient();
  const id = client.newJobId();
  const mine = () => useMapRuns.getState()[map].jobId === id;
  const started = performance.now();
  setRun(map, { state: { status: 'running', progress: 0, started }, jobId: id });
  let last = 0;
  const onProgress = (progress: number) => {
    // at most ~20 renders a second
    const now = performance.now();
    if (now - last < 50 || !mine()) return;
    last = now;
    setRun(map, { state: { status: 'running', progress, started } });
  };
  let answers: [Awaited<ReturnType<typeof client.run>>, WorkerResult<X>];
  try {
    answers = await Promise.all([client.run(job, { id, signal: abort.signal, onProgress, ...(forcedPath ? { path: forcedPath } : {}) }), extra.start(job)]);
  } catch (e) {
    // a worker that died or could not take the job: said on the map, as any failure
    if (mine()) setRun(map, { jobId: null, state: { status: 'error', message: e instanceof Error ? e.message : String(e) } });
    return;
  }
  const [run, more] = answers;
  if (!mine()) return;
  if (aborts.get(map) === abort) aborts.delete(map);
  if (!run.ok) {
    setRun(map, { jobId: null, state: run.error.kind === 'cancelled' ? { status: 'cancelled' } : { status: 'error', message: run.error.message } });
    return;
  }
  if (!more.ok) {
    setRun(map, { jobId: null, state: { status: 'error', message: more.error } });
    return;
  }
  const { outcome, report } = run.value;
  setRun(map, {
    jobId: null,
    result: { job, key: mapKey(job), outcome, report, basins: extra.finish(job, outcome, more.value) },
    state: { status: 'done', ms: performance.now() - started },
  });
}

/** Stops the slot's job; its answer, when it comes, is dropped. */
export function cancelMap(map: MapId): void {
  aborts.get(map)?.abort();
  aborts.delete(map);
  setRun(map, { jobId: null, state: { status: 'cancelled' } });
}

/** The map's panel closed: its job stops and the slot starts empty next time. */
export function forgetMap(map: MapId): void {
  aborts.get(map)?.abort();
  aborts.delete(map);
  setRun(map, IDLE);
}

/** The identity of a job's inputs. */
export const mapKey = (job: BatchJob): string => JSON.stringify(job);

/** Whether the shown result no longer matches the inputs (`built`: the job the inputs make now). */
export function isStale(result: MapResult | null, built: { ok: true; job: BatchJob } | { ok: false }): boolean {
  return result !== null && (!built.ok || mapKey(built.job) !== result.key);
}

/**
 * Measures the device's fastest path while the person is still reading, not on the first
 * click; returns the cancel of the timer.
 */
export function measurePathSoon(delayMs = 1500): () => void {
  const timer = setTimeout(() => void batchClient().choosePath().catch(() => undefined), delayMs);
  return () => clearTimeout(timer);
}
