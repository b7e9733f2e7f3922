// One table of the run rules (runRules.testdata.ts) through every engine that runs in Node: the
// scalar engine (createEngine), the batched JS engine as a basin map (one optimizer instance for
// a row of starts) and as a sweep (one instance per pixel), and the network engine. Each row
// names a rule, a run that exercises it and the stop every engine must report. The fused WebGL
// engine runs the float32 rows in Chromium (bench/browser/agreement.spec.ts).
import { describe, expect, it } from 'vitest';
import { resolveParams } from './optimizers/params';
import type { Experiment, StopReason } from '../experiment/types';
import { jobObjective } from '../batch/batchObjective';
import { type BatchJob, buildBasinJob, buildSweepJob, pixelSetting, pixelStart } from '../batch/batchJob';
import { JsBatchRunner } from '../batch/jsBatch';
import { collectNetworkResults, createNetworkEngine } from '../nets/engine';
import { NetRun } from '../nets/netRun';
import { collectResults, createEngine } from './engine';
import { OPTIMIZERS } from './optimizers';
import { runStream } from './rng';
import { STOP_REASONS } from './runRules';
import { type NetworkRuleCase, RULE_SEED, RUN_RULE_CASES, type SurfaceRuleCase, VECTOR_RULE_CASES, type VectorRuleCase } from './runRules.testdata';

interface Outcome {
  reason: StopReason;
  steps: number;
  /** Points recorded (the engines that record points). */
  points?: number;
}

function experiment(c: SurfaceRuleCase | NetworkRuleCase | VectorRuleCase): Experiment {
  const rule = c as Partial<SurfaceRuleCase>;
  const stop = { maxSteps: c.maxSteps, gradTol: c.gradTol, ...(rule.secondOrder ? { secondOrder: rule.secondOrder } : {}), ...(rule.maxEvals === undefined ? {} : { maxEvals: rule.maxEvals }) };
  return { v: 1, problem: c.problem, runs: [c.run], stop, seed: RULE_SEED };
}

function scalarEngine(c: SurfaceRuleCase): Outcome {
  const exp = experiment(c);
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const [r] = collectResults(exp, built.engine, 7);
  // points hold x_0 .. x_T
  expect(r.f.length).toBe(r.points.length);
  return { reason: r.stop.reason, steps: r.stop.step, points: r.points.length };
}

/** The d-dimensional engine (createEngine on a function problem): every point holds all d coordinates. */
function vectorEngine(c: VectorRuleCase): Outcome {
  const exp = experiment(c);
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const [r] = collectResults(exp, built.engine, 7);
  expect(r.f.length).toBe(r.points.length);
  expect(r.evals.length).toBe(r.points.length);
  expect(r.points.every((p) => p.length === c.problem.dim)).toBe(true);
  // x_0 is the start (a start that is not finite records no point, as on the other engines)
  if (r.points.length) expect(r.points[0]).toEqual(c.run.start);
  return { reason: r.stop.reason, steps: r.stop.step, points: r.points.length };
}

/** The centre pixel (1, 1) of a 3 x 3 job, which starts at the case's start with its settings. */
function centrePixel(job: BatchJob, c: SurfaceRuleCase): Outcome {
  expect(pixelStart(job, 1, 1)).toEqual(c.run.start);
  const runner = new JsBatchRunner(job, jobObjective(job), [0, 1, 2]);
  while (runner.active > 0) runner.advance(7);
  const k = 3 + 1;
  return { reason: STOP_REASONS[runner.outcome.reason[k]]!, steps: runner.outcome.steps[k] };
}

function unwrap(r: ReturnType<typeof buildBasinJob>): BatchJob {
  if (!r.ok) throw new Error(r.message);
  return r.job;
}

function batchedBasin(c: SurfaceRuleCase): Outcome {
  const [sx, sy] = c.run.start;
  // pixel centres at start + (-1, 0, 1) * 0.5: the middle one exactly at the start
  const view = { x: [sx - 0.75, sx + 0.75] as [number, number], y: [sy - 0.75, sy + 0.75] as [number, number] };
  return centrePixel(unwrap(buildBasinJob(experiment(c), { resolution: 3, run: 0 }, view)), c);
}

function batchedSweep(c: SurfaceRuleCase): Outcome {
  // sgd: momentum and dampening in [-0.25, 0.25], so the middle cell has both 0, plain gradient
  // descent; others: lr in [3/4, 5/4] lr and gradNoise in [-0.25, 0.25], so the middle cell has
  // the row's own lr (exactly, for a power of 2) and no noise
  const axis = (param: string, centre = 0, half = 0.25) => ({ param, min: centre - half, max: centre + half, scale: 'linear' as const });
  const lr = c.run.params?.lr as number;
  const [x, y] = c.run.optimizer === 'sgd' ? [axis('momentum'), axis('dampening')] : [axis('lr', lr, lr / 4), axis('gradNoise')];
  const job = unwrap(buildSweepJob(experiment(c), { resolution: 3, run: 0, color: 'steps', x, y }, c.run.start));
  const centre = pixelSetting(job, 1, 1);
  if (c.run.optimizer === 'sgd') expect(centre.params).toMatchObject({ momentum: 0, dampening: 0 });
  else expect([centre.params.lr, centre.gradNoise]).toEqual([lr, 0]);
  return centrePixel(job, c);
}

function networkEngine(c: NetworkRuleCase): Outcome {
  const exp = experiment(c);
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const engine = built.engine;
  if (!c.init) {
    const [r] = collectNetworkResults(exp, engine, 7);
    return { reason: r.stop.reason, steps: r.stop.step, points: r.f.length };
  }
  // a NetRun of the engine's objective from the case's own initial weights
  const run = new NetRun({
    index: 0,
    run: c.run,
    objective: engine.objective,
    def: OPTIMIZERS[c.run.optimizer]!,
    params: resolveParams(c.run.optimizer, c.run.params),
    init: new Float64Array(engine.objective.dim).fill(c.init === 'zeros' ? 0 : NaN),
    maxSteps: c.maxSteps,
    gradTol: c.gradTol,
    maxEvals: c.maxEvals,
    batchSize: c.problem.batchSize,
    seed: RULE_SEED,
    rng: runStream(RULE_SEED, 0),
    ...(c.secondOrder ? { secondOrder: c.secondOrder } : {}),
  });
  let recorded = 0;
  while (!run.done) recorded += run.advance(7).f.length;
  return { reason: run.stop!.reason, steps: run.stop!.step, points: recorded };
}

const SURFACE_ENGINES: [string, (c: SurfaceRuleCase) => Outcome][] = [
  ['scalar engine', scalarEngine],
  ['batched JS, basin map', batchedBasin],
  ['batched JS, sweep', batchedSweep],
];

describe('the run rules, one table through every engine', () => {
  for (const c of RUN_RULE_CASES) {
    describe(c.rule, () => {
      // x_0 .. x_T, T = steps, unless the row says otherwise
      const { reason, steps } = c.expect;
      const points = c.points ?? steps + 1;
      for (const [name, run] of SURFACE_ENGINES) {
        it(name, () => {
          const out = run(c.surface);
          expect(out).toEqual(out.points === undefined ? { reason, steps } : { reason, steps, points });
        });
      }
      if (c.network) {
        const n = c.network;
        it('network engine', () => expect(networkEngine(n)).toEqual({ reason, steps, points }));
      }
      const v = VECTOR_RULE_CASES.get(c.rule);
      if (v) it('d-dimensional engine (function problem)', () => expect(vectorEngine(v)).toEqual({ reason, steps, points }));
    });
  }

  it('the table covers every stop reason on every engine', () => {
    const reasons = new Set(RUN_RULE_CASES.map((c) => c.expect.reason));
    const netReasons = new Set(RUN_RULE_CASES.filter((c) => c.network).map((c) => c.expect.reason));
    expect([...reasons].sort()).toEqual(['diverged', 'gradTol', 'maxEvals', 'maxSteps']);
    expect([...netReasons].sort()).toEqual(['diverged', 'gradTol', 'maxEvals', 'maxSteps']);
    const vectorReasons = new Set(RUN_RULE_CASES.filter((c) => VECTOR_RULE_CASES.get(c.rule)).map((c) => c.expect.reason));
    expect([...vectorReasons].sort()).toEqual(['diverged', 'gradTol', 'maxEvals', 'maxSteps']);
  });

  it('every rule says how the d-dimensional engine shows it (a case, or null where no function can)', () => {
    expect(RUN_RULE_CASES.filter((c) => !VECTOR_RULE_CASES.has(c.rule)).map((c) => c.rule)).toEqual([]);
    expect([...VECTOR_RULE_CASES.keys()].filter((rule) => !RUN_RULE_CASES.some((c) => c.rule === rule))).toEqual([]);
  });
});
