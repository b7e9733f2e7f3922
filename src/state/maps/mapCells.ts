// What one pixel of a map says (the hover readouts) and what a click on it does (start the
// explorer's run there, or give the run that setting). The views only format and draw these.
import type { Experiment, ParamValue, Run } from '../../experiment/types';
import { pixelStart, sweepValues } from '../../batch/batchJob';
import { type ReasonCode, REASON } from '../../batch/outcome';
import type { CriticalPoint } from '../../surfaces/critical';
import { editExperiment, setStart } from '../edit';
import type { MapResult } from './mapRuns';

/** A pixel's run: how it ended, after how many steps, and where (null when it diverged). */
export interface CellEnd {
  reason: ReasonCode;
  steps: number;
  end: [number, number] | null;
  /** f at the end (null when it diverged). */
  f: number | null;
}

function cellEnd(result: MapResult, i: number, j: number): CellEnd {
  const k = j * result.job.grid.nx + i;
  const o = result.outcome;
  const reason = o.reason[k] as ReasonCode;
  const finite = reason !== REASON.diverged;
  return { reason, steps: o.steps[k], end: finite ? [o.endX[k], o.endY[k]] : null, f: finite ? o.f[k] : null };
}

export interface BasinCell extends CellEnd {
  start: [number, number];
  /** The basin: a critical point's index, or one of CLASS (diverged, not converged, elsewhere). */
  basin: number;
  /** The critical point the run ends at, when it does. */
  point: CriticalPoint | null;
}

export function basinCell(result: MapResult, i: number, j: number): BasinCell | null {
  if (!result.basins) return null;
  const basin = result.basins.classes.classOf[j * result.job.grid.nx + i];
  return { ...cellEnd(result, i, j), start: pixelStart(result.job, i, j), basin, point: basin >= 0 ? result.basins.points[basin] : null };
}

export interface SweepCell extends CellEnd {
  /** The two swept parameters and their values at the cell. */
  params: [string, string];
  values: [number, number];
}

export function sweepCell(result: MapResult, i: number, j: number): SweepCell | null {
  const g = result.job.grid;
  if (g.kind !== 'sweep') return null;
  return { ...cellEnd(result, i, j), params: [g.x.param, g.y.param], values: sweepValues(result.job, i, j) };
}

/** A click on a basin pixel: run `run` starts there. */
export function pickBasinStart(result: MapResult, i: number, j: number, run: number): void {
  const [x, y] = pixelStart(result.job, i, j);
  setStart(x, y, run);
}

/** A clicked sweep cell: the run's own parameters with the two swept values set. */
interface SweepPick {
  run: number;
  params: Record<string, ParamValue>;
  /** Present when an axis sweeps the run's gradient noise. */
  gradNoise?: number;
}

function sweepPick(result: MapResult, runOpt: Run, run: number, i: number, j: number): SweepPick | null {
  const g = result.job.grid;
  if (g.kind !== 'sweep') return null;
  // A cell stands for a range of values: the run gets a round one (3 significant digits; of
  // 1 - v on a log1m axis, where the digits that matter are those of 1 - momentum or 1 - beta).
  const [vx, vy] = sweepValues(result.job, i, j).map((v, k) => roundSetting(v, k === 0 ? g.x.scale : g.y.scale));
  const params: Record<string, ParamValue> = { ...(runOpt.params ?? {}) };
  let gradNoise: number | undefined;
  for (const [param, v] of [[g.x.param, vx], [g.y.param, vy]] as const) {
    if (param === 'gradNoise') gradNoise = v;
    else if (param === 'beta1' || param === 'beta2') {
      const betas = [...((params.betas as number[] | undefined) ?? (result.job.params.betas as number[]))];
      betas[param === 'beta1' ? 0 : 1] = v;
      params.betas = betas;
    } else params[param] = v;
  }
  return { run, params, ...(gradNoise !== undefined ? { gradNoise } : {}) };
}

function roundSetting(v: number, scale: string): number {
  if (scale === 'log1m') return 1 - Number((1 - v).toPrecision(3));
  return Number(v.toPrecision(3));
}

/** Gives the run the clicked cell's setting (and restarts the experiment). */
function applySweepPick({ run, params, gradNoise }: SweepPick): void {
  editExperiment((draft) => {
    draft.runs[run] = { ...draft.runs[run], params };
    if (gradNoise !== undefined) draft.runs[run].gradNoise = gradNoise;
  });
}

/** Click a sweep cell of the shown result: the run gets its setting. */
export function pickSweepSetting(result: MapResult, experiment: Experiment, run: number, i: number, j: number): void {
  const runOpt = experiment.runs[run];
  const pick = runOpt ? sweepPick(result, runOpt, run, i, j) : null;
  if (pick) applySweepPick(pick);
}

/** The run's own value of a swept parameter (where the map marks the run's setting), if numeric. */
export function ownSetting(runOpt: Run | undefined, name: string): number | undefined {
  if (!runOpt) return undefined;
  if (name === 'gradNoise') return runOpt.gradNoise ?? 0;
  const p = runOpt.params ?? {};
  if (name === 'beta1' || name === 'beta2') return (p.betas as number[] | undefined)?.[name === 'beta1' ? 0 : 1];
  return typeof p[name] === 'number' ? (p[name] as number) : undefined;
}
