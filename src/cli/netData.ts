// What the CLI can add to a network experiment's output, so the numbers can be checked elsewhere:
//   --with-data  each RunResult gets "data" (every point: x, y, and the indices of the training
//                split) and "weights" at the stop, layer by layer [{ W, b }, ...], W of shape
//                outputs x inputs (torch.nn.Linear's weight), so
//                logit = W_L act(... act(W_1 x + b_1) ...) + b_L;
//   --spectrum   each RunResult gets "spectrum": the Hessian spectrum of the training objective at
//                the stop (src/nets/spectrum: every eigenvalue up to 1,000 weights, exact: true;
//                Lanczos' extremes above, exact: false), with a signed-log histogram of the
//                eigenvalues for drawing;
//   (--census N, instead of the results, prints the census of critical points: ./census.ts.)
import type { CliOptions } from './args';
import { formatErrors } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { collectNetworkResults, createNetworkEngine, type NetworkEngine, type NetworkRunResult } from '../nets/engine';
import { exportedData, layerWeights } from '../nets/exported';
export { exportedData, layerWeights };
export type { ExportedData } from '../nets/exported';
export type { LayerWeights } from '../experiment/types';
import { spectrumHistogram, type SpectrumHistogram } from '../nets/spectrum/histogram';
import { hessianSpectrum, type HessianSpectrum } from '../nets/spectrum/spectrum';
import { netStream } from '../nets/streams';

export type Output = { ok: true; value: string } | { ok: false; message: string };

export type SpectrumAtStop = HessianSpectrum & { histogram: SpectrumHistogram | null };

/** The spectrum at run i's stop; the histogram (40 bins, signed log, linthresh = zeroTol) when every eigenvalue is known. */
export function spectrumAtStop(engine: NetworkEngine, run: number): SpectrumAtStop | { error: string } {
  const s = hessianSpectrum(engine.objective, engine.weights(run), netStream(engine.seed, 'lanczos'));
  if (!s.ok) return { error: s.error };
  const v = s.value;
  const h = v.exact ? spectrumHistogram(v.eigenvalues, { bins: 40, scale: 'signedLog', ...(v.zeroTol > 0 ? { linthresh: v.zeroTol } : {}) }) : null;
  return { ...v, histogram: h?.ok ? h.value : null };
}

export const wantsNetworkOutput = (o: CliOptions): boolean => o.withData || o.spectrum || o.census !== undefined;

/** Builds the network experiment's engine and runs it to the end, or one printable error. */
export function runNetwork(exp: Experiment): { ok: true; engine: NetworkEngine; results: NetworkRunResult[] } | { ok: false; message: string } {
  if (exp.problem.kind !== 'network') return { ok: false, message: '--with-data, --spectrum and --census need a network problem (problem.kind "network")' };
  const built = createNetworkEngine(exp);
  if (!built.ok) return { ok: false, message: formatErrors(built.errors) };
  return { ok: true, engine: built.engine, results: collectNetworkResults(exp, built.engine) };
}

/** The results with --with-data's and --spectrum's fields (JSON text), or one printable error. */
export function networkOutput(options: Pick<CliOptions, 'withData' | 'spectrum'>, exp: Experiment): Output {
  const ran = runNetwork(exp);
  if (!ran.ok) return ran;
  const { engine, results } = ran;
  const data = options.withData ? exportedData(engine) : null;
  const out = results.map((r, i) => ({
    ...r,
    ...(data ? { data, weights: layerWeights(engine.net, engine.weights(i)) } : {}),
    ...(options.spectrum ? { spectrum: spectrumAtStop(engine, i) } : {}),
  }));
  return { ok: true, value: JSON.stringify(out) + '\n' };
}
