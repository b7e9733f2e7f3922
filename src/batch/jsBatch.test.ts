// The JS batched engine against the scalar engine (SurfaceRun): the same starts and settings
// must give bit-identical end points, step counts and stop reasons.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../optim/optimizers/params';
import type { Experiment, OptimizerId, ParamValue, Run } from '../experiment/types';
import { OPTIMIZERS } from '../optim/optimizers';
import { runStream } from '../optim/rng';
import { STOP_REASONS } from '../optim/runRules';
import { SurfaceRun } from '../optim/surfaceRun';
import { jobObjective } from './batchObjective';
import { type BatchJob, buildBasinJob, buildSweepJob, pixelSetting, pixelStart } from './batchJob';
import { JsBatchRunner } from './jsBatch';
import { REASON } from './outcome';

function experiment(problem: Experiment['problem'], run: Run, maxSteps = 300, gradTol = 1e-6): Experiment {
  return { v: 1, problem, runs: [run], stop: { maxSteps, gradTol }, seed: 7 };
}

/** The scalar engine's end of one run. */
function scalar(job: BatchJob, start: [number, number], params: Record<string, ParamValue>) {
  const objective = jobObjective(job);
  const run: Run = { optimizer: job.optimizer, params, start, clip: job.clip ?? undefined, schedule: job.schedule ?? undefined };
  const r = new SurfaceRun({
    index: 0, run, objective, def: OPTIMIZERS[job.optimizer]!, params: resolveParams(job.optimizer, params),
    start, home: objective.surface.view, maxSteps: job.maxSteps, gradTol: job.gradTol, rng: runStream(job.seed, 0),
  });
  let last: [number, number] = start;
  while (!r.done) {
    const c = r.advance(97);
    const n = c.xy.length / 2;
    if (n > 0) last = [c.xy[2 * n - 2], c.xy[2 * n - 1]];
  }
  return { end: last, steps: r.stop!.step, reason: r.stop!.reason };
}

function compareAll(job: BatchJob): number {
  const runner = new JsBatchRunner(job, jobObjective(job), Array.from({ length: job.grid.ny }, (_, j) => j));
  while (runner.active > 0) runner.advance(50);
  const o = runner.outcome;
  let checked = 0;
  for (let j = 0; j < job.grid.ny; j++) {
    for (let i = 0; i < job.grid.nx; i++) {
      const k = j * job.grid.nx + i;
      const ref = scalar(job, pixelStart(job, i, j), pixelSetting(job, i, j).params);
      expect([o.endX[k], o.endY[k], o.steps[k], STOP_REASONS[o.reason[k]]]).toEqual([ref.end[0], ref.end[1], ref.steps, ref.reason]);
      checked++;
    }
  }
  return checked;
}

const himmelblau = { kind: 'surface', id: 'himmelblau' } as const;
const view = { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] };

describe('JsBatchRunner agrees bit for bit with SurfaceRun', () => {
  const cases: [OptimizerId, Record<string, ParamValue>][] = [
    ['sgd', { lr: 0.01 }],
    ['sgd', { lr: 0.005, momentum: 0.9, nesterov: true }],
    ['adam', { lr: 0.05, amsgrad: true }],
    ['adamw', { lr: 0.05 }],
    ['rmsprop', { lr: 0.01, centered: true, momentum: 0.5 }],
    ['adagrad', { lr: 0.5 }],
    ['adadelta', { lr: 1 }],
    ['adamax', { lr: 0.05 }],
    ['nadam', { lr: 0.05 }],
    ['radam', { lr: 0.05 }],
    ['newton', { lr: 0.5 }],
    ['cubic', { M: 20 }],
  ];
  for (const [optimizer, params] of cases) {
    it(`${optimizer} ${JSON.stringify(params)} on Himmelblau, a 7x5 basin grid`, () => {
      const exp = experiment(himmelblau, { optimizer, params });
      const r = buildBasinJob(exp, { resolution: 7, run: 0 }, view);
      if (!r.ok) throw new Error(r.message);
      r.job.grid = { ...r.job.grid, nx: 7, ny: 5 } as BatchJob['grid'];
      expect(compareAll(r.job)).toBe(35);
    });
  }

  it('diverging runs (sgd with a large lr) stop at the same step with the same last point', () => {
    const exp = experiment(himmelblau, { optimizer: 'sgd', params: { lr: 0.2 } });
    const r = buildBasinJob(exp, { resolution: 6, run: 0 }, view);
    if (!r.ok) throw new Error(r.message);
    compareAll(r.job);
    const runner = new JsBatchRunner(r.job, jobObjective(r.job), [0, 1, 2, 3, 4, 5]);
    while (runner.active > 0) runner.advance(1000);
    expect(runner.outcome.reason.filter((c) => c === REASON.diverged).length).toBeGreaterThan(0);
  });

  it('a custom expression with regularization, clipping and a schedule', () => {
    const exp = experiment(
      { kind: 'surface', expr: 'x^2 - y^2 + 0.1*sin(3*x) + 0.05*y^4', regularization: { l1: 0.01, l2: 0.1 } },
      { optimizer: 'adam', params: { lr: 0.1 }, clip: 0.5, schedule: { kind: 'cosine', tMax: 50, etaMin: 0.001 } },
    );
    const r = buildBasinJob(exp, { resolution: 6, run: 0 }, { x: [-2, 2], y: [-2, 2] });
    if (!r.ok) throw new Error(r.message);
    expect(compareAll(r.job)).toBe(36);
  });

  it('a sweep: each cell runs its own lr and momentum', () => {
    const exp = experiment(himmelblau, { optimizer: 'sgd', params: { lr: 0.01 }, start: [0, -1] });
    const r = buildSweepJob(
      exp,
      { resolution: 5, run: 0, color: 'steps', x: { param: 'lr', min: 1e-3, max: 0.05, scale: 'log' }, y: { param: 'momentum', min: 0.1, max: 0.99, scale: 'log1m' } },
      [0, -1],
    );
    if (!r.ok) throw new Error(r.message);
    expect(compareAll(r.job)).toBe(25);
  });

  // The step scalars of a sweep are shared between cells whose parameters give the same ones
  // (sharedScalars.ts): per row for lr x beta1, per cell for beta1 x beta2.
  const sweeps: [OptimizerId, string, string][] = [
    ['adam', 'lr', 'beta1'],
    ['nadam', 'beta1', 'beta2'],
    ['radam', 'lr', 'beta2'],
  ];
  for (const [optimizer, px, py] of sweeps) {
    it(`a sweep of ${optimizer} over ${px} x ${py}`, () => {
      const exp = experiment(himmelblau, { optimizer, params: { lr: 0.05 }, start: [0, -1] });
      const axis = (param: string) =>
        param === 'lr' ? { param, min: 1e-3, max: 0.2, scale: 'log' as const } : { param, min: 0.5, max: 0.99, scale: 'linear' as const };
      const r = buildSweepJob(exp, { resolution: 4, run: 0, color: 'steps', x: axis(px), y: axis(py) }, [0, -1]);
      if (!r.ok) throw new Error(r.message);
      expect(compareAll(r.job)).toBe(16);
    });
  }
});

describe('JsBatchRunner with noise', () => {
  it('is reproducible from the seed whatever the split of rows between workers', () => {
    const exp = experiment(himmelblau, { optimizer: 'noisySgd', params: { lr: 0.01, sigma: 1 }, gradNoise: 0.5 });
    const r = buildBasinJob(exp, { resolution: 8, run: 0 }, view);
    if (!r.ok) throw new Error(r.message);
    const run = (rows: number[]) => {
      const runner = new JsBatchRunner(r.job, jobObjective(r.job), rows);
      while (runner.active > 0) runner.advance(64);
      return runner.outcome;
    };
    const all = run([0, 1, 2, 3, 4, 5, 6, 7]);
    const odd = run([1, 3, 5, 7]);
    for (let k = 0; k < 4; k++) {
      const row = odd.rows[k];
      expect(Array.from(odd.endX.subarray(8 * k, 8 * k + 8))).toEqual(Array.from(all.endX.subarray(8 * row, 8 * row + 8)));
    }
    const other = { ...r.job, seed: 8 };
    const runner = new JsBatchRunner(other, jobObjective(other), [0]);
    while (runner.active > 0) runner.advance(64);
    expect(Array.from(runner.outcome.endX)).not.toEqual(Array.from(all.endX.subarray(0, 8)));
  });
});
