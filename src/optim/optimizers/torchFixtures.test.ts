// The engine against torch.optim: every trajectory of fixtures/torch (scripts/gen_torch_fixtures.py,
// float64, torch's own optimizer classes and schedulers, NAdam as in 2.x) replayed through
// createEngine, point by point, to 1e-9 relative (|a - b| <= 1e-9 max(1, |b|), so that coordinates
// passing through 0 are compared absolutely).
//
// Some runs amplify rounding: an adaptive method chattering across a valley turns a difference in
// the last bit (torch's autograd vs the catalogue's closed-form gradient, 1.13's mul_/add_ vs
// 2.x's lerp_) into a visible one within tens of steps. The generator finds them by rerunning
// torch with a rounding error put into x after every step; where that twin parts from the run,
// it records the step ('horizon') and torch's gradients. Such runs are compared through the
// engine up to the horizon, and over every step with the optimizer alone fed torch's gradients,
// where nothing amplifies. L-BFGS's cases (scripts/gen_lbfgs_fixtures.py, torch.optim.LBFGS with
// max_iter = 1, early exits off) also record torch's func_evals per step, which the engine's
// evaluation count must equal, line searches included. (experiment-v1.md warns of centered RMSprop, which subtracts nearly
// equal numbers near a minimum; in these fixtures its runs agree to 1e-13 throughout, and the
// runs that part are RMSprop with alpha 0.9, Adadelta, NAdam and clipped Adam in narrow valleys.)
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { OPTIMIZER_SPECS, resolveParams } from './params';
import type { Experiment, OptimizerId, ParamValue, Schedule, SurfaceId } from '../../experiment/types';
import { createEngine } from '../engine';
import { runStream } from '../rng';
import { LrSchedule, scheduledLr } from '../schedule';
import { OPTIMIZERS } from './index';

interface Case {
  surface: SurfaceId;
  optimizer: OptimizerId;
  params: Record<string, ParamValue>;
  start: [number, number];
  steps: number;
  clip?: number;
  schedule?: Schedule;
  lrs?: number[];
  horizon?: number;
  grads?: number[];
  /** torch's func_evals of each step (LBFGS). */
  evals?: number[];
  points: number[];
}

const DIR = fileURLToPath(new URL('../../../fixtures/torch/', import.meta.url));
const load = (file: string) => JSON.parse(readFileSync(DIR + file, 'utf8'));
const trajectoryFiles = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'lr_schedules.json');
const cases: [string, Case][] = trajectoryFiles.flatMap((file) =>
  (load(file).cases as Case[]).map((c): [string, Case] => {
    const extras = [c.clip !== undefined ? `clip ${c.clip}` : '', c.schedule ? c.schedule.kind : ''].filter(Boolean).join(' ');
    return [`${c.optimizer} ${JSON.stringify(c.params)} on ${c.surface} ${extras}`.trim(), c];
  }),
);

const TOL = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(b));

/** The first index where the two interleaved trajectories part, or -1. */
function firstMismatch(got: ArrayLike<number>, want: number[], upTo: number): number {
  for (let i = 0; i < upTo; i++) if (!close(got[i], want[i])) return i;
  return -1;
}

function engineRun(c: Case) {
  const exp: Experiment = {
    v: 1,
    problem: { kind: 'surface', id: c.surface },
    runs: [{ optimizer: c.optimizer, params: c.params, start: c.start, clip: c.clip, schedule: c.schedule }],
    stop: { maxSteps: c.steps, gradTol: 0 },
    seed: 0,
  };
  const created = createEngine(exp);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.engine.advance(c.steps + 1)[0];
}

describe('engine trajectories match torch.optim', () => {
  test('fixtures are present', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  test.each(cases)('%s', (_name, c) => {
    const chunk = engineRun(c);
    expect(chunk.stop?.reason).toBe('maxSteps');
    expect(chunk.xy.length).toBe(c.points.length);
    const upTo = 2 * ((c.horizon ?? c.steps) + 1);
    const bad = firstMismatch(chunk.xy, c.points, upTo);
    expect(bad, bad < 0 ? '' : `x_${bad >> 1}: engine ${chunk.xy[bad]}, torch ${c.points[bad]}`).toBe(-1);
    // the engine's evaluations spent before each point: 0, then torch's running sum of func_evals
    if (c.evals) {
      let sum = 0;
      expect(Array.from(chunk.evals)).toEqual([0, ...c.evals.map((e) => (sum += e))]);
    }
  });

  const sensitive = cases.filter(([, c]) => c.grads);
  test.each(sensitive)('%s, the optimizer alone on torch gradients', (_name, c) => {
    const def = OPTIMIZERS[c.optimizer];
    const opt = def.create(resolveParams(c.optimizer, c.params), 2);
    const x = Float64Array.from(c.start);
    const g = new Float64Array(2);
    const lrs = new LrSchedule(c.params.lr as number, c.schedule);
    const ctx = { lr: 0, rng: runStream(0, 0) };
    const got = [x[0], x[1]];
    for (let t = 0; t < c.steps; t++) {
      g[0] = c.grads![2 * t];
      g[1] = c.grads![2 * t + 1];
      ctx.lr = lrs.at(t);
      opt.step(x, g, ctx);
      got.push(x[0], x[1]);
    }
    const bad = firstMismatch(got, c.points, c.points.length);
    expect(bad, bad < 0 ? '' : `x_${bad >> 1}: ours ${got[bad]}, torch ${c.points[bad]}`).toBe(-1);
  });
});

describe('fixtures cover every torch optimizer and every parameter', () => {
  const torchIds = (Object.keys(OPTIMIZERS) as OptimizerId[]).filter((id) => OPTIMIZERS[id].torch !== null);
  test.each(torchIds)('%s', (id) => {
    const mine = cases.map(([, c]) => c).filter((c) => c.optimizer === id);
    expect(new Set(mine.map((c) => c.surface)).size).toBeGreaterThanOrEqual(3);
    for (const [name, spec] of Object.entries(OPTIMIZER_SPECS[id].params)) {
      const varied = mine.some((c) => name in c.params && JSON.stringify(c.params[name]) !== JSON.stringify(spec.default));
      expect(varied, `${id}.${name} is never set to a non-default value`).toBe(true);
    }
  });
});

describe('learning-rate schedules match torch.optim.lr_scheduler', () => {
  // StepLR, ExponentialLR and LambdaLR are products and quotients of the same doubles in Python
  // and here, so they must agree to the bit; any other formula (a closed form gamma ** t, or
  // base / (1 + decay t) for LambdaLR's base * (1 / (1 + decay t))) shows. CosineAnnealingLR calls
  // cos, whose last bit differs between V8 and glibc, and its recursion divides by 1 + cos near
  // zero; torch's recursion stays within 3e-15 of ours, where the closed form parts by 2e-13.
  const docs = load('lr_schedules.json').cases as { schedule: Schedule; base: number; lrs: number[] }[];
  test.each(docs.map((d): [string, (typeof docs)[number]] => [JSON.stringify(d.schedule), d]))('%s', (_name, d) => {
    const tol = d.schedule.kind === 'cosine' ? 1e-13 : 0;
    const s = new LrSchedule(d.base, d.schedule);
    d.lrs.forEach((want, t) => {
      const got = s.at(t);
      expect(Math.abs(got - want) <= tol * Math.abs(want), `t = ${t}: ${got} vs torch ${want}`).toBe(true);
      // the cached pure form gives the same numbers
      expect(scheduledLr(d.base, d.schedule, t)).toBe(got);
    });
    // out of order: a replay from t = 0
    expect(scheduledLr(d.base, d.schedule, 3)).toBe(new LrSchedule(d.base, d.schedule).at(3));
  });
});
