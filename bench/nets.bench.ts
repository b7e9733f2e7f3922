// Network benchmarks in Node: a 51 x 51 landscape slice of a 2-16-16-1 tanh network on 1,000
// moons points (800 train) with the plain-JS float64 evaluator and tfjs on its cpu backend, and
// training steps per second for every optimizer. Writes the "node" part of
// bench/results/nets.json and regenerates bench/results/nets.md (the browser part, WebGL
// included, comes from bench/browser/nets.perf.ts). Run: npx tsx bench/nets.bench.ts
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { cpus } from 'node:os';
import type { Experiment, OptimizerId } from '../src/experiment/types';
import { filterNormalizedDirections } from '../src/nets/directions';
import { predictGrid } from '../src/nets/decision';
import { createNetworkEngine, type NetworkEngine } from '../src/nets/engine';
import { lanczosExtremes } from '../src/optim/lanczos';
import { evaluateSliceJs, sliceGrid } from '../src/nets/landscape';
import { netStream } from '../src/nets/streams';
import { evaluateSliceTf } from '../src/nets/tf/tfLandscape';
import { useTfBackend } from '../src/nets/tf/tfOps';
import { OPTIMIZERS } from '../src/optim/optimizers';
import { benchNetwork, median } from './browser/nets.shared';
import { writeNetsResults } from './browser/nets.results';

function engineFor(exp: Experiment): NetworkEngine {
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.engine;
}

async function timeIt(reps: number, f: () => unknown, warm: () => unknown = f): Promise<number[]> {
  await warm(); // JIT, tfjs kernels
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

async function main(): Promise<void> {
  const base = benchNetwork('adam', { lr: 0.01 }, 0);
  const engine = engineFor(base);
  engine.advance(200); // a trained centre, away from the initial weights
  const center = engine.weights(0);
  const dirs = filterNormalizedDirections(engine.net, center, netStream(base.seed, 'directions'));
  const grid = sliceGrid(51, [1, 1]);

  let js: Float64Array = new Float64Array(0);
  let tfv: Float64Array = new Float64Array(0);
  const jsMs = await timeIt(3, () => (js = evaluateSliceJs(engine.objective, center, dirs, grid)));
  if (!(await useTfBackend('cpu'))) throw new Error('tfjs cpu backend did not start');
  // tfjs cpu takes ~15 s per 51 x 51 slice: warmed up on a 5 x 5 slice, then timed twice.
  const tfMs = await timeIt(
    2,
    async () => (tfv = await evaluateSliceTf(engine.objective, center, dirs, grid)),
    () => evaluateSliceTf(engine.objective, center, dirs, sliceGrid(5, [1, 1])),
  );
  let maxRel = 0;
  for (let k = 0; k < js.length; k++) maxRel = Math.max(maxRel, Math.abs(tfv[k] - js[k]) / Math.max(1, Math.abs(js[k])));

  // One full-batch gradient, one Hessian-vector product, the stop verdict, the decision grid.
  const g = new Float64Array(engine.objective.dim);
  const gradMs = await timeIt(20, () => engine.objective.lossGrad(center, g));
  const v = g.slice();
  const hvpMs = await timeIt(20, () => engine.objective.hvp(center, v, new Float64Array(v.length)));
  let lanczosIterations = 0;
  const lanczosMs = await timeIt(3, () => {
    lanczosIterations = lanczosExtremes((x, out) => engine.objective.hvp(center, x, out), engine.objective.dim, netStream(1, 'lanczos')).iterations;
  });
  const gridMs = await timeIt(5, () => predictGrid(engine.net, center, engine.data.view, 100));

  // Training steps per second: every recorded step evaluates the full-batch loss and gradient
  // (the honest gradTol test) and the held-out loss, plus the minibatch gradient when batchSize > 0.
  const training: { optimizer: string; batchSize: number; steps: number; stepsPerSecond: number }[] = [];
  for (const id of Object.keys(OPTIMIZERS) as OptimizerId[]) {
    const second = OPTIMIZERS[id]!.needsHessian;
    const steps = second ? 2 : 200;
    const ms = await timeIt(second ? 1 : 3, () => engineFor(benchNetwork(id, {}, 0, steps)).advance(steps + 1));
    training.push({ optimizer: id, batchSize: 0, steps, stepsPerSecond: Number(((1000 * steps) / median(ms)).toPrecision(3)) });
  }
  const miniMs = await timeIt(3, () => engineFor(benchNetwork('adam', { lr: 0.01 }, 32, 200)).advance(201));
  training.push({ optimizer: 'adam', batchSize: 32, steps: 200, stepsPerSecond: Number((200_000 / median(miniMs)).toPrecision(3)) });

  const node = {
    machine: `${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, Node ${process.version}`,
    network: '2-16-16-1 tanh, 337 weights; moons, 1,000 samples (800 train, 200 held out)',
    slice51: {
      jsMs: Math.round(median(jsMs)),
      tfCpuMs: Math.round(median(tfMs)),
      tfCpuOverJs: Number((median(tfMs) / median(jsMs)).toFixed(2)),
      tfVsJsMaxRelativeDifference: Number(maxRel.toPrecision(2)),
      runs: { js: jsMs.map(Math.round), tfCpu: tfMs.map(Math.round) },
    },
    perCall: {
      fullBatchGradientMs: Number(median(gradMs).toFixed(3)),
      hessianVectorProductMs: Number(median(hvpMs).toFixed(3)),
      stopVerdictLanczosMs: Math.round(median(lanczosMs)),
      lanczosIterations,
      decisionGrid100Ms: Number(median(gridMs).toFixed(2)),
    },
    training,
  };
  writeNetsResults('node', node);
  console.log(JSON.stringify(node, null, 2));
  console.log(`tfjs backend: ${tf.getBackend()}`);
}

await main();
