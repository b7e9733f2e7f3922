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

/**
 * The app's edits of the run list. Each first writes every run's id out (withStreamIds), so the
 * runs that stay keep their streams; a new run, or a duplicate, gets the smallest unused id: a
 * duplicate is a new run with the same settings and its OWN noise (a second draw, not a copy).
 */
export function addRun<R extends Pick<Run, 'stream'>>(runs: readonly R[], run: R): R[] {
  const pinned = withStreamIds(runs);
  return [...pinned, { ...run, stream: smallestUnusedStream(pinned) }];
}

/** A copy of run `index` right after it, on a new stream. */
export function duplicateRun<R extends Pick<Run, 'stream'>>(runs: readonly R[], index: number): R[] {
  const pinned = withStreamIds(runs);
  const copy = { ...structuredClone(pinned[index]), stream: smallestUnusedStream(pinned) };
  return [...pinned.slice(0, index + 1), copy, ...pinned.slice(index + 1)];
}

export function removeRun<R extends Pick<Run, 'stream'>>(runs: readonly R[], index: number): R[] {
  return withStreamIds(runs).filter((_, i) => i !== index);
}

/** Run `from` moved to place `to`. */
export function moveRun<R extends Pick<Run, 'stream'>>(runs: readonly R[], from: number, to: number): R[] {
  const pinned = withStreamIds(runs);
  const [run] = pinned.splice(from, 1);
  pinned.splice(to, 0, run);
  return pinned;
}
