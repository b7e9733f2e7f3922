// Steps per second of the d-dimensional engine (createEngine on a function problem, advance in
// chunks) against a hand-written loop of the same run, for GD and Adam at d = 10, 100, 1000:
// chained Rosenbrock from its default start, gradTol 0, 2e6 / d steps (the same coordinate
// updates at each d). The hand-written loop does the same work per step as the engine (record
// all d coordinates, f and ||g||, the stopping test, the update inlined, the finiteness and box
// checks, the next f and gradient by the same instance.grad) without chunks or the optimizer
// interface, and must end on exactly the engine's last point. CPU time (user + system), engine
// and hand loop in turn (timing.ts's paired), medians and (min-max) of the repetitions.
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
import { cpuSeconds, median, paired, withSpread } from './timing';

const WORK = 2e6; // coordinate updates per run
const REPS = 7;
const CHUNK = 4096;
const DIMS = [10, 100, 1000];
const loadBefore = loadavg();
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
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

const rows = CASES.flatMap(({ optimizer, lr }) =>
  DIMS.map((dim) => {
    const steps = Math.round(WORK / dim);
    const e = engineRun(optimizer, lr, dim, steps);
    const h = handRun(optimizer, lr, dim, steps);
    const same = e.every((value, i) => value === h[i]);
    const p = paired(REPS, () => engineRun(optimizer, lr, dim, steps), () => handRun(optimizer, lr, dim, steps));
    // The engine's stop verdict (the spectrum at the last point: dense QL for d <= 200,
    // Lanczos above) is a cost per run, not per step: timed apart.
    const inst = instance(dim);
    const tv = median(Array.from({ length: REPS }, () => cpuSeconds(() => stopSpectrum(inst, e, 1))));
    const engine = p.a.map((s) => steps / s);
    const hand = p.b.map((s) => steps / s);
    const withoutVerdict = p.a.map((s, k) => p.b[k] / (s - tv));
    return { optimizer, dim, steps, engine, hand, ratios: p.ratios, withoutVerdict, verdictMs: 1000 * tv, sameLastPoint: same };
  }),
);

const round3 = (x: number) => Number(x.toFixed(3));
const result = {
  note: `chained Rosenbrock from its default start, ${WORK} / d steps, gradTol 0, engine.advance(${CHUNK}) chunks (each run's stop verdict included); ${REPS} pairs (engine and hand loop in turn), CPU time; medians (min-max); Node ${process.version}`,
  machine: `${cpus().length} x ${cpus()[0]?.model ?? '?'}; load average ${fmtLoad(loadBefore)} at the start, ${fmtLoad(loadavg())} at the end`,
  rows: rows.map((r) => ({
    optimizer: r.optimizer,
    dim: r.dim,
    steps: r.steps,
    engineStepsPerSec: Math.round(median(r.engine)),
    engineStepsPerSecMin: Math.round(Math.min(...r.engine)),
    engineStepsPerSecMax: Math.round(Math.max(...r.engine)),
    handStepsPerSec: Math.round(median(r.hand)),
    ratio: round3(median(r.ratios)),
    ratioMin: round3(Math.min(...r.ratios)),
    ratioMax: round3(Math.max(...r.ratios)),
    verdictMs: Number(r.verdictMs.toFixed(1)),
    ratioWithoutVerdict: round3(median(r.withoutVerdict)),
    sameLastPoint: r.sameLastPoint,
  })),
};
writeFileSync(new URL('./results/dims.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(result.note, '\n' + result.machine, '\n');
console.log('| optimizer | d | steps | engine steps/s | hand-written steps/s | engine / hand | stop verdict ms | ratio without it | same last point |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
for (const r of rows) {
  const cells = [r.optimizer, r.dim, r.steps, withSpread(r.engine, 0), withSpread(r.hand, 0), withSpread(r.ratios, 2), r.verdictMs.toFixed(1), withSpread(r.withoutVerdict, 2)];
  console.log(`| ${cells.join(' | ')} | ${r.sameLastPoint ? 'yes' : 'NO'} |`);
}
