// Long network jobs: the stop verdict's Lanczos check has bounded work on the largest net the
// schema allows, its residuals are said when it stops unconverged, and the CLI's estimate says
// up front how long a job takes.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../experiment/limits';
import type { Experiment, NetworkProblem, OptimizerId } from '../experiment/types';
import { lanczosExtremes } from '../optim/lanczos';
import { runStream } from '../optim/rng';
import { ESTIMATE_NOTE_SECONDS, estimateNote, formatDuration, MAX_VERDICT_ITERATIONS, MIN_VERDICT_ITERATIONS, networkJobEstimate, verdictLanczosIterations } from './cost';
import { trainCount } from '../experiment/netSplit';
import { mlp } from './mlp';

const L = LIMITS.network;
const LARGEST: NetworkProblem = { kind: 'network', dataset: 'spiral', samples: L.samples.max, noise: 0.1, hidden: Array(L.hiddenLayers.max).fill(L.units.max), activation: 'tanh', batchSize: 0 };
const exp = (problem: NetworkProblem, optimizer: OptimizerId, maxSteps: number, runs = 1): Experiment => ({
  v: 1,
  problem,
  runs: Array.from({ length: runs }, () => ({ optimizer })),
  stop: { maxSteps, gradTol: 0 },
  seed: 0,
});

describe('the stop verdict\'s Lanczos check', () => {
  it('the largest net allowed gets the fewest products (was 26), small nets still 100', () => {
    const weights = mlp(LARGEST.hidden, LARGEST.activation).weightCount;
    const train = trainCount(LARGEST.samples);
    expect([weights, train]).toEqual([12737, 4000]);
    expect(verdictLanczosIterations(train, weights)).toBe(MIN_VERDICT_ITERATIONS);
    // every net the tests, lessons and fixtures run (the largest: 800 points x 337 weights)
    expect(verdictLanczosIterations(800, 337)).toBe(MAX_VERDICT_ITERATIONS);
    expect(verdictLanczosIterations(4000, 1000)).toBe(MAX_VERDICT_ITERATIONS);
  });

  it('an unconverged Lanczos run reports its two residuals', () => {
    const n = 50;
    const diag = Float64Array.from({ length: n }, (_, i) => (i + 1) * (i % 2 ? 1 : -1));
    const e = lanczosExtremes((v, out) => v.forEach((x, i) => (out[i] = diag[i] * x)), n, runStream(1, 0), { maxIter: 4 });
    expect(e.converged).toBe(false);
    expect(e.residuals?.every((r) => Number.isFinite(r) && r > 0)).toBe(true);
  });
});

describe('the estimate of a job', () => {
  it('surfaces get none', () => {
    expect(networkJobEstimate({ v: 1, problem: { kind: 'surface', id: 'booth' }, runs: [{ optimizer: 'sgd' }], stop: { maxSteps: 100000, gradTol: 0 }, seed: 0 })).toBeNull();
  });

  it('scales with steps and runs, and a dense-Hessian optimizer costs its Hessian each step', () => {
    const small: NetworkProblem = { ...LARGEST, samples: 1000, hidden: [16, 16] };
    const one = networkJobEstimate(exp(small, 'adam', 1000))!;
    const eight = networkJobEstimate(exp(small, 'adam', 1000, 8))!;
    expect(eight.seconds).toBeCloseTo(8 * one.seconds, 6);
    const cubic = networkJobEstimate(exp(small, 'cubic', 1000))!;
    // 337 Hessian-vector products and a 337 x 337 eigendecomposition a step
    expect(cubic.stepSeconds / one.stepSeconds).toBeGreaterThan(300);
  });

  it('the largest jobs the schema allows are said before they start; a short one is not', () => {
    const note = estimateNote(exp(LARGEST, 'adam', LIMITS.maxSteps.max, LIMITS.runs.max));
    expect(note).toMatch(/^note: this job may take about [\d.]+ days of CPU time \(8 runs x 100000 steps of a 12737-weight network on 4000 training points: ~[\d.]+ s a step, ~[\d.]+ s for each run's final Hessian check; fewer if runs stop early\)$/);
    expect(estimateNote(exp({ ...LARGEST, hidden: [16, 16] }, 'cubic', LIMITS.maxSteps.max))).toMatch(/days of CPU time/);
    const short = exp({ ...LARGEST, samples: 200, hidden: [8] }, 'adam', 2000);
    expect(networkJobEstimate(short)!.seconds).toBeLessThan(ESTIMATE_NOTE_SECONDS);
    expect(estimateNote(short)).toBeNull();
  });

  it('durations read as a person says them', () => {
    expect([formatDuration(3.21), formatDuration(75), formatDuration(5400), formatDuration(3 * 86400)]).toEqual(['3.2 s', '1.3 min', '1.5 h', '3 days']);
  });
});
