// `--map basins|sweep`: the app's basin and sweep maps, headless. The job, the engine and the
// classification are the app's own (src/batch: buildBasinJob / buildSweepJob, JsBatchRunner,
// classifyEnds), so every cell has the numbers of the app's JS path; only the order of the cells
// differs: here row by row from the bottom row (y0, or the smallest y value), left to right.
import type { BasinSettings, SweepAxis, SweepSettings } from '../experiment/maps';
import type { Experiment, StopReason, ViewWindow } from '../experiment/types';
import { planeStart } from '../experiment/functions';
import { type BatchJob, buildBasinJob, buildSweepJob, pixelStart, sweepValues } from '../batch/batchJob';
import { jobObjective, objectiveAsSurface } from '../batch/batchObjective';
import { captureRadius, classifyEnds } from '../batch/classifyBasins';
import { JsBatchRunner } from '../batch/jsBatch';
import { REASON, type BatchOutcome } from '../batch/outcome';
import { findCriticalPoints, type CriticalPoint } from '../surfaces/critical';
import { resolveSurface } from '../surfaces/resolve';
import type { Surface } from '../surfaces/types';

export interface BasinCell {
  start: [number, number];
  end: [number, number];
  steps: number;
  reason: StopReason;
  /** Index into criticalPoints of the point the run ended at, or null (diverged, not converged, elsewhere). */
  point: number | null;
}

export interface BasinMapResult {
  kind: 'basins';
  resolution: number;
  run: number;
  window: ViewWindow;
  /** Milliseconds the batched engine took (the critical-point search not included). */
  ms: number;
  criticalPoints: CriticalPoint[];
  cells: BasinCell[];
}

export interface SweepCell {
  /** The x and y axes' values of this cell. */
  values: [number, number];
  end: [number, number];
  f: number;
  steps: number;
  reason: StopReason;
}

export interface SweepMapResult {
  kind: 'sweep';
  resolution: number;
  run: number;
  start: [number, number];
  x: SweepAxis;
  y: SweepAxis;
  ms: number;
  cells: SweepCell[];
}

export type MapResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Called now and then with the share done, between 0 and 1. */
export type Progress = (fraction: number) => void;

const REASON_NAMES = new Map<number, StopReason>([
  [REASON.gradTol, 'gradTol'],
  [REASON.maxSteps, 'maxSteps'],
  [REASON.diverged, 'diverged'],
  [REASON.maxEvals, 'maxEvals'],
]);

function reasonName(code: number): StopReason {
  const name = REASON_NAMES.get(code);
  if (name === undefined) throw new Error(`a map cell ended with no stop reason (code ${code})`);
  return name;
}

/** The surface of a surface problem, or why there is none. */
function surfaceOf(exp: Experiment): MapResult<Surface> {
  if (exp.problem.kind !== 'surface') return { ok: false, message: 'problem: basin and sweep maps need a surface problem' };
  const resolved = resolveSurface(exp.problem);
  return resolved.ok ? { ok: true, value: resolved.surface } : { ok: false, message: `problem: ${resolved.message}` };
}

function checkRun(exp: Experiment, run: number): string | null {
  return run < exp.runs.length ? null : `--run ${run}: the experiment has runs 0 to ${exp.runs.length - 1}`;
}

/** Every pixel of the job, all rows in one runner (rows are independent, so this is what any split of them gives). */
function runJob(job: BatchJob, progress?: Progress): { outcome: BatchOutcome; ms: number } {
  const began = performance.now();
  const runner = new JsBatchRunner(job, jobObjective(job), Array.from({ length: job.grid.ny }, (_, j) => j));
  while (runner.active > 0) {
    runner.advance(64);
    progress?.(runner.progress(job.maxSteps));
  }
  return { outcome: runner.outcome, ms: Math.round((performance.now() - began) * 10) / 10 };
}

/** Pixel indices (i, j, row-major index) from the bottom row up, left to right. */
function* bottomUp(job: BatchJob): Generator<[number, number, number]> {
  const { nx, ny } = job.grid;
  for (let j = ny - 1; j >= 0; j--) for (let i = 0; i < nx; i++) yield [i, j, j * nx + i];
}

export function basinMap(exp: Experiment, settings: BasinSettings, progress?: Progress): MapResult<BasinMapResult> {
  const surface = surfaceOf(exp);
  if (!surface.ok) return surface;
  const runError = checkRun(exp, settings.run);
  if (runError) return { ok: false, message: runError };
  const view = exp.view ?? surface.value.view;
  const built = buildBasinJob(exp, settings, view);
  if (!built.ok) return built;
  const job = built.job;
  const { outcome, ms } = runJob(job, progress);
  // As the app's batch worker: the critical points of the regularized objective in the map's window.
  const criticalPoints = findCriticalPoints(objectiveAsSurface(jobObjective(job)), view);
  const classes = classifyEnds(outcome, criticalPoints, captureRadius(view));
  const cells: BasinCell[] = [];
  for (const [i, j, p] of bottomUp(job)) {
    const c = classes.classOf[p];
    cells.push({ start: pixelStart(job, i, j), end: [outcome.endX[p], outcome.endY[p]], steps: outcome.steps[p], reason: reasonName(outcome.reason[p]), point: c >= 0 ? c : null });
  }
  return { ok: true, value: { kind: 'basins', resolution: settings.resolution, run: settings.run, window: { x: [...view.x], y: [...view.y] }, ms, criticalPoints, cells } };
}

export function sweepMap(exp: Experiment, settings: SweepSettings, progress?: Progress): MapResult<SweepMapResult> {
  const surface = surfaceOf(exp);
  if (!surface.ok) return surface;
  const runError = checkRun(exp, settings.run);
  if (runError) return { ok: false, message: runError };
  // As the app: the run's own start, or the surface's default start.
  const start = planeStart(exp.runs[settings.run]) ?? surface.value.start;
  const built = buildSweepJob(exp, settings, start);
  if (!built.ok) return built;
  const job = built.job;
  const { outcome, ms } = runJob(job, progress);
  const cells: SweepCell[] = [];
  for (const [i, j, p] of bottomUp(job)) {
    cells.push({ values: sweepValues(job, i, j), end: [outcome.endX[p], outcome.endY[p]], f: outcome.f[p], steps: outcome.steps[p], reason: reasonName(outcome.reason[p]) });
  }
  return { ok: true, value: { kind: 'sweep', resolution: settings.resolution, run: settings.run, start: [start[0], start[1]], x: settings.x, y: settings.y, ms, cells } };
}
