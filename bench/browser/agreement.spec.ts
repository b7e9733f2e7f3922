// The fused WebGL engine (float32 GLSL) against the JS batched engine, which the unit tests
// prove bit-identical to the scalar engine (src/batch/jsBatch.test.ts). Runs in Chromium on
// SwiftShader. Paths: the points after 10, 50 and 200 steps agree within float32 tolerance for
// every start. Maps: the same starts end in the same class for >= 99.9% of pixels. The run
// rules: every float32 row of the rules' table (src/optim/runRules.testdata.ts) ends with the
// table's stop on both engines. Also the fallback on a lost WebGL context, and cancellation.
import { expect, type Page, test } from '@playwright/test';
import type { Experiment, OptimizerId, ParamValue, Run } from '../../src/experiment/types';
import type { SweepAxis } from '../../src/batch/batchSettings';
import { STOP_REASONS } from '../../src/optim/runRules';
import { RULE_SEED, RUN_RULE_CASES } from '../../src/optim/runRules.testdata';
import type { Harness, PlainOutcome } from './harness/harnessApi';

type Win = Window & { __batchHarness: Harness };
const DIVERGED = 3;
const VIEW = { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] };

function experiment(run: Run, problem: Experiment['problem'] = { kind: 'surface', id: 'himmelblau' }, maxSteps = 200, gradTol = 0): Experiment {
  return { v: 1, problem, runs: [run], stop: { maxSteps, gradTol }, seed: 3 };
}

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as Win).__batchHarness !== undefined);
  const gpu = await page.evaluate(() => (window as unknown as Win).__batchHarness.gpu());
  expect(gpu.webgl, `WebGL2 with float render targets: ${gpu.reason}`).toBe(true);
}

/** Runs an experiment's basin grid on both engines; returns both outcomes and the GPU path used. */
function both(page: Page, exp: Experiment, resolution: number, view = VIEW) {
  return page.evaluate(
    async ([exp, resolution, view]) => {
      const h = (window as unknown as Win).__batchHarness;
      const job = h.basinJob(exp, resolution, view);
      const gpu = await h.run(job, 'webgl');
      const js = await h.run(job, 'js');
      return { path: gpu.report.path, notice: gpu.report.notice, gpu: gpu.outcome, js: js.outcome };
    },
    [exp, resolution, view] as const,
  );
}

/** |gpu - js| of every start, relative to max(1, |js|), sorted ascending. */
function gaps(gpu: PlainOutcome, js: PlainOutcome): number[] {
  const out = js.endX.map((_, k) =>
    Math.max(
      Math.abs(gpu.endX[k] - js.endX[k]) / Math.max(1, Math.abs(js.endX[k])),
      Math.abs(gpu.endY[k] - js.endY[k]) / Math.max(1, Math.abs(js.endY[k])),
    ),
  );
  return out.sort((a, b) => a - b);
}

/**
 * Float32 tolerance of a 200-step path: rounding of ~1e-7 per operation, amplified a little by
 * the dynamics. Methods that normalize each coordinate (RMSprop, Adadelta, NAdam, ...) take a
 * step of about lr * sign(g_i) whatever |g_i| is, so a start where one gradient coordinate is
 * nearly 0 (it sits next to a minimum's x or y) turns float32's error in g_i into an O(lr) change
 * of direction: a few such starts per grid are ill-conditioned, not wrong. Hence: 98% of the
 * starts within PATH_TOL, every start within COARSE_TOL (a wrong formula moves most starts
 * far beyond both: the bug this caught, RAdam's rho_t > 5 switch one step early, moved all
 * 256 by 0.1 to 0.3).
 */
const PATH_TOL = 2e-4;
const COARSE_TOL = 1e-2;

function expectPathsAgree(gpu: PlainOutcome, js: PlainOutcome, what: string): void {
  const g = gaps(gpu, js);
  expect(g[Math.floor(0.98 * (g.length - 1))], `${what}: 98th percentile of the gaps`).toBeLessThanOrEqual(PATH_TOL);
  expect(g[g.length - 1], `${what}: largest gap`).toBeLessThanOrEqual(COARSE_TOL);
}

/** optimizer, parameters, other run settings, gradTol (0 when absent). */
const PATH_CASES: [OptimizerId, Record<string, ParamValue>, Partial<Run>?, number?][] = [
  ['sgd', { lr: 0.005 }],
  ['sgd', { lr: 0.002, momentum: 0.9, nesterov: true }],
  ['sgd', { lr: 0.003, momentum: 0.5, dampening: 0.1, weightDecay: 0.01 }],
  ['adam', { lr: 0.05 }],
  ['adam', { lr: 0.05, amsgrad: true, weightDecay: 0.01 }],
  ['adamw', { lr: 0.05, weightDecay: 0.1 }],
  ['adamax', { lr: 0.05 }],
  ['nadam', { lr: 0.01 }],
  ['radam', { lr: 0.005 }],
  ['rmsprop', { lr: 0.001 }],
  ['rmsprop', { lr: 0.002, centered: true, momentum: 0.5 }],
  ['adagrad', { lr: 0.5, lrDecay: 0.01, initialAccumulatorValue: 0.1 }],
  ['adadelta', { lr: 0.3 }],
  // Perturbed GD perturbs where ||g|| <= gThreshold, with random kicks that no two engines share:
  // with gThreshold 0 only at an exactly 0 gradient, which a float32 one can be at a minimum. The
  // gradTol stop, tested first, ends the run before that, so the path is checkable.
  ['pgd', { lr: 0.005, gThreshold: 0 }, {}, 1e-4],
  ['sgd', { lr: 0.005 }, { clip: 20, schedule: { kind: 'cosine', tMax: 60, etaMin: 0.001 } }],
  ['adam', { lr: 0.05 }, { schedule: { kind: 'step', stepSize: 30, gamma: 0.5 } }],
];

test.describe('fused WebGL agrees with the scalar engine', () => {
  test.beforeEach(async ({ page }) => open(page));

  for (const [optimizer, params, extra, gradTol = 0] of PATH_CASES) {
    test(`paths: ${optimizer} ${JSON.stringify({ ...params, ...extra })}`, async ({ page }) => {
      for (const steps of [10, 50, 200]) {
        const r = await both(page, experiment({ optimizer, params, ...extra }, undefined, steps, gradTol), 16);
        expect(r.path, r.notice ?? '').toBe('webgl');
        // Same divergences. (With gradTol = 0 neither engine stops where a gradient is exactly 0,
        // as a float32 one can be at a minimum: gradTol 0 disables the test, src/optim/runRules.ts.)
        expect(r.gpu.reason.map((c) => c === DIVERGED)).toEqual(r.js.reason.map((c) => c === DIVERGED));
        expectPathsAgree(r.gpu, r.js, `after ${steps} steps`);
      }
    });
  }

  // Typed expressions: every function of the allow-list, constant and variable powers, regularization.
  // (min and max select one branch over the whole view here: across a kink a path's side is
  // decided by rounding, and the paths part for good, which is not what this test measures.)
  for (const expr of [
    'x^2 - y^2 + 0.1*sin(3*x) + 0.05*y^4 + exp(-x^2)*cos(y) + abs(x)^1.5 + tanh(x*y)',
    'max(x^2, -1) + min(y^2 + 1, 10)/4 + log(1 + x^2) + sqrt(1 + y^2) + atan(x*y) + sinh(x/3) + cosh(y/3)',
    '(1 + x^2)^(0.5 + 0.1*y) + asin(x/4) + acos(y/4) + tan(0.2*x) + 1/(2 + y^2) + x^-2/100',
  ]) {
    test(`paths: the typed expression ${expr}, regularized`, async ({ page }) => {
      const problem = { kind: 'surface' as const, expr, regularization: { l1: 0.01, l2: 0.1 } };
      const r = await both(page, experiment({ optimizer: 'adam', params: { lr: 0.02 } }, problem), 16, { x: [-2, 2], y: [-2, 2] });
      expect(r.path, r.notice ?? '').toBe('webgl');
      expectPathsAgree(r.gpu, r.js, 'after 200 steps');
    });
  }

  const SWEEPS: [OptimizerId, SweepAxis, SweepAxis][] = [
    ['sgd', { param: 'lr', min: 1e-4, max: 3e-3, scale: 'log' }, { param: 'momentum', min: 0.1, max: 0.95, scale: 'log1m' }],
    // beta2 varies per cell: the bias corrections are computed in the shader, in float32
    ['adam', { param: 'lr', min: 1e-3, max: 0.05, scale: 'log' }, { param: 'beta2', min: 0.9, max: 0.9999, scale: 'log1m' }],
    ['radam', { param: 'beta1', min: 0.5, max: 0.95, scale: 'linear' }, { param: 'beta2', min: 0.99, max: 0.9999, scale: 'log1m' }],
    // NAdam's momentum products depend on both axes: the one case computed in float32 in the shader
    ['nadam', { param: 'beta1', min: 0.5, max: 0.95, scale: 'linear' }, { param: 'momentumDecay', min: 1e-3, max: 0.1, scale: 'log' }],
  ];
  for (const [optimizer, x, y] of SWEEPS) {
    test(`paths: a sweep of ${optimizer}, ${x.param} x ${y.param} (each cell its own setting)`, async ({ page }) => {
      const r = await page.evaluate(
        async ([optimizer, x, y]) => {
          const h = (window as unknown as Win).__batchHarness;
          const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer, params: { lr: 0.005 } }], stop: { maxSteps: 200, gradTol: 0 }, seed: 0 };
          const job = h.sweepJob(exp, { resolution: 12, run: 0, color: 'steps', x, y }, [0, -1]);
          const gpu = await h.run(job, 'webgl');
          const js = await h.run(job, 'js');
          return { path: gpu.report.path, gpu: gpu.outcome, js: js.outcome };
        },
        [optimizer, x, y] as const,
      );
      expect(r.path).toBe('webgl');
      expectPathsAgree(r.gpu, r.js, 'after 200 steps');
    });
  }

  // Noise cannot agree path by path (each engine has its own streams), but its size can: noisy
  // gradient descent on x^2 + y^2, x <- (1 - 2 lr) x - lr sigma N(0, 1), settles to variance
  // lr^2 sigma^2 / (1 - (1 - 2 lr)^2) per coordinate. 4096 independent starts estimate it to ~2%.
  for (const [name, run] of [
    ['noisySgd', { optimizer: 'noisySgd', params: { lr: 0.05, sigma: 1 } }],
    ['gradNoise on sgd', { optimizer: 'sgd', params: { lr: 0.05 }, gradNoise: 1 }],
  ] as [string, Run][]) {
    test(`noise: ${name} has the stationary variance of the theory on both engines`, async ({ page }) => {
      const exp = experiment(run, { kind: 'surface', expr: 'x^2 + y^2' }, 400);
      const r = await both(page, exp, 64, { x: [-1, 1], y: [-1, 1] });
      expect(r.path).toBe('webgl');
      const lr = 0.05;
      const theory = (lr * lr) / (1 - (1 - 2 * lr) ** 2);
      for (const o of [r.gpu, r.js]) {
        const values = [...o.endX, ...o.endY];
        const variance = values.reduce((s, v) => s + v * v, 0) / values.length;
        expect(Math.abs(variance / theory - 1)).toBeLessThan(0.08);
      }
    });
  }

  // The rules' table: a 3 x 3 basin map whose centre pixel starts at the row's start.
  for (const c of RUN_RULE_CASES.filter((row) => row.float32)) {
    test(`run rules: ${c.rule}`, async ({ page }) => {
      const { problem, run, maxSteps, gradTol } = c.surface;
      const [sx, sy] = run.start;
      const exp: Experiment = { v: 1, problem, runs: [run], stop: { maxSteps, gradTol }, seed: RULE_SEED };
      const r = await both(page, exp, 3, { x: [sx - 0.75, sx + 0.75], y: [sy - 0.75, sy + 0.75] });
      expect(r.path, r.notice ?? '').toBe('webgl');
      const centre = 4;
      for (const [engine, o] of [['webgl', r.gpu], ['js', r.js]] as const) {
        expect({ reason: STOP_REASONS[o.reason[centre]], steps: o.steps[centre] }, engine).toEqual(c.expect);
      }
    });
  }

  const MAP_CASES: [string, Experiment, typeof VIEW][] = [
    ['gradient descent on Himmelblau', experiment({ optimizer: 'sgd', params: { lr: 0.01 } }, undefined, 2000, 1e-4), VIEW],
    ['Adam on Himmelblau', experiment({ optimizer: 'adam', params: { lr: 0.05 } }, undefined, 2000, 1e-4), VIEW],
    ['momentum on the double well', experiment({ optimizer: 'sgd', params: { lr: 0.05, momentum: 0.9 } }, { kind: 'surface', id: 'doubleWell' }, 2000, 1e-4), { x: [-2, 2], y: [-2, 2] }],
    ['Adam on Rastrigin', experiment({ optimizer: 'adam', params: { lr: 0.02 } }, { kind: 'surface', id: 'rastrigin' }, 1000, 1e-3), { x: [-3, 3], y: [-3, 3] }],
  ];
  for (const [name, exp, view] of MAP_CASES) {
    test(`maps: ${name}, 128 x 128 starts end in the same class for >= 99.9%`, async ({ page }) => {
      const r = await page.evaluate(
        async ([exp, view]) => {
          const h = (window as unknown as Win).__batchHarness;
          const job = h.basinJob(exp, 128, view);
          const gpu = await h.classes(job, 'webgl');
          const js = await h.classes(job, 'js');
          const same = gpu.classOf.filter((c, k) => c === js.classOf[k]).length;
          return { path: gpu.report.path, same, n: js.classOf.length, classes: new Set(js.classOf).size };
        },
        [exp, view] as const,
      );
      expect(r.path).toBe('webgl');
      expect(r.classes).toBeGreaterThan(1);
      expect(r.same / r.n).toBeGreaterThanOrEqual(0.999);
    });
  }
});

test.describe('robustness', () => {
  test.beforeEach(async ({ page }) => open(page));

  test('a lost WebGL context mid-run: the map is finished on JS, with a notice, and equals the JS map', async ({ page }) => {
    const r = await page.evaluate(async () => {
      const h = (window as unknown as Win).__batchHarness;
      const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer: 'adam', params: { lr: 0.05 } }], stop: { maxSteps: 3000, gradTol: 0 }, seed: 0 };
      const job = h.basinJob(exp, 96, { x: [-5, 5], y: [-5, 5] });
      const lost = await h.loseContextDuring(job, 300);
      const js = await h.run(job, 'js');
      const after = await h.gpu();
      return { lost, js: js.outcome, after };
    });
    expect(r.lost.lost).toBe(true);
    expect(r.lost.report.path).toBe('js');
    expect(r.lost.report.notice).toContain('context was lost');
    expect(r.lost.outcome.endX).toEqual(r.js.endX);
    expect(r.after.webgl).toBe(false);
  });

  for (const path of ['webgl', 'js'] as const) {
    test(`cancel stops a long ${path} run within half a second`, async ({ page }) => {
      const r = await page.evaluate(async (path) => {
        const h = (window as unknown as Win).__batchHarness;
        const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer: 'adam', params: { lr: 0.05 } }], stop: { maxSteps: 100000, gradTol: 0 }, seed: 0 };
        return h.cancelAfter(h.basinJob(exp, 256, { x: [-5, 5], y: [-5, 5] }), path, 400);
      }, path);
      expect(r.ended).toBe('AbortError');
      expect(r.ms).toBeLessThan(500);
    });
  }
});
