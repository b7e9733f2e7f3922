// lbfgs, bfgs and cg through the engine (torch: null for bfgs and cg, so their tests are here;
// lbfgs's torch trajectories replay in torchFixtures.test.ts): quadratic termination on the
// catalogue's quadratics from their catalogue starts, the evaluations each step spends, the
// verdict's notes, the refusals (noise, clipping, minibatches) and the batched engine.
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../experiment/parse';
import type { Experiment, Run, SurfaceId } from '../../experiment/types';
import { jobObjective } from '../../batch/batchObjective';
import { buildBasinJob } from '../../batch/batchJob';
import { glslSupports } from '../../batch/glsl/stepShader';
import { JsBatchRunner } from '../../batch/jsBatch';
import { createNetworkEngine } from '../../nets/engine';
import { collectResults, createEngine } from '../engine';
import { STOP_REASONS } from '../runRules';
import { describeStop } from '../verdict';

const surface = (id: SurfaceId, runs: Run[], stop: Experiment['stop'] = { maxSteps: 3, gradTol: 0 }): Experiment => ({ v: 1, problem: { kind: 'surface', id }, runs, stop, seed: 0 });

function run(exp: Experiment) {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectResults(exp, built.engine);
}

describe('quadratic termination through the engine, from the catalogue starts', () => {
  // Booth and Matyas are quadratics in 2 variables: with exact line searches CG and BFGS end in
  // 2 steps (N&W 5.1, 6.1). The strong-Wolfe search is exact on a quadratic whenever it
  // interpolates (a cubic through two points of a quadratic is the quadratic).
  const cases: [string, Run][] = [
    ['cg (polakRibierePlus, c2 = 0.1: its defaults)', { optimizer: 'cg' }],
    ['cg fletcherReeves', { optimizer: 'cg', params: { beta: 'fletcherReeves' } }],
    ['cg hestenesStiefel', { optimizer: 'cg', params: { beta: 'hestenesStiefel' } }],
    // bfgs's default c2 is 0.9 (the usual choice for quasi-Newton); c2 = 0.1 makes the search
    // interpolate on its first step from Matyas's start (see below)
    ['bfgs with c2 = 0.1', { optimizer: 'bfgs', params: { c2: 0.1 } }],
  ];
  for (const id of ['booth', 'matyas'] as const) {
    it.each(cases)(`${id}: %s reaches ||grad f|| <= 1e-8 within 3 steps`, (_name, r) => {
      const [result] = run(surface(id, [r]));
      expect(result.gradNorm[0]).toBeGreaterThan(1);
      expect(Math.min(...result.gradNorm.slice(0, 4))).toBeLessThanOrEqual(1e-8);
    });
  }

  it("bfgs with its default c2 = 0.9: booth within 3 steps; on matyas it accepts the first trial step, so not (measured: 9 steps)", () => {
    expect(Math.min(...run(surface('booth', [{ optimizer: 'bfgs' }]))[0].gradNorm)).toBeLessThanOrEqual(1e-8);
    const matyas = run(surface('matyas', [{ optimizer: 'bfgs' }], { maxSteps: 20, gradTol: 1e-8 }))[0];
    expect(matyas.stop.reason).toBe('gradTol');
    expect(matyas.stop.step).toBeGreaterThan(3);
  });
});

describe('evaluations', () => {
  it('a first-order run spends one a step; a line search at least two (x, then its trials)', () => {
    const [sgd, bfgs, lbfgsFixed] = run(surface('rosenbrock', [{ optimizer: 'sgd' }, { optimizer: 'bfgs' }, { optimizer: 'lbfgs' }], { maxSteps: 30, gradTol: 1e-6 }));
    expect(sgd.evals).toEqual(sgd.f.map((_, t) => t));
    expect(bfgs.evals[0]).toBe(0);
    for (let t = 1; t < bfgs.evals.length; t++) expect(bfgs.evals[t] - bfgs.evals[t - 1]).toBeGreaterThanOrEqual(2);
    // lbfgs without a line search evaluates only at x: one a step
    expect(lbfgsFixed.evals).toEqual(lbfgsFixed.f.map((_, t) => t));
  });

  it('stop.maxEvals stops the race on evaluations, each run at its own step', () => {
    const [sgd, bfgs] = run(surface('himmelblau', [{ optimizer: 'sgd', params: { lr: 0.01 } }, { optimizer: 'bfgs' }], { maxSteps: 1000, gradTol: 0, maxEvals: 12 }));
    expect(sgd.stop).toMatchObject({ reason: 'maxEvals', step: 12 });
    expect(bfgs.stop.reason).toBe('maxEvals');
    expect(bfgs.stop.step).toBeLessThan(12);
    expect(bfgs.evals.at(-1)).toBeGreaterThanOrEqual(12);
    expect(describeStop(bfgs.stop, 0, bfgs.gradNorm.at(-1)!)).toMatch(/^the evaluation budget \(maxEvals\) was spent at step \d+/);
  });
});

describe("the verdict states what the method noticed", () => {
  it("bfgs past convergence (gradTol 0): skipped updates where y's <= 0 are in the stop's notes and the sentence", () => {
    const [r] = run(surface('booth', [{ optimizer: 'bfgs' }], { maxSteps: 40, gradTol: 0 }));
    expect(r.stop.notes?.some((n) => /^BFGS skipped its inverse-Hessian update at \d+ steps? where y's <= 0/.test(n))).toBe(true);
    expect(describeStop(r.stop, 0, r.gradNorm.at(-1)!)).toContain("BFGS skipped its inverse-Hessian update");
  });

  it('a run that notices nothing has no notes (and its JSON no key)', () => {
    const [sgd, bfgs] = run(surface('booth', [{ optimizer: 'sgd', params: { lr: 0.01 } }, { optimizer: 'bfgs' }], { maxSteps: 3, gradTol: 0 }));
    expect('notes' in sgd.stop).toBe(false);
    expect('notes' in bfgs.stop).toBe(false);
  });
});

describe('refused where the comparisons of f would be between different functions', () => {
  it.each([
    [{ optimizer: 'lbfgs', gradNoise: 0.1 }, 'runs[0].gradNoise'],
    [{ optimizer: 'bfgs', clip: 1 }, 'runs[0].clip'],
    [{ optimizer: 'cg', gradNoise: 0.5, clip: 2 }, 'runs[0].gradNoise'],
  ] as [Run, string][])('%o: the schema and the engine name %s', (r, path) => {
    const exp = surface('booth', [r]);
    const parsed = parseExperiment(exp);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0].path).toBe(path);
    const built = createEngine(exp);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors[0].path).toBe(path);
  });

  it('gradient noise 0 is no noise: accepted', () => {
    expect(parseExperiment(surface('booth', [{ optimizer: 'bfgs', gradNoise: 0 }])).ok).toBe(true);
  });

  it('a minibatch with a line-search run: problem.batchSize, named with the run', () => {
    const exp: Experiment = {
      v: 1,
      problem: { kind: 'network', dataset: 'moons', samples: 60, noise: 0.1, hidden: [3], activation: 'tanh', batchSize: 16 },
      runs: [{ optimizer: 'sgd' }, { optimizer: 'cg' }],
      stop: { maxSteps: 5, gradTol: 0 },
      seed: 0,
    };
    const parsed = parseExperiment(exp);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors[0].path).toBe('problem.batchSize');
      expect(parsed.errors[0].message).toMatch(/^must be 0 \(the full batch\) with cg in runs\[1\]/);
    }
    expect(createNetworkEngine(exp).ok).toBe(false);
    // the full batch runs, and counts its evaluations
    const full = { ...exp, problem: { ...exp.problem, batchSize: 0 } } as Experiment;
    const built = createNetworkEngine(full);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const chunks = built.engine.advance(10);
    expect(Array.from(chunks[0].evals)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(chunks[1].evals[5]).toBeGreaterThanOrEqual(10);
  });
});

describe('maps: the batched JS engine, never the fused WebGL path', () => {
  it('a basin pixel of bfgs ends where the scalar engine ends, with the same steps', () => {
    const exp = surface('himmelblau', [{ optimizer: 'bfgs' }], { maxSteps: 200, gradTol: 1e-8 });
    const built = buildBasinJob(exp, { resolution: 3, run: 0 }, { x: [-4, 2], y: [-3, 3] });
    if (!built.ok) throw new Error(built.message);
    expect(glslSupports(built.job)).toBe(false);
    const runner = new JsBatchRunner(built.job, jobObjective(built.job), [0, 1, 2]);
    while (runner.active > 0) runner.advance(16);
    // pixel (i, j) starts at the centre of its cell: x = -4 + (i + 0.5) * 2, y = 3 - (j + 0.5) * 2
    for (let k = 0; k < 9; k++) {
      const [i, j] = [k % 3, Math.floor(k / 3)];
      const [r] = run(surface('himmelblau', [{ optimizer: 'bfgs', start: [-4 + (i + 0.5) * 2, 3 - (j + 0.5) * 2] }], { maxSteps: 200, gradTol: 1e-8 }));
      const end = r.points.at(-1)!;
      expect([runner.outcome.endX[k], runner.outcome.endY[k]]).toEqual(end);
      expect(runner.outcome.steps[k]).toBe(r.stop.step);
      expect(STOP_REASONS[runner.outcome.reason[k]]).toBe(r.stop.reason);
    }
  });

  it('a first-order job with maxEvals goes to JS too (the shader counts steps only)', () => {
    const built = buildBasinJob(surface('himmelblau', [{ optimizer: 'sgd' }], { maxSteps: 10, gradTol: 0, maxEvals: 5 }), { resolution: 2, run: 0 }, { x: [-1, 1], y: [-1, 1] });
    if (!built.ok) throw new Error(built.message);
    expect(glslSupports(built.job)).toBe(false);
    expect(glslSupports({ ...built.job, maxEvals: undefined })).toBe(true);
  });
});
