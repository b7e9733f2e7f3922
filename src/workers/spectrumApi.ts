// The spectrum worker's API (spectrum.worker.ts): the Hessian spectrum of a network experiment's
// training objective at given weights (src/nets/spectrum: every eigenvalue up to 1,000 weights,
// Lanczos' extremes above, from the same stream as the CLI's --spectrum), in a worker of its own
// so the race in the engine worker never waits for it: at 987 weights one spectrum takes seconds.
// The page sends the weights of the selected run (from the engine worker) and keeps at most one
// request in flight, the newest waiting one next (state/spectrum.ts, latest.ts).
import { formatErrors } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { createNetworkEngine, type NetworkEngine } from '../nets/engine';
import { hessianSpectrum, type HessianSpectrum } from '../nets/spectrum/spectrum';
import { netStream } from '../nets/streams';
import { fail, ok, type WorkerResult } from './result';

/** The Hessian spectrum of a run's weights, with the step they are of and the time it took. */
export type NetSpectrum = HessianSpectrum & { run: number; step: number; ms: number };

/** Weights of a run at a step (the engine worker's netWeights). */
export interface RunWeights {
  run: number;
  step: number;
  w: Float64Array;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The spectrum of `weights` for the objective of `engine` (its data, network and seed). */
export function spectrumOf(engine: Pick<NetworkEngine, 'objective' | 'seed'>, weights: RunWeights): WorkerResult<NetSpectrum> {
  const t0 = performance.now();
  const s = hessianSpectrum(engine.objective, weights.w, netStream(engine.seed, 'lanczos'));
  if (!s.ok) return s;
  return ok({ ...s.value, run: weights.run, step: weights.step, ms: performance.now() - t0 });
}

export function createSpectrumApi() {
  /** The objective of the last experiment asked about, rebuilt only when the experiment changes. */
  let cache: { key: string; engine: NetworkEngine } | null = null;
  return {
    spectrum(experiment: Experiment, weights: RunWeights): WorkerResult<NetSpectrum> {
      try {
        const key = JSON.stringify({ ...experiment, runs: [] });
        if (cache?.key !== key) {
          const built = createNetworkEngine({ ...experiment, runs: experiment.runs.slice(0, 1) });
          if (!built.ok) return fail(formatErrors(built.errors));
          cache = { key, engine: built.engine };
        }
        if (weights.w.length !== cache.engine.objective.dim) return fail(`the weights have ${weights.w.length} numbers; this network has ${cache.engine.objective.dim}`);
        return spectrumOf(cache.engine, weights);
      } catch (e) {
        return fail(message(e));
      }
    },
  };
}

export const spectrumApi = createSpectrumApi();
export type SpectrumApi = typeof spectrumApi;
