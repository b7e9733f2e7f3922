// Steps per second of every optimizer in the engine (createEngine + advance) against a
// hand-written loop of the same run: Rosenbrock, 200k steps, gradTol 0. The hand-written loop is
// the ceiling the engine's generality is measured against: it does the same work per step
// (record x, f and ||g||, stopping rules, the update, finiteness and bound checks, the next f
// and gradient) with the surface and the update inlined, recording into chunk-sized arrays that
// it reuses, as the engine does when its caller copies each chunk (advance(CHUNK, true), as
// collectResults does). It must end on exactly the engine's last point, which checks that both
// compute the same run. Each optimizer runs in a process of its own (as a CLI run does: one
// experiment per process), engine and hand loop taking turns, CPU time (user + system), medians
// and (min-max) of the repetitions.
// Run: npx tsx bench/optimizers.bench.ts  (writes bench/results/optimizers.{json,md})
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolveParams } from '../src/optim/optimizers/params';
import type { Experiment, OptimizerId, ParamValue } from '../src/experiment/types';
import { createEngine } from '../src/optim/engine';
import { cubicStep, cubicWork } from '../src/optim/optimizers/cubic';
import { lerp } from '../src/optim/optimizers/lerp';
import { addUniformBall } from '../src/optim/optimizers/pgd';
import { saddleFreeStep, saddleFreeWork } from '../src/optim/optimizers/saddleFreeNewton';
import { type Rng, runStream } from '../src/optim/rng';
import type { Evaluate } from '../src/optim/lineSearch';
import { Bfgs } from '../src/optim/quasiNewton/bfgs';
import { ConjugateGradient, type CgBeta } from '../src/optim/quasiNewton/cg';
import { Lbfgs, type LineSearchKind } from '../src/optim/quasiNewton/lbfgs';
// The hand-written loops use the same deterministic pow as the engine (src/numeric): the
// comparison is of the abstraction's cost, not of Math.pow against a portable pow.
import { pow } from '../src/numeric';
import { median, paired, withSpread } from './timing';

const STEPS = 200_000;
const REPS = 7;
const CHUNK = 4096; // the worker's and collectResults' chunk size
const START: [number, number] = [-1.5, 1.5];
const BOUND = 1e6;

// Learning rates that keep each method on Rosenbrock for 200k steps without diverging or
// landing exactly on the minimum (where gradTol 0 would end the run early).
const CASES: [OptimizerId, Record<string, ParamValue>][] = [
  ['sgd', { lr: 5e-4 }],
  ['adagrad', {}],
  ['rmsprop', { lr: 1e-3 }],
  ['adadelta', {}],
  ['adam', {}],
  ['adamw', {}],
  ['adamax', {}],
  ['nadam', {}],
  ['radam', {}],
  ['pgd', { lr: 5e-4 }],
  ['noisySgd', { lr: 5e-4 }],
  ['newton', { lr: 1e-4 }],
  ['cubic', { lr: 1e-4 }],
  ['saddleFreeNewton', { lr: 1e-4 }],
  // the line-search methods reach the minimum in tens of steps and then stay (their steps from a
  // zero gradient are zero): the rest of the run measures the engine's per-step cost around them
  ['lbfgs', { lineSearch: 'strongWolfe' }],
  ['bfgs', {}],
  ['cg', {}],
];

/**
 * The update of x from gradient g (x, g of length 2), written out; f = f(x) and `evaluate`
 * (Rosenbrock's f and gradient anywhere) for the line-search methods, whose hand loop is their
 * quasiNewton module called directly (the engine's cost around it is what is measured). Returns
 * the evaluations of f and its gradient the step made (1, or the line search's count), which
 * the loop records per point as the engine does.
 */
type Update = (x: Float64Array, g: Float64Array, h: Float64Array, lr: number, rng: Rng, f: number, evaluate: Evaluate) => number;

function handUpdate(id: OptimizerId, params: Record<string, ParamValue>): Update {
  const p = resolveParams(id, params);
  const n = (k: string) => p[k] as number;
  const m = new Float64Array(2);
  const v = new Float64Array(2);
  const u = new Float64Array(2);
  const [b1, b2] = (p.betas as number[] | undefined) ?? [0, 0];
  let t = 0;
  let muProduct = 1;
  let lastKick = -Infinity;
  const s = new Float64Array(2);
  const work = cubicWork(2);
  const sfWork = saddleFreeWork(2);
  const eps = n('eps');
  switch (id) {
    case 'sgd':
    case 'noisySgd':
      return (x, g, _h, lr, rng) => {
        const sigma = id === 'noisySgd' ? n('sigma') : 0;
        for (let i = 0; i < 2; i++) x[i] -= id === 'noisySgd' ? lr * (g[i] + sigma * rng.normal()) : lr * g[i];
        return 1;
      };
    case 'adagrad':
      return (x, g, _h, lr) => {
        t++;
        const clr = lr / (1 + (t - 1) * n('lrDecay'));
        for (let i = 0; i < 2; i++) {
          v[i] += g[i] * g[i];
          x[i] += (-clr * g[i]) / (Math.sqrt(v[i]) + eps);
        }
        return 1;
      };
    case 'rmsprop':
      return (x, g, _h, lr) => {
        const a = n('alpha');
        for (let i = 0; i < 2; i++) {
          v[i] = v[i] * a + (1 - a) * g[i] * g[i];
          x[i] += (-lr * g[i]) / (Math.sqrt(v[i]) + eps);
        }
        return 1;
      };
    case 'adadelta':
      return (x, g, _h, lr) => {
        const rho = n('rho');
        for (let i = 0; i < 2; i++) {
          v[i] = v[i] * rho + (1 - rho) * g[i] * g[i];
          const d = (Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps)) * g[i];
          u[i] = u[i] * rho + (1 - rho) * d * d;
          x[i] += -lr * d;
        }
        return 1;
      };
    case 'adam':
    case 'adamw':
      return (x, g, _h, lr) => {
        t++;
        const stepSize = lr / (1 - pow(b1, t));
        const bc2 = Math.sqrt(1 - pow(b2, t));
        const decay = 1 - lr * n('weightDecay');
        for (let i = 0; i < 2; i++) {
          if (id === 'adamw') x[i] *= decay;
          m[i] = lerp(m[i], g[i], 1 - b1);
          v[i] = v[i] * b2 + (1 - b2) * g[i] * g[i];
          x[i] += (-stepSize * m[i]) / (Math.sqrt(v[i]) / bc2 + eps);
        }
        return 1;
      };
    case 'adamax':
      return (x, g, _h, lr) => {
        t++;
        const clr = lr / (1 - pow(b1, t));
        for (let i = 0; i < 2; i++) {
          m[i] = lerp(m[i], g[i], 1 - b1);
          u[i] = Math.max(u[i] * b2, Math.abs(g[i]) + eps);
          x[i] += (-clr * m[i]) / u[i];
        }
        return 1;
      };
    case 'nadam':
      return (x, g, _h, lr) => {
        t++;
        const psi = n('momentumDecay');
        const bc2 = 1 - pow(b2, t);
        const mu = b1 * (1 - 0.5 * pow(0.96, t * psi));
        const muNext = b1 * (1 - 0.5 * pow(0.96, (t + 1) * psi));
        muProduct *= mu;
        const c1 = (-lr * (1 - mu)) / (1 - muProduct);
        const c2 = (-lr * muNext) / (1 - muProduct * muNext);
        for (let i = 0; i < 2; i++) {
          m[i] = lerp(m[i], g[i], 1 - b1);
          v[i] = v[i] * b2 + (1 - b2) * g[i] * g[i];
          const d = Math.sqrt(v[i] / bc2) + eps;
          x[i] += (c1 * g[i]) / d;
          x[i] += (c2 * m[i]) / d;
        }
        return 1;
      };
    case 'radam':
      return (x, g, _h, lr) => {
        t++;
        const bc1 = 1 - pow(b1, t);
        const bc2 = 1 - pow(b2, t);
        const rhoInf = 2 / (1 - b2) - 1;
        const rho = rhoInf - (2 * t * pow(b2, t)) / bc2;
        const rect = rho > 5 ? Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho)) : 0;
        for (let i = 0; i < 2; i++) {
          m[i] = lerp(m[i], g[i], 1 - b1);
          v[i] = v[i] * b2 + (1 - b2) * g[i] * g[i];
          const c = m[i] / bc1;
          x[i] += rho > 5 ? -(c * lr * (Math.sqrt(bc2) / (Math.sqrt(v[i]) + eps)) * rect) : -(c * lr);
        }
        return 1;
      };
    case 'pgd':
      return (x, g, _h, lr, rng) => {
        if (Math.sqrt(g[0] * g[0] + g[1] * g[1]) <= n('gThreshold') && t - lastKick > n('tThreshold')) {
          lastKick = t;
          addUniformBall(x, n('radius'), rng, s);
        } else {
          x[0] -= lr * g[0];
          x[1] -= lr * g[1];
        }
        t++;
        return 1;
      };
    case 'newton':
      return (x, g, h, lr) => {
        const d = n('damping');
        const a = h[0] + d;
        const c = h[3] + d;
        const det = a * c - h[1] * h[1];
        // Gaussian elimination with partial pivoting, as linalg.solveInPlace, for 2 x 2
        if (Math.abs(h[1]) > Math.abs(a)) {
          const mm = a / h[1];
          const z1 = (g[0] - mm * g[1]) / (h[1] - mm * c);
          x[0] -= lr * ((g[1] - c * z1) / h[1]);
          x[1] -= lr * z1;
        } else {
          const mm = h[1] / a;
          const z1 = (g[1] - mm * g[0]) / (c - mm * h[1]);
          x[0] -= lr * ((g[0] - h[1] * z1) / a);
          x[1] -= lr * z1;
        }
        if (det === 0) x.fill(NaN);
        return 1;
      };
    case 'cubic':
      return (x, g, h, lr) => {
        cubicStep(g, h, n('M'), 2, s, work);
        x[0] += lr * s[0];
        x[1] += lr * s[1];
        return 1;
      };
    case 'saddleFreeNewton':
      return (x, g, h, lr) => {
        saddleFreeStep(g, h, n('damping'), 2, s, sfWork);
        x[0] -= lr * s[0];
        x[1] -= lr * s[1];
        return 1;
      };
    case 'lbfgs': {
      const method = new Lbfgs(2, { lr: n('lr'), historySize: n('historySize'), lineSearch: p.lineSearch as LineSearchKind });
      return (x, g, _h, lr, _rng, f, evaluate) => method.step(x, g, f, evaluate, lr).evals;
    }
    case 'bfgs': {
      const method = new Bfgs(2, { lr: n('lr'), lineSearch: { c2: n('c2') } });
      return (x, g, _h, lr, _rng, f, evaluate) => method.step(x, g, f, evaluate, lr).evals;
    }
    case 'cg': {
      const method = new ConjugateGradient(2, { lr: n('lr'), beta: p.beta as CgBeta, lineSearch: { c2: n('c2') } });
      return (x, g, _h, lr, _rng, f, evaluate) => method.step(x, g, f, evaluate, lr).evals;
    }
  }
}

/** Rosenbrock's f and gradient, inlined as the hand loop's own. */
const rosenbrockOut = { f: 0, g: new Float64Array(2) };
const rosenbrock: Evaluate = (p) => {
  const r = p[1] - p[0] * p[0];
  rosenbrockOut.f = (1 - p[0]) * (1 - p[0]) + 100 * r * r;
  rosenbrockOut.g[0] = -2 * (1 - p[0]) - 400 * p[0] * r;
  rosenbrockOut.g[1] = 200 * r;
  return rosenbrockOut;
};

function handRun(id: OptimizerId, params: Record<string, ParamValue>): [number, number] {
  const update = handUpdate(id, params);
  const lr = resolveParams(id, params).lr as number;
  const rng = runStream(1, 0);
  // one chunk's arrays, written again for every chunk (the engine's reused chunk arrays)
  const xy = new Float64Array(2 * CHUNK);
  const fs = new Float64Array(CHUNK);
  const gn = new Float64Array(CHUNK);
  const ev = new Float64Array(CHUNK);
  const x = Float64Array.from(START);
  const g = new Float64Array(2);
  const h = new Float64Array(4);
  let f = (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);
  g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
  g[1] = 200 * (x[1] - x[0] * x[0]);
  let evals = 0;
  for (let t = 0, n = 0; ; t++, n = n + 1 === CHUNK ? 0 : n + 1) {
    const norm = Math.sqrt(g[0] * g[0] + g[1] * g[1]);
    xy[2 * n] = x[0];
    xy[2 * n + 1] = x[1];
    fs[n] = f;
    gn[n] = norm;
    ev[n] = evals;
    // gradTol 0: no gradient test (a line search that lands on the minimum takes zero steps on)
    if (!Number.isFinite(norm) || t >= STEPS) break;
    h[0] = 2 - 400 * (x[1] - x[0] * x[0]) + 800 * x[0] * x[0];
    h[1] = h[2] = -400 * x[0];
    h[3] = 200;
    evals += update(x, g, h, lr, rng, f, rosenbrock);
    f = (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);
    if (!Number.isFinite(f) || !(Math.abs(x[0]) <= BOUND && Math.abs(x[1]) <= BOUND)) throw new Error(`${id} diverged`);
    const r = x[1] - x[0] * x[0];
    g[0] = -2 * (1 - x[0]) - 400 * x[0] * r;
    g[1] = 200 * r;
  }
  return [x[0], x[1]];
}

function engineRun(id: OptimizerId, params: Record<string, ParamValue>): [number, number] {
  const exp: Experiment = {
    v: 1,
    problem: { kind: 'surface', id: 'rosenbrock' },
    runs: [{ optimizer: id, params, start: START }],
    stop: { maxSteps: STEPS, gradTol: 0 },
    seed: 1,
  };
  const created = createEngine(exp);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  let last: [number, number] = START;
  while (!created.engine.done) {
    for (const c of created.engine.advance(CHUNK, true)) {
      if (c.stop && c.stop.reason !== 'maxSteps') throw new Error(`${id} stopped: ${c.stop.reason}`);
      if (c.f.length) last = [c.xy[c.xy.length - 2], c.xy[c.xy.length - 1]];
    }
  }
  return last;
}

interface Row {
  optimizer: OptimizerId;
  engineStepsPerSec: number[];
  handStepsPerSec: number[];
  /** engine speed / hand-written speed, per pair. */
  ratios: number[];
  sameLastPoint: boolean;
}

/** One optimizer, in this process: the last points compared, then REPS pairs. */
function measure(id: OptimizerId): Row {
  const params = CASES.find(([c]) => c === id)![1];
  engineRun(id, params); // warm-up (the JIT), then the runs compared
  handRun(id, params);
  const e = engineRun(id, params);
  const h = handRun(id, params);
  // Same run, same arithmetic: the hand-written newton solves by its own (same) formulas.
  const same = e[0] === h[0] && e[1] === h[1];
  const p = paired(REPS, () => engineRun(id, params), () => handRun(id, params));
  return {
    optimizer: id,
    engineStepsPerSec: p.a.map((s) => STEPS / s),
    handStepsPerSec: p.b.map((s) => STEPS / s),
    ratios: p.ratios,
    sameLastPoint: same,
  };
}

function fmtLoad(l: number[]): string {
  return l.map((x) => x.toFixed(1)).join(' ');
}

const caseArg = process.argv.indexOf('--case');
if (caseArg >= 0) {
  process.stdout.write(JSON.stringify(measure(process.argv[caseArg + 1] as OptimizerId)));
} else {
  const loadBefore = loadavg();
  const self = fileURLToPath(import.meta.url);
  const rows: Row[] = CASES.map(([id]) => {
    const out = execFileSync(process.execPath, [...process.execArgv, self, '--case', id], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const row = JSON.parse(out) as Row;
    console.log(id, withSpread(row.ratios, 2));
    return row;
  });
  const m = (xs: number[]) => Math.round(median(xs));
  const result = {
    note: `Rosenbrock from (${START}), ${STEPS} steps, gradTol 0, engine.advance(${CHUNK}, reuse) chunks; one process per optimizer; ${REPS} pairs (engine and hand loop in turn), CPU time; Node ${process.version}`,
    machine: `${cpus().length} x ${cpus()[0]?.model ?? '?'}; load average ${fmtLoad(loadBefore)} at the start, ${fmtLoad(loadavg())} at the end`,
    goal: 'ratio engine / hand-written >= 0.8',
    rows: rows.map((r) => ({
      optimizer: r.optimizer,
      engineStepsPerSec: m(r.engineStepsPerSec),
      handStepsPerSec: m(r.handStepsPerSec),
      ratio: Number(median(r.ratios).toFixed(3)),
      ratioMin: Number(Math.min(...r.ratios).toFixed(3)),
      ratioMax: Number(Math.max(...r.ratios).toFixed(3)),
      sameLastPoint: r.sameLastPoint,
    })),
  };
  writeFileSync(new URL('./results/optimizers.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  const md = [
    '# One trajectory: the engine against a hand-written loop',
    '',
    `Generated by bench/optimizers.bench.ts. ${result.note}. ${result.machine}. Steps per second: median (min–max); ratio: median of the per-pair ratios (min–max).`,
    '',
    '| optimizer | engine M steps/s | hand-written M steps/s | engine / hand | same last point |',
    '| --- | ---: | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${r.optimizer} | ${withSpread(r.engineStepsPerSec.map((x) => x / 1e6), 2)} | ${withSpread(r.handStepsPerSec.map((x) => x / 1e6), 2)} | ${withSpread(r.ratios, 2)} | ${r.sameLastPoint ? 'yes' : 'NO'} |`),
    '',
  ];
  writeFileSync(new URL('./results/optimizers.md', import.meta.url), md.join('\n'));
  console.log(md.join('\n'));
}
