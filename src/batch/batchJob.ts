// A batched job: one optimizer setting from many starts (basin map) or many settings from one
// start (sweep map). Plain data, so it crosses to workers by structured clone, and every engine
// (JS, fused WebGL, tfjs) derives a pixel's start and parameters from it with the same functions.
//
// Pixel (i, j) is column i from the left and row j from the TOP, so row-major results are an
// image as is; index = j * nx + i.
import { resolveParams } from '../optim/optimizers/params';
import type { Experiment, OptimizerId, ParamValue, Schedule, SecondOrderRule, SurfaceProblem, ViewWindow } from '../experiment/types';
import { axisRangeError, axisValue, type BasinSettings, type SweepAxis, type SweepSettings, sweepableParams } from './batchSettings';

export type BatchGrid =
  | { kind: 'basins'; view: ViewWindow; nx: number; ny: number }
  | { kind: 'sweep'; start: [number, number]; x: SweepAxis; y: SweepAxis; nx: number; ny: number };

export interface BatchJob {
  problem: SurfaceProblem;
  optimizer: OptimizerId;
  /** The run's full parameter set (defaults filled in). */
  params: Record<string, ParamValue>;
  gradNoise: number;
  clip: number | null;
  schedule: Schedule | null;
  maxSteps: number;
  gradTol: number;
  /** stop.maxEvals (absent: no budget); the fused WebGL path counts steps only and leaves such jobs to JS. */
  maxEvals?: number;
  seed: number;
  grid: BatchGrid;
  /** The second-order stopping rule (stop.secondOrder); absent: off. */
  secondOrder?: SecondOrderRule;
}

/** What one pixel runs with. */
export interface PixelSetting {
  params: Record<string, ParamValue>;
  gradNoise: number;
}

export type JobResult = { ok: true; job: BatchJob } | { ok: false; message: string };

function baseJob(exp: Experiment, runIndex: number): { ok: true; job: Omit<BatchJob, 'grid'> } | { ok: false; message: string } {
  if (exp.problem.kind !== 'surface') return { ok: false, message: 'basin and sweep maps need a surface problem' };
  const run = exp.runs[runIndex];
  if (!run) return { ok: false, message: `the experiment has no run ${runIndex + 1}` };
  return {
    ok: true,
    job: {
      problem: exp.problem,
      optimizer: run.optimizer,
      params: resolveParams(run.optimizer, run.params),
      gradNoise: run.gradNoise ?? 0,
      clip: run.clip ?? null,
      schedule: run.schedule ?? null,
      maxSteps: exp.stop.maxSteps,
      gradTol: exp.stop.gradTol,
      ...(exp.stop.maxEvals === undefined ? {} : { maxEvals: exp.stop.maxEvals }),
      seed: exp.seed,
      ...(exp.stop.secondOrder ? { secondOrder: { ...exp.stop.secondOrder } } : {}),
    },
  };
}

export function buildBasinJob(exp: Experiment, settings: BasinSettings, view: ViewWindow): JobResult {
  const base = baseJob(exp, settings.run);
  if (!base.ok) return base;
  const n = settings.resolution;
  return { ok: true, job: { ...base.job, grid: { kind: 'basins', view: { x: [...view.x], y: [...view.y] }, nx: n, ny: n } } };
}

/** `start`: the run's start, or the surface's default start when the run has none. */
export function buildSweepJob(exp: Experiment, settings: SweepSettings, start: [number, number]): JobResult {
  const base = baseJob(exp, settings.run);
  if (!base.ok) return base;
  const allowed = sweepableParams(base.job.optimizer);
  for (const [name, axis] of [['x', settings.x], ['y', settings.y]] as const) {
    if (!allowed.includes(axis.param)) {
      return { ok: false, message: `${name} axis: ${base.job.optimizer} has no parameter "${axis.param}" (try ${allowed.join(', ')})` };
    }
    const err = axisRangeError(axis);
    if (err) return { ok: false, message: `${name} axis: ${err}` };
  }
  if (settings.x.param === settings.y.param) return { ok: false, message: 'the two axes must vary different parameters' };
  const n = settings.resolution;
  const grid: BatchGrid = { kind: 'sweep', start: [start[0], start[1]], x: { ...settings.x }, y: { ...settings.y }, nx: n, ny: n };
  return { ok: true, job: { ...base.job, grid } };
}

export function pixelCount(job: BatchJob): number {
  return job.grid.nx * job.grid.ny;
}

/** The start of pixel (i, j): pixel centres over the view for basins, the fixed start for sweeps. */
export function pixelStart(job: BatchJob, i: number, j: number): [number, number] {
  const g = job.grid;
  if (g.kind === 'sweep') return [g.start[0], g.start[1]];
  const { x, y } = g.view;
  return [x[0] + ((i + 0.5) / g.nx) * (x[1] - x[0]), y[1] - ((j + 0.5) / g.ny) * (y[1] - y[0])];
}

/** The two axis values of sweep pixel (i, j); the y axis grows upwards. */
export function sweepValues(job: BatchJob, i: number, j: number): [number, number] {
  const g = job.grid;
  if (g.kind !== 'sweep') throw new Error('sweepValues: not a sweep job');
  return [axisValue(g.x, i, g.nx), axisValue(g.y, g.ny - 1 - j, g.ny)];
}

/** Sets one swept value into a setting ('beta1'/'beta2' are the halves of 'betas'). */
function applyParam(setting: PixelSetting, param: string, value: number): void {
  if (param === 'gradNoise') setting.gradNoise = value;
  else if (param === 'beta1' || param === 'beta2') {
    const betas = [...(setting.params.betas as number[])];
    betas[param === 'beta1' ? 0 : 1] = value;
    setting.params.betas = betas;
  } else setting.params[param] = value;
}

/** The parameters pixel (i, j) runs with: the run's own, with the sweep's two values set. */
export function pixelSetting(job: BatchJob, i: number, j: number): PixelSetting {
  const setting: PixelSetting = { params: { ...job.params }, gradNoise: job.gradNoise };
  const g = job.grid;
  if (g.kind === 'sweep') {
    const [vx, vy] = sweepValues(job, i, j);
    applyParam(setting, g.x.param, vx);
    applyParam(setting, g.y.param, vy);
  }
  return setting;
}

/** Whether every pixel shares one parameter set (then a batch can be one optimizer instance). */
export function sharedSetting(job: BatchJob): boolean {
  return job.grid.kind === 'basins';
}
