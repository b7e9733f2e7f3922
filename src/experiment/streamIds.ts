// Which random stream each run draws from (experiment-v1.md: "adding or removing a run never
// changes another run's numbers"). A run's stream is keyed by its `stream` id, not by its place
// in the list: removing run 0 leaves run 1's id, and so its noise, as it was. A run without an
// id uses its index, which is what every run did before ids existed, so old links and fixtures
// keep their numbers. The app writes an id into every run whenever it adds, removes, duplicates
// or reorders runs (withStreamIds), so that from then on the ids, not the places, hold.
import { LIMITS } from './limits';
import type { Run } from './types';

/** The stream id of the run at `index`: its own, or its index. */
export function runStreamId(run: Pick<Run, 'stream'>, index: number): number {
  return run.stream ?? index;
}

/** The smallest id no run uses (a run without an id uses its index). */
export function smallestUnusedStream(runs: readonly Pick<Run, 'stream'>[]): number {
  const used = new Set(runs.map(runStreamId));
  let id = LIMITS.stream.min;
  while (used.has(id)) id++;
  return id;
}

/** The runs with every id written out, as each run draws now: call before moving runs around. */
export function withStreamIds<R extends Pick<Run, 'stream'>>(runs: readonly R[]): R[] {
  return runs.map((run, i) => ({ ...run, stream: runStreamId(run, i) }));
}

/** Runs (by index) whose stream id another run before them already uses. */
export function sharedStreams(runs: readonly Pick<Run, 'stream'>[]): { index: number; first: number; id: number }[] {
  const owner = new Map<number, number>();
  const out: { index: number; first: number; id: number }[] = [];
  runs.forEach((run, i) => {
    const id = runStreamId(run, i);
    const first = owner.get(id);
    if (first === undefined) owner.set(id, i);
    else out.push({ index: i, first, id });
  });
  return out;
}
