// The maps' jobs from the app's inputs, and the actions that compute them. The views pass what
// they show (experiment, settings, window); everything a job needs is decided here.
import type { Experiment, ViewWindow } from '../../experiment/types';
import { planeStart } from '../../experiment/functions';
import { buildBasinJob, buildSweepJob, type JobResult } from '../../batch/batchJob';
import type { BasinSettings, SweepSettings } from '../../batch/batchSettings';
import { captureRadius, classifyEnds } from '../../batch/classifyBasins';
import type { CriticalPoint } from '../../surfaces/critical';

import { batchClient } from '../../workers/batchClient';
import { ok } from '../../workers/result';
import { computeMap, type MapExtra, type MapId } from './mapRuns';

export type BasinMapId = Extract<MapId, 'basins' | 'compare'>;

/** The basin map's job: run `settings.run`'s optimizer from every pixel of `view`. */
export function basinJob(experiment: Experiment, settings: BasinSettings, view: ViewWindow): JobResult {
  return buildBasinJob(experiment, settings, view);
}

/** The sweep map's job, from the swept run's start, or the surface's default when it has none. */
export function sweepJob(experiment: Experiment, settings: SweepSettings, surfaceStart: [number, number]): JobResult {
  return buildSweepJob(experiment, settings, sweepStart(experiment, settings, surfaceStart));
}

function sweepStart(experiment: Experiment, settings: SweepSettings, surfaceStart: [number, number]): [number, number] {
  const run = experiment.runs[settings.run];
  return (run && planeStart(run)) ?? surfaceStart;
}

/** The critical points of the job's window, searched beside the run; each start's basin from them. */
const basinExtra: MapExtra<CriticalPoint[]> = {
  start: (job) => (job.grid.kind === 'basins' ? batchClient().criticalPoints(job, job.grid.view) : Promise.resolve(ok([]))),
  finish: (job, outcome, points) =>
    job.grid.kind === 'basins' ? { points, classes: classifyEnds(outcome, points, captureRadius(job.grid.view)) } : null,
};

const noExtra: MapExtra<null> = {
  start: () => Promise.resolve(ok(null)),
  finish: () => null,
};

/** Computes basin map `map` (the map or the compared one) for what it shows. */
export async function computeBasinMap(map: BasinMapId, experiment: Experiment, settings: BasinSettings, view: ViewWindow): Promise<void> {
  const built = basinJob(experiment, settings, view);
  if (built.ok) await computeMap(map, built.job, basinExtra);
}

export async function computeSweepMap(experiment: Experiment, settings: SweepSettings, surfaceStart: [number, number]): Promise<void> {
  const built = sweepJob(experiment, settings, surfaceStart);
  if (built.ok) await computeMap('sweep', built.job, noExtra);
}
