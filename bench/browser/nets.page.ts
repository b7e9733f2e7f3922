// The network benchmark page: window.__netsBench lets nets.perf.ts time the landscape slice
// (plain JS, tfjs WebGL, tfjs cpu), one full-batch gradient (plain JS, tfjs autodiff), and the
// engine's training speed in Chromium, and read losses back for the Node/browser comparison.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { Experiment } from '../../src/experiment/types';
import { filterNormalizedDirections } from '../../src/nets/directions';
import { collectNetworkResults, createNetworkEngine, type NetworkEngine } from '../../src/nets/engine';
import { evaluateSliceJs, sliceGrid } from '../../src/nets/landscape';
import { netStream } from '../../src/nets/streams';
import { tfData, tfLossAndGradient } from '../../src/nets/tf/tfGradient';
import { evaluateSliceTf } from '../../src/nets/tf/tfLandscape';
import { useTfBackend } from '../../src/nets/tf/tfOps';
import { benchNetwork } from './nets.shared';

function engineFor(exp: Experiment): NetworkEngine {
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.engine;
}

// The slice's centre: the benchmark network after 200 Adam steps.
const engine = engineFor(benchNetwork('adam', { lr: 0.01 }, 0));
engine.advance(200);
const center = engine.weights(0);
const dirs = filterNormalizedDirections(engine.net, center, netStream(1, 'directions'));

/** Milliseconds per call of f, `reps` samples of `inner` calls each (browsers round performance.now to 0.1 ms). */
async function times(reps: number, warm: boolean, f: () => unknown, inner = 1): Promise<number[]> {
  if (warm) await f();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    for (let k = 0; k < inner; k++) await f();
    out.push((performance.now() - t0) / inner);
  }
  return out;
}

const api = {
  renderer(): string {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  },
  /** Times of a slice of n x n on an evaluator; the values' largest relative gap to plain JS. */
  async slice(evaluator: 'js' | 'webgl' | 'cpu', n: number, reps: number, warm: boolean): Promise<{ ms: number[]; maxRelativeGap: number }> {
    const grid = sliceGrid(n, [1, 1]);
    const ref = evaluateSliceJs(engine.objective, center, dirs, grid);
    if (evaluator === 'js') return { ms: await times(reps, warm, () => evaluateSliceJs(engine.objective, center, dirs, grid)), maxRelativeGap: 0 };
    if (!(await useTfBackend(evaluator))) throw new Error(`tfjs backend ${evaluator} did not start`);
    let values: Float64Array = new Float64Array(0);
    const ms = await times(reps, warm, async () => {
      values = await evaluateSliceTf(engine.objective, center, dirs, grid);
    });
    let gap = 0;
    for (let k = 0; k < ref.length; k++) gap = Math.max(gap, Math.abs(values[k] - ref[k]) / Math.max(1, Math.abs(ref[k])));
    return { ms, maxRelativeGap: gap };
  },
  /** Times of one full-batch loss + gradient (medians of `reps` samples of 20 calls). */
  async gradient(path: 'js' | 'webgl' | 'cpu', reps: number): Promise<number[]> {
    if (path === 'js') {
      const g = new Float64Array(engine.objective.dim);
      return times(reps, true, () => engine.objective.lossGrad(center, g), 20);
    }
    if (!(await useTfBackend(path))) throw new Error(`tfjs backend ${path} did not start`);
    const data = tfData(engine.objective.train);
    const ms = await times(reps, true, () => tfLossAndGradient(engine.net, center, data), 20);
    tf.dispose([data.x, data.y]);
    return ms;
  },
  /** Milliseconds for `steps` steps of the plain-JS engine. */
  training(exp: Experiment, steps: number): number {
    const e = engineFor(exp);
    const t0 = performance.now();
    e.advance(steps + 1);
    return performance.now() - t0;
  },
  /** Every run's recorded losses (for the bit-for-bit comparison with Node). */
  losses(exp: Experiment): number[][] {
    return collectNetworkResults(exp, engineFor(exp)).map((r) => [...r.f, ...r.gradNorm, ...r.heldOutLoss]);
  },
};

export type NetsBench = typeof api;
(window as unknown as { __netsBench: NetsBench }).__netsBench = api;
document.getElementById('status')!.textContent = 'ready';
if (new URLSearchParams(location.search).has('panel')) void import('./nets.demo').then((m) => m.mountDemo(document.getElementById('root')!));
