// The maps the batched-engine benchmark measures (issue 19), shared by bench/maps.bench.ts and
// its worker scripts: a basin map of plain gradient descent on Rosenbrock and one of Adam on
// Himmelblau (256 x 256 starts x 500 steps, gradTol 0 so every start takes all 500 steps), and a
// sweep of Adam's lr x beta1 (128 x 128 cells from one start).
import { type BatchJob, buildBasinJob, buildSweepJob } from '../../src/batch/batchJob';
import { jobObjective } from '../../src/batch/batchObjective';
import { JsBatchRunner } from '../../src/batch/jsBatch';
import type { RowsOutcome } from '../../src/batch/outcome';
import type { Experiment, OptimizerId, ParamValue, SurfaceId, ViewWindow } from '../../src/experiment/types';

export const STEPS = 500;

function experiment(surface: SurfaceId, optimizer: OptimizerId, params: Record<string, ParamValue>): Experiment {
  return { v: 1, problem: { kind: 'surface', id: surface }, runs: [{ optimizer, params }], stop: { maxSteps: STEPS, gradTol: 0 }, seed: 0 };
}

function basinJob(exp: Experiment, resolution: number, view: ViewWindow): BatchJob {
  const r = buildBasinJob(exp, { resolution, run: 0 }, view);
  if (!r.ok) throw new Error(r.message);
  return r.job;
}

/** GD (sgd, lr 1e-4) on Rosenbrock over its default window [-2, 2] x [-1, 3]. */
export const gdBasins = (resolution = 256): BatchJob => basinJob(experiment('rosenbrock', 'sgd', { lr: 1e-4 }), resolution, { x: [-2, 2], y: [-1, 3] });

/** Adam (lr 0.05) on Himmelblau over [-5, 5]^2 (the browser benchmark's map). */
export const adamBasins = (resolution = 256): BatchJob => basinJob(experiment('himmelblau', 'adam', { lr: 0.05 }), resolution, { x: [-5, 5], y: [-5, 5] });

/** Adam on Himmelblau from (0, -1): lr from 1e-3 to 0.5 (log) across, beta1 from 0.5 to 0.99 up. */
export function adamSweep(resolution = 128): BatchJob {
  const r = buildSweepJob(
    experiment('himmelblau', 'adam', { lr: 0.05 }),
    { resolution, run: 0, color: 'steps', x: { param: 'lr', min: 1e-3, max: 0.5, scale: 'log' }, y: { param: 'beta1', min: 0.5, max: 0.99, scale: 'linear' } },
    [0, -1],
  );
  if (!r.ok) throw new Error(r.message);
  return r.job;
}

export const allRows = (job: BatchJob): number[] => Array.from({ length: job.grid.ny }, (_, j) => j);

/** The kernel the engine runs `job` on (pixel-outer or lockstep). */
export const engineKernel = (job: BatchJob): string => new JsBatchRunner(job, jobObjective(job), []).kernel;

/** The engine on `rows` of `job`, `chunk` steps per advance(); returns the outcome and the pixel-steps done. */
export function runEngine(job: BatchJob, rows = allRows(job), chunk = 100): { outcome: RowsOutcome; work: number } {
  const runner = new JsBatchRunner(job, jobObjective(job), rows);
  let work = 0;
  while (runner.active > 0) work += runner.advance(chunk);
  return { outcome: runner.outcome, work };
}
