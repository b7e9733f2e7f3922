// The pixel-outer kernel against the lockstep one: every cell's end point, f, step count and
// stop reason bit for bit, for every optimizer that draws nothing (basin maps and sweeps) and for
// every row of the run-rules table (runRules.testdata.ts: maxEvals, the second-order rule,
// clipping, schedules, divergence...), so both kernels read the rules from runStopCode alike.
// jsBatch.test.ts checks the kernels' choice against single runs (SurfaceRun).
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/types';
import { OPTIMIZERS } from '../optim/optimizers';
import { resolveParams } from '../optim/optimizers/params';
import { RULE_SEED, RUN_RULE_CASES } from '../optim/runRules.testdata';
import { type BatchJob, buildBasinJob, buildSweepJob } from './batchJob';
import { jobObjective } from './batchObjective';
import { sweepableParams } from './batchSettings';
import { type BatchKernel, JsBatchRunner } from './jsBatch';
import { drawsNothing, runsPixelOuter } from './pixelOuter';

function unwrap(r: ReturnType<typeof buildBasinJob>): BatchJob {
  if (!r.ok) throw new Error(r.message);
  return r.job;
}

/** The whole map on one kernel, `chunk` steps per advance(). */
function mapOf(job: BatchJob, kernel: BatchKernel, chunk = 13) {
  const runner = new JsBatchRunner(job, jobObjective(job), Array.from({ length: job.grid.ny }, (_, j) => j), { kernel });
  expect(runner.kernel).toBe(kernel);
  while (runner.active > 0) runner.advance(chunk);
  const o = runner.outcome;
  return { endX: Array.from(o.endX), endY: Array.from(o.endY), f: Array.from(o.f), steps: Array.from(o.steps), reason: Array.from(o.reason) };
}

function sameOnBothKernels(job: BatchJob): void {
  expect(mapOf(job, 'pixel-outer')).toEqual(mapOf(job, 'lockstep'));
}

const himmelblau = { kind: 'surface', id: 'himmelblau' } as const;

describe('pixel-outer and lockstep kernels agree bit for bit', () => {
  for (const def of Object.values(OPTIMIZERS)) {
    if (def.drawsRandom) continue;
    it(`${def.id}: a basin map and a sweep of two of its parameters`, () => {
      const exp: Experiment = { v: 1, problem: himmelblau, runs: [{ optimizer: def.id, params: {} }], stop: { maxSteps: 60, gradTol: 1e-3 }, seed: 1 };
      sameOnBothKernels(unwrap(buildBasinJob(exp, { resolution: 5, run: 0 }, { x: [-5, 5], y: [-5, 5] })));
      // the first two numeric parameters, each from 0.5 to 1.5 of its default (0.1 to 0.5 where it is 0)
      const [px, py] = sweepableParams(def.id).filter((p) => p !== 'gradNoise');
      const at = (param: string): number => (param.startsWith('beta') ? 0.9 : (resolveParams(def.id, {})[param] as number));
      const axis = (param: string) => ({ param, min: at(param) * 0.5 || 0.1, max: Math.min(at(param) * 1.5 || 0.5, param.startsWith('beta') ? 0.99 : Infinity), scale: 'linear' as const });
      if (py) sameOnBothKernels(unwrap(buildSweepJob(exp, { resolution: 4, run: 0, color: 'steps', x: axis(px), y: axis(py) }, [0, -1])));
    });
  }

  for (const c of RUN_RULE_CASES) {
    const s = c.surface;
    it(`the rule "${c.rule}" on a 3 x 3 basin map around its start`, () => {
      const stop = { maxSteps: s.maxSteps, gradTol: s.gradTol, ...(s.secondOrder ? { secondOrder: s.secondOrder } : {}), ...(s.maxEvals === undefined ? {} : { maxEvals: s.maxEvals }) };
      const exp: Experiment = { v: 1, problem: s.problem, runs: [s.run], stop, seed: RULE_SEED };
      const [sx, sy] = s.run.start;
      const job = unwrap(buildBasinJob(exp, { resolution: 3, run: 0 }, { x: [sx - 0.75, sx + 0.75], y: [sy - 0.75, sy + 0.75] }));
      if (!drawsNothing(job)) return; // noise: lockstep only (the choice is tested below)
      sameOnBothKernels(job);
    });
  }

  it('clipping and a schedule (the rates in a table per base rate), on a basin map and on a sweep of lr', () => {
    const exp: Experiment = {
      v: 1,
      problem: { kind: 'surface', expr: 'x^2 - y^2 + 0.1*sin(3*x) + 0.05*y^4', regularization: { l2: 0.1 } },
      runs: [{ optimizer: 'sgd', params: { lr: 0.1, momentum: 0.5 }, clip: 0.5, schedule: { kind: 'cosine', tMax: 20, etaMin: 0.001 } }],
      stop: { maxSteps: 80, gradTol: 1e-6 },
      seed: 1,
    };
    const job = unwrap(buildBasinJob(exp, { resolution: 5, run: 0 }, { x: [-2, 2], y: [-2, 2] }));
    expect(runsPixelOuter(job)).toBe(true);
    sameOnBothKernels(job);
    const axis = (param: string, min: number, max: number) => ({ param, min, max, scale: 'linear' as const });
    sameOnBothKernels(unwrap(buildSweepJob(exp, { resolution: 4, run: 0, color: 'steps', x: axis('lr', 0.05, 0.3), y: axis('momentum', 0, 0.9) }, [0.5, 0.5])));
  });

  it('pausing a start mid-run (a budget of one step per advance) changes nothing', () => {
    const exp: Experiment = { v: 1, problem: himmelblau, runs: [{ optimizer: 'lbfgs', params: {} }], stop: { maxSteps: 40, gradTol: 1e-9, maxEvals: 90 }, seed: 1 };
    const job = unwrap(buildBasinJob(exp, { resolution: 3, run: 0 }, { x: [-5, 5], y: [-5, 5] }));
    expect(mapOf(job, 'pixel-outer', 1)).toEqual(mapOf(job, 'pixel-outer', 1000));
  });
});

describe('the kernel a map runs on', () => {
  const basin = (optimizer: 'sgd' | 'adam' | 'noisySgd', gradNoise = 0) =>
    unwrap(buildBasinJob({ v: 1, problem: himmelblau, runs: [{ optimizer, params: {}, gradNoise }], stop: { maxSteps: 10, gradTol: 0 }, seed: 1 }, { resolution: 2, run: 0 }, { x: [-5, 5], y: [-5, 5] }));
  it('pixel-outer for a deterministic map, lockstep where something draws or a row-wide instance is faster', () => {
    expect(runsPixelOuter(basin('sgd'))).toBe(true);
    expect(runsPixelOuter(basin('sgd', 0.1))).toBe(false);
    expect(runsPixelOuter(basin('noisySgd'))).toBe(false);
    expect(runsPixelOuter(basin('adam'))).toBe(false);
    const sweep = unwrap(
      buildSweepJob(
        { v: 1, problem: himmelblau, runs: [{ optimizer: 'adam', params: {} }], stop: { maxSteps: 10, gradTol: 0 }, seed: 1 },
        { resolution: 2, run: 0, color: 'steps', x: { param: 'lr', min: 1e-3, max: 0.1, scale: 'log' }, y: { param: 'beta1', min: 0.5, max: 0.9, scale: 'linear' } },
        [0, -1],
      ),
    );
    expect(runsPixelOuter(sweep)).toBe(true);
  });
  it('a job that draws runs lockstep even when pixel-outer is asked for', () => {
    const job = basin('sgd', 0.1);
    expect(new JsBatchRunner(job, jobObjective(job), [0], { kernel: 'pixel-outer' }).kernel).toBe('lockstep');
  });
});
