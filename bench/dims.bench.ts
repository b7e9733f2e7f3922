// Steps per second of the d-dimensional engine (createEngine on a function problem, advance in
// chunks) against a hand-written loop of the same run, for GD and Adam at d = 10, 100, 1000:
// chained Rosenbrock from its default start, gradTol 0, 2e6 / d steps (the same coordinate
// updates at each d). The hand-written loop does the same work per step as the engine (record
// all d coordinates, f and ||g||, the stopping test, the update inlined, the finiteness and box
// checks, the next f and gradient by the same instance.grad) without chunks or the optimizer
// interface, and must end on exactly the engine's last point.
// Run: npx tsx bench/dims.bench.ts  (writes bench/results/dims.json)
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Experiment, OptimizerId } from '../src/experiment/types';
import { createInstance } from '../src/functions';
import type { Instance } from '../src/functions/types';
import { pow } from '../src/numeric';
import { createEngine } from '../src/optim/engine';
import { lerp } from '../src/optim/optimizers/lerp';
import { isOutsideVectorBox, vectorDivergenceBox } from '../src/optim/runRulesDivergence';
import { stopSpectrum } from '../src/optim/vectorRun';

const WORK = 2e6; // coordinate updates per run
const REPS = 7;
const CHUNK = 4096;
const DIMS = [10, 100, 1000];
const CASES: { optimizer: OptimizerId; lr: number }[] = [
  { optimizer: 'sgd', lr: 5e-4 },
  { optimizer: 'adam', lr: 1e-3 },
];

function instance(dim: number): Instance {
  const r = createInstance('rosenbrock', dim);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function engineRun(optimizer: OptimizerId, lr: number, dim: number, steps: number): Float64Array {
  const exp: Experiment = { v: 1, problem: { kind: 'function', id: 'rosenbrock', dim }, runs: [{ optimizer, params: { lr } }], stop: { maxSteps: steps, gradTol: 0 }, seed: 1 };
  const created = createEngine(exp);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  let last = new Float64Array(dim);
  while (!created.engine.done) {
    for (const c of created.engine.advance(CHUNK)) {
      if (c.stop && c.stop.reason !== 'maxSteps') throw new Error(`${optimizer} stopped: ${c.stop.reason}`);
      if (c.f.length) last = c.xy.slice(c.xy.length - dim);
    }
  }
  return last;
}

function handRun(optimizer: OptimizerId, lr: number, dim: number, steps: number): Float64Array {
  const inst = instance(dim);
  const x = inst.defaultStart();
  const box = vectorDivergenceBox(inst.view, x);
  const points = new Float64Array(dim * (steps + 1));
  const fs = new Float64Array(steps + 1);
  const gn = new Float64Array(steps + 1);
  let g = new Float64Array(dim);
  let gNext = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  let f = inst.grad(x, g);
  for (let t = 0; ; t++) {
    let sq = 0;
    for (let i = 0; i < dim; i++) sq += g[i] * g[i];
    points.set(x, t * dim);
    fs[t] = f;
    gn[t] = Math.sqrt(sq);
    if (!(Number.isFinite(f) && Number.isFinite(gn[t])) || t >= steps) break;
    if (optimizer === 'sgd') {
      for (let i = 0; i < dim; i++) x[i] -= lr * g[i];
    } else {
      const s = t + 1;
      const stepSize = lr / (1 - pow(b1, s));
      const bc2 = Math.sqrt(1 - pow(b2, s));
      for (let i = 0; i < dim; i++) {
        m[i] = lerp(m[i], g[i], 1 - b1);
        v[i] = v[i] * b2 + (1 - b2) * g[i] * g[i];
        x[i] += (-stepSize * m[i]) / (Math.sqrt(v[i]) / bc2 + eps);
      }
    }
    if (isOutsideVectorBox(box, x)) throw new Error(`${optimizer} left the box`);
    f = inst.grad(x, gNext);
    if (!Number.isFinite(f)) throw new Error(`${optimizer}: f not finite`);
    for (let i = 0; i < dim; i++) if (!Number.isFinite(gNext[i])) throw new Error(`${optimizer}: gradient not finite`);
    [g, gNext] = [gNext, g];
  }
  return x;
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1];

const rows = CASES.flatMap(({ optimizer, lr }) =>
  DIMS.map((dim) => {
    const steps = Math.round(WORK / dim);
    const e = engineRun(optimizer, lr, dim, steps);
    const h = handRun(optimizer, lr, dim, steps);
    const same = e.every((value, i) => value === h[i]);
    const te: number[] = [];
    const th: number[] = [];
    for (let r = 0; r < REPS; r++) {
      te.push(time(() => engineRun(optimizer, lr, dim, steps)));
      th.push(time(() => handRun(optimizer, lr, dim, steps)));
    }
    // The engine's stop verdict (the spectrum at the last point: dense QL for d <= 200,
    // Lanczos above) is a cost per run, not per step: timed apart.
    const inst = instance(dim);
    const tv = median(Array.from({ length: REPS }, () => time(() => stopSpectrum(inst, e, 1))));
    const engine = steps / median(te);
    const hand = steps / median(th);
    const stepsOnly = steps / (median(te) - tv);
    return {
      optimizer,
      dim,
      steps,
      engineStepsPerSec: Math.round(engine),
      handStepsPerSec: Math.round(hand),
      ratio: Number((engine / hand).toFixed(3)),
      verdictMs: Number((1000 * tv).toFixed(1)),
      ratioWithoutVerdict: Number((stepsOnly / hand).toFixed(3)),
      ratioBestOf: Number((Math.min(...th) / Math.min(...te)).toFixed(3)),
      sameLastPoint: same,
    };
  }),
);

const result = {
  note: `chained Rosenbrock from its default start, ${WORK} / d steps, gradTol 0, engine.advance(${CHUNK}) chunks (each run's stop verdict included); median of ${REPS} interleaved runs; Node ${process.version}`,
  machine: `${cpus().length} x ${cpus()[0]?.model ?? '?'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`,
  rows,
};
writeFileSync(new URL('./results/dims.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(result.note, '\n' + result.machine, '\n');
console.log('| optimizer | d | steps | engine steps/s | hand-written steps/s | ratio (medians) | ratio (best of) | stop verdict ms | ratio without it | same last point |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
for (const r of rows) {
  const cells = [r.optimizer, r.dim, r.steps, r.engineStepsPerSec.toLocaleString('en'), r.handStepsPerSec.toLocaleString('en'), r.ratio, r.ratioBestOf, r.verdictMs, r.ratioWithoutVerdict];
  console.log(`| ${cells.join(' | ')} | ${r.sameLastPoint ? 'yes' : 'NO'} |`);
}
