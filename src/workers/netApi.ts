// What the worker computes for the network views, given the session's NetworkEngine: the
// dataset, the decision-function grid of a run's current weights, and the loss-landscape slice.
// The worker API (api.ts) holds the engine, exposes these and transfers their large arrays
// (decisionBuffers, sliceBuffers), never copies them.
//
// The slice's evaluator: plain float64 JS by default, because it won the benchmark
// (bench/results/nets.md) against batched tfjs on WebGL (SwiftShader) and on tfjs's cpu backend,
// in Node and in Chromium, for the 51 x 51 slice of a 2-16-16-1 network on 1,000 points. The
// tfjs path stays available (backend 'webgl' or 'cpu') for a machine with a real GPU; it is
// loaded on demand so the worker's bundle does not carry tfjs until then.
import * as Comlink from 'comlink';
import type { NetworkData } from '../nets/datasets';
import { predictGrid } from '../nets/decision';
import type { NetworkEngine } from '../nets/engine';
import { type ExportedData, exportedData, layerWeights } from '../nets/exported';
import { type CensusStart, censusPathStarts } from '../nets/census/starts';
import type { LayerWeights } from '../experiment/types';
import type { RunWeights } from './spectrumApi';
import { type LandscapeSlice, landscapeSlice, landscapeSliceWith, type SliceOptions } from '../nets/slice';

export interface NetworkInfo {
  /** Layer sizes, e.g. [2, 16, 16, 1]. */
  sizes: number[];
  weightCount: number;
  data: NetworkData;
}

export interface DecisionGrid {
  run: number;
  /** The step of the weights the grid was computed with. */
  step: number;
  n: number;
  view: NetworkData['view'];
  /** Row-major n x n, y from view.y[0] up: p(class 1) at (x_i, y_j) in values[j * n + i]. */
  values: Float64Array;
}

export type SliceBackend = 'js' | 'webgl' | 'cpu';

/** The dataset and the network's shape (once per experiment). */
export function netInfo(engine: NetworkEngine): NetworkInfo {
  const { train, heldOut, view } = engine.data;
  const copy = (s: typeof train) => ({ x: s.x.slice(), y: s.y.slice(), count: s.count });
  const data: NetworkData = { train: copy(train), heldOut: copy(heldOut), view: { x: [...view.x], y: [...view.y] } };
  return Comlink.transfer(
    { sizes: [...engine.net.sizes], weightCount: engine.net.weightCount, data },
    [data.train.x.buffer, data.train.y.buffer, data.heldOut.x.buffer, data.heldOut.y.buffer],
  );
}

/** p(class 1) of run `run`'s current weights on an n x n grid over the dataset's view. */
export function netDecisionGrid(engine: NetworkEngine, run: number, n = 96): DecisionGrid {
  const view = engine.data.view;
  const values = predictGrid(engine.net, engine.weights(run), view, n);
  return { run, step: engine.step(run), n, view, values };
}

/** The buffers to transfer with a decision grid. */
export function decisionBuffers(g: DecisionGrid): ArrayBuffer[] {
  return [g.values.buffer as ArrayBuffer];
}

/** The buffers to transfer with a slice. */
export function sliceBuffers(s: LandscapeSlice): ArrayBuffer[] {
  const out = [s.a.buffer, s.b.buffer, s.loss.buffer];
  for (const p of s.paths) out.push(p.a.buffer, p.b.buffer, p.offPlane.buffer, p.distance.buffer);
  return out as ArrayBuffer[];
}

/** The loss-landscape slice around run `run`'s current weights, with every run's path projected. */
export async function netLandscape(engine: NetworkEngine, run: number, opts: SliceOptions & { backend?: SliceBackend } = {}): Promise<LandscapeSlice> {
  const backend = opts.backend ?? 'js';
  let slice: LandscapeSlice;
  if (backend === 'js') slice = landscapeSlice(engine, run, opts);
  else {
    const [{ evaluateSliceTf }, { useTfBackend }] = await Promise.all([import('../nets/tf/tfLandscape'), import('../nets/tf/tfOps')]);
    if (backend === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
    else await import('@tensorflow/tfjs-backend-cpu');
    if (!(await useTfBackend(backend))) {
      const js = landscapeSlice(engine, run, opts);
      const why = `tfjs backend "${backend}" is not available here: computed in plain JS`;
      slice = { ...js, note: js.note ? `${js.note}; ${why}` : why };
    } else {
      slice = await landscapeSliceWith(engine, run, opts, (c, d, g) => evaluateSliceTf(engine.objective, c, d, g), `tfjs-${backend}`);
    }
  }
  return slice;
}

/** Run `run`'s current weights and step, for the spectrum worker (transfer w's buffer). */
export function netWeights(engine: NetworkEngine, run: number): RunWeights {
  return { run, step: engine.step(run), w: engine.weights(run) };
}

/** The census's path starts (src/nets/census/starts.ts): the same points of each run's kept path as the CLI's --census takes. */
export function netCensusPathStarts(engine: NetworkEngine): CensusStart[] {
  return censusPathStarts(engine.labels.map((_, i) => engine.path(i)));
}

/** What the page downloads: a run's weights at its current step, and the dataset with its split (the CLI's --with-data shapes). */
export interface NetExport {
  run: number;
  label: string;
  step: number;
  sizes: number[];
  weights: LayerWeights[];
  data: ExportedData;
}

export function netExport(engine: NetworkEngine, run: number): NetExport {
  return {
    run,
    label: engine.labels[run],
    step: engine.step(run),
    sizes: [...engine.net.sizes],
    weights: layerWeights(engine.net, engine.weights(run)),
    data: exportedData(engine),
  };
}
