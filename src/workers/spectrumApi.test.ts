// The spectrum worker gives, for a run's weights, the spectrum the CLI's --spectrum computes with
// the experiment's own engine (same objective, same Lanczos stream), exact or Lanczos by size.
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/types';
import { createNetworkEngine } from '../nets/engine';
import { hessianSpectrum } from '../nets/spectrum/spectrum';
import { netStream } from '../nets/streams';
import { netWeights } from './netApi';
import { createSpectrumApi } from './spectrumApi';

const experiment = (hidden: number[]): Experiment => ({
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 60, noise: 0.15, hidden, activation: 'tanh', batchSize: 0 },
  runs: [{ optimizer: 'adam', params: { lr: 0.05 } }, { optimizer: 'sgd', params: { lr: 0.5 } }],
  stop: { maxSteps: 40, gradTol: 0 },
  seed: 3,
});

describe('spectrumApi', () => {
  it.each([[[4]], [[24, 40]]])('hidden %j: the engine-side spectrum of run 2 at its step', (hidden) => {
    const exp = experiment(hidden);
    const built = createNetworkEngine(exp);
    if (!built.ok) throw new Error('bad experiment');
    const { engine } = built;
    engine.advance(25);
    const weights = netWeights(engine, 1);
    expect(weights.step).toBe(25);
    const api = createSpectrumApi();
    const r = api.spectrum(exp, weights);
    if (!r.ok) throw new Error(r.error);
    const expected = hessianSpectrum(engine.objective, engine.weights(1), netStream(exp.seed, 'lanczos'));
    if (!expected.ok) throw new Error(expected.error);
    const { ms, ...value } = r.value;
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(value).toEqual({ ...expected.value, run: 1, step: 25 });
    expect(value.exact).toBe(engine.objective.dim <= 1000);
    // the same objective again (cached), and weights of the wrong size refused
    expect(api.spectrum(exp, weights)).toMatchObject({ ok: true, value: { lambdaMin: value.lambdaMin } });
    expect(api.spectrum(exp, { ...weights, w: weights.w.subarray(1) })).toEqual({ ok: false, error: `the weights have ${engine.objective.dim - 1} numbers; this network has ${engine.objective.dim}` });
  }, 30_000);
});
