// Function problems through the CLI's engine (createEngine): the "done when".
// - strictSaddle, d = 100, k = 3, from its default start (on the saddle's stable manifold), lr
//   0.05, gradTol 1e-6: GD stops at the saddle (gradTol, kind saddle, index k); perturbed GD
//   reaches a minimum for 20 seeds.
// - saddleChain: GD's time to escape the chain's last saddle grows faster with d than perturbed
//   GD's (d = 2, 3, 4).
// - matrixFactorization: every first-order optimizer (L-BFGS, BFGS, CG included) from random starts ends at a global minimum
//   (f < 1e-8) or is still moving; none stops at a spurious local minimum.
import { describe, expect, it } from 'vitest';
import type { Experiment, FunctionProblem, Run, RunResult } from '../experiment/types';
import { collectResults, createEngine } from './engine';
import { censoredQuartiles, escapeStep, escapeVsDim } from './escape';

const median = (xs: number[]) => censoredQuartiles(xs).median!;
import { OPTIMIZERS } from './optimizers';

function run(problem: FunctionProblem, runs: Run[], stop: Experiment['stop'], seed = 0): RunResult[] {
  const exp: Experiment = { v: 1, problem, runs, stop, seed };
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectResults(exp, built.engine);
}

describe('strictSaddle, d = 100, k = 3, from its default start', () => {
  const problem: FunctionProblem = { kind: 'function', id: 'strictSaddle', dim: 100, params: { k: 3 } };
  const stop = { maxSteps: 5000, gradTol: 1e-6 };

  it('GD stops at the saddle: gradTol, kind saddle, index k, every eigenvalue known', () => {
    const [gd] = run(problem, [{ optimizer: 'sgd', params: { lr: 0.05 } }], stop);
    expect(gd.stop).toMatchObject({ reason: 'gradTol', kind: 'saddle', index: 3, spectrum: 'dense', hessianEigenvalues: [-1, 1] });
    expect(gd.points.every((p) => p.length === 100)).toBe(true);
    expect(Math.max(...gd.points.at(-1)!.map(Math.abs))).toBeLessThan(1e-6);
    expect(gd.stop.message).toMatch(/^\|\|grad f\|\| = [0-9.e-]+ <= eps = 1e-6 at step \d+, lambda_min = -1, lambda_max = 1, index 3 \(all eigenvalues of the dense Hessian\): a saddle$/);
  });

  it.each(Array.from({ length: 20 }, (_, s) => [s]))('perturbed GD reaches a minimum (seed %i)', (seed) => {
    // tThreshold 1000: time to escape and settle (about 400 steps) before PGD, which cannot tell
    // a minimum from a saddle, kicks again (theory.test.ts says the same on the double well).
    const [pgd] = run(problem, [{ optimizer: 'pgd', params: { lr: 0.05, tThreshold: 1000 } }], stop, seed);
    expect(pgd.stop).toMatchObject({ reason: 'gradTol', kind: 'minimum', index: 0 });
    expect(pgd.f.at(-1)).toBeCloseTo(-3 / 4, 10);
    expect(pgd.perturbations?.length).toBeGreaterThanOrEqual(1);
  });
});

describe('escape from the strict saddle against d (escapeVsDim)', () => {
  const exp = (runs: Run[], maxSteps = 2000): Experiment => ({ v: 1, problem: { kind: 'function', id: 'strictSaddle', dim: 2, params: { k: 1 } }, runs, stop: { maxSteps, gradTol: 0 }, seed: 0 });

  it('GD from a random start in a ball of 1e-3 around the saddle: the time grows like log(d) / (2 log(1 + lr))', () => {
    // The start's component along the one escaping direction is about 1e-3 / sqrt(d): it grows
    // by 1 + lr per step to reach r = 0.5, so d = 10 -> 1000 adds about log(10) / log(1.05) = 47 steps.
    const r = escapeVsDim(exp([{ optimizer: 'sgd', params: { lr: 0.05 }, startRadius: 1e-3 }]), { dims: [10, 100, 1000], seeds: 15, radius: 0.5, saddle: 'nearest' });
    if (!r.ok) throw new Error(r.error);
    const rows = r.value.runs[0].rows;
    expect(rows.map((row) => [row.escaped, row.saddle.label])).toEqual(new Array(3).fill([15, 'saddle at the origin (index 1)']));
    const medians = rows.map((row) => row.median!);
    expect(medians[1]).toBeGreaterThan(medians[0]);
    expect(medians[2]).toBeGreaterThan(medians[1]);
    expect(medians[2] - medians[0]).toBeGreaterThan(25);
    expect(medians[2] - medians[0]).toBeLessThan(75);
    for (const row of rows) expect(row.q1! <= row.median! && row.median! <= row.q3!).toBe(true);
  });

  it('GD started exactly at the saddle never leaves it: every time is censored', () => {
    const r = escapeVsDim(exp([{ optimizer: 'sgd', params: { lr: 0.05 }, startRadius: 0 }], 300), { dims: [5], seeds: 3, radius: 0.5, saddle: 'nearest' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.runs[0].rows[0]).toMatchObject({ escaped: 0, median: null, times: [null, null, null] });
  });
});

describe('saddleChain: escape from the chain grows faster with d for GD than for perturbed GD', () => {
  // Started at the default start, each run passes the chain's saddles in turn; the time to leave
  // the ball of radius tau around the last one is the time to escape the chain. saddleChain is
  // symmetric under x_j -> -x_j, and PGD's kicks choose those signs at random, so the path is
  // measured on |x| (the named saddles are the non-negative images).
  const times = (dim: number, optimizer: Run, seed: number) => {
    const problem: FunctionProblem = { kind: 'function', id: 'saddleChain', dim };
    const [r] = run(problem, [optimizer], { maxSteps: 20_000, gradTol: 0 }, seed);
    const last = new Float64Array(dim).fill(4 * Math.E);
    last[dim - 1] = 0;
    return escapeStep(r.points.map((p) => p.map(Math.abs)), last, Math.E);
  };
  const lr = 1 / (4 * Math.E); // 1 / (4L), the function's suggestion for L = e

  it('d = 2, 3, 4', () => {
    const gd = [2, 3, 4].map((d) => times(d, { optimizer: 'sgd', params: { lr } }, 0)!);
    const pgd = [2, 3, 4].map((d) => median([0, 1, 2, 3, 4].map((seed) => times(d, { optimizer: 'pgd', params: { lr, radius: 0.1, gThreshold: 1e-2, tThreshold: 10 } }, seed)!)));
    expect([...gd, ...pgd].every(Number.isFinite)).toBe(true);
    // GD multiplies its time per added saddle (by more than 4), PGD adds about a constant.
    for (const i of [1, 2]) {
      expect(gd[i] / gd[i - 1]).toBeGreaterThan(4);
      expect(gd[i] - gd[i - 1]).toBeGreaterThan(3 * (pgd[i] - pgd[i - 1]));
    }
    expect(pgd[2] - pgd[1]).toBeLessThan(2 * (pgd[1] - pgd[0]) + 10);
  });
});

describe('matrixFactorization (n = 20, r = 2): no spurious local minima', () => {
  // A learning rate per method, near the largest stable one (f's curvature is about 2 trace M = 4
  // near a minimum); every first-order optimizer of the registry, three random starts each
  // (uniform in the ball of radius 1 around the default start, itself near the origin saddle).
  // L-BFGS, BFGS and CG take their default lr = 1: the first trial step of a quasi-Newton or
  // line-search method, as torch's LBFGS (with lr 0.01 L-BFGS without a line search needs
  // thousands of steps).
  const LR: Record<string, number> = { sgd: 0.1, pgd: 0.1, noisySgd: 0.1, adagrad: 0.1, rmsprop: 0.001, adadelta: 1, lbfgs: 1, bfgs: 1, cg: 1 };
  const firstOrder = Object.values(OPTIMIZERS).filter((d) => !d.needsHessian).map((d) => d.id);
  const problem: FunctionProblem = { kind: 'function', id: 'matrixFactorization', dim: 40, params: { r: 2, seed: 11 } };
  const stop = { maxSteps: 10_000, gradTol: 1e-6 };

  it('every run ends at a global minimum (f < 1e-8) or is still moving (||grad f|| > eps); half of them reach one', () => {
    let global = 0;
    for (const optimizer of firstOrder) {
      for (const seed of [1, 2, 3]) {
        const [r] = run(problem, [{ optimizer, params: { lr: LR[optimizer] ?? 0.01 }, startRadius: 1 }], stop, seed);
        const f = r.f.at(-1)!;
        // evaluations per point, cumulative: one a step, more for a line search
        expect(r.evals.length).toBe(r.points.length);
        expect(r.evals.every((e, i) => e >= i && (i === 0 || e > r.evals[i - 1]))).toBe(true);
        const moving = r.stop.reason === 'maxSteps' && r.gradNorm.at(-1)! > stop.gradTol;
        expect(f < 1e-8 || moving, `${optimizer} seed ${seed}: ${r.stop.message}`).toBe(true);
        // An eps-stationary stop is a global minimum: no spurious local minimum stops a run.
        if (r.stop.reason === 'gradTol') expect(f, `${optimizer} seed ${seed}`).toBeLessThan(1e-8);
        if (f < 1e-8) global++;
      }
    }
    expect(firstOrder.length).toBeGreaterThanOrEqual(14);
    expect(firstOrder).toEqual(expect.arrayContaining(['lbfgs', 'bfgs', 'cg']));
    expect(global).toBeGreaterThanOrEqual((3 * firstOrder.length) / 2);
  });
});

describe('the d-dimensional engine', () => {
  it('on rosenbrock at d = 2 takes the surface engine\'s steps, bit for bit (the same box, the same rules)', () => {
    for (const r of [{ optimizer: 'sgd' as const, params: { lr: 1e-3 } }, { optimizer: 'adam' as const, params: { lr: 0.05 } }, { optimizer: 'sgd' as const, params: { lr: 0.2 } }]) {
      const stop = { maxSteps: 300, gradTol: 1e-8 };
      const fn = run({ kind: 'function', id: 'rosenbrock', dim: 2 }, [{ ...r, start: [-1.5, 1.5] }], stop)[0];
      const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'rosenbrock' }, runs: [{ ...r, start: [-1.5, 1.5] }], stop, seed: 0 };
      const built = createEngine(exp);
      if (!built.ok) throw new Error('surface engine');
      const surface = collectResults(exp, built.engine)[0];
      expect(fn.points).toEqual(surface.points);
      expect(fn.f).toEqual(surface.f);
      expect(fn.stop.reason).toBe(surface.stop.reason);
      expect(fn.stop.step).toBe(surface.stop.step);
    }
  });

  it('refuses dense-Hessian methods above d = 200, naming the run\'s optimizer', () => {
    const exp: Experiment = { v: 1, problem: { kind: 'function', id: 'strictSaddle', dim: 201 }, runs: [{ optimizer: 'sgd' }, { optimizer: 'cubic' }], stop: { maxSteps: 10, gradTol: 0 }, seed: 0 };
    expect(createEngine(exp)).toEqual({
      ok: false,
      errors: [{ path: 'runs[1].optimizer', message: 'cubic needs the dense Hessian every step, offered up to d = 200; problem.dim is 201 (choose a first-order method, or d <= 200)' }],
    });
  });

  it('newton goes to the strict saddle; cubic Newton (via the eigen-decomposition of the dense Hessian) leaves it for a minimum', () => {
    const problem: FunctionProblem = { kind: 'function', id: 'strictSaddle', dim: 50, params: { k: 2 } };
    const [newton, cubic] = run(problem, [{ optimizer: 'newton' }, { optimizer: 'cubic', params: { M: 10 }, start: [1e-6, -1e-6, ...new Array(48).fill(1)] }], { maxSteps: 200, gradTol: 1e-10 });
    expect(newton.stop).toMatchObject({ reason: 'gradTol', kind: 'saddle', index: 2 });
    expect(cubic.stop).toMatchObject({ reason: 'gradTol', kind: 'minimum', index: 0 });
    expect(cubic.f.at(-1)).toBeCloseTo(-0.5, 12);
  });

  it('above d = 200 the verdict\'s eigenvalues are Lanczos estimates, and no index is claimed', () => {
    const [gd] = run({ kind: 'function', id: 'strictSaddle', dim: 300, params: { k: 3 } }, [{ optimizer: 'sgd', params: { lr: 0.05 } }], { maxSteps: 5000, gradTol: 1e-6 });
    expect(gd.stop).toMatchObject({ reason: 'gradTol', kind: 'saddle', spectrum: 'lanczos', index: null });
    expect(gd.stop.hessianEigenvalues![0]).toBeCloseTo(-1, 6);
    expect(gd.stop.hessianEigenvalues![1]).toBeCloseTo(1, 6);
    expect(gd.stop.message).toContain('(Lanczos estimates)');
  });

  it('startRadius: x_0 is uniform in the ball around the start, drawn from the run\'s stream (the seed decides)', () => {
    const problem: FunctionProblem = { kind: 'function', id: 'rastrigin', dim: 20 };
    const starts = [0, 1, 2].map((seed) => run(problem, [{ optimizer: 'sgd', startRadius: 0.5 }], { maxSteps: 1, gradTol: 0 }, seed)[0].points[0]);
    const centre = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 3.7 : -2.3));
    for (const x of starts) expect(Math.hypot(...x.map((v, i) => v - centre[i]))).toBeLessThanOrEqual(0.5);
    expect(new Set(starts.map((x) => x.join())).size).toBe(3);
    expect(run(problem, [{ optimizer: 'sgd', startRadius: 0.5 }], { maxSteps: 1, gradTol: 0 }, 1)[0].points[0]).toEqual(starts[1]);
  });

  it('divergence keeps the last finite point and says which coordinate left the box, with the curvature hint', () => {
    const [r] = run({ kind: 'function', id: 'strictSaddle', dim: 5, params: { k: 1 } }, [{ optimizer: 'sgd', params: { lr: 5 }, start: [0, 1, 0, 0, 0] }], { maxSteps: 100, gradTol: 0 });
    expect(r.stop.reason).toBe('diverged');
    expect(r.stop.message).toMatch(/^diverged at step \d+: coordinate 1 went to -?[0-9.e+]+, more than 320 from the centre of the function's window; last finite point at step \d+, f = [^.]+.*Hint: lr = 5 > 2 \/ lambda_max = 2 at the start/);
    expect(r.points.at(-1)!.every(Number.isFinite)).toBe(true);
  });
});
