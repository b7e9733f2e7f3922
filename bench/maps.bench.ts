// The batched JS engine's speed (issue 19), side by side in one run, CPU time, paired:
//   a) GD basin map (Rosenbrock, 256^2 starts x 500 steps, lr 1e-4): the engine against a
//      hand-written pixel-outer loop of the same semantics (bench/maps/handLoops.ts; every end
//      point must be the engine's, bit for bit), and against the anchor, ericphanson/
//      newtons-method's own per-pixel basin code (bench/maps/anchor.ts);
//   b) Adam basin map (Himmelblau, 256^2 x 500, lr 0.05): engine against its hand loop;
//   c) sweep map (Adam lr x beta1, 128^2 x 500): its per-step rate against the Adam basin map's;
//   d) the GD map through the app's worker API on 1 and on 2 worker threads (wall clock: two
//      threads share the process's CPU time), against the anchor on one thread;
//   e) the first map in a fresh worker against the next one in the same worker.
// The worker figures are wall clock (parallel speed-up is not a CPU-time quantity), repeated,
// with the load average recorded at each repetition: on a machine shared with other jobs they
// are only what the machine gave at the time.
// Writes bench/results/maps.{json,md}. Run: npx tsx bench/maps.bench.ts [pairs, default 5]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchJob } from '../src/batch/batchJob';
import { rowsForWorker } from '../src/batch/outcome';
import { handAdam, handGd, handGdNested, type HandOutcome } from './maps/handLoops';
import { adamBasins, adamSweep, allRows, engineKernel, gdBasins, runEngine, STEPS } from './maps/jobs';
import type { MapAnswer, MapRequest } from './maps/worker';
import { cpuSeconds, median, paired, withSpread } from './timing';

const PAIRS = Number(process.argv[2] ?? 5);
const ANCHOR_ROWS = 16;
const rate = (work: number, seconds: number) => work / seconds / 1e6;
const rates = (work: number, seconds: number[]) => seconds.map((s) => rate(work, s));

function sameEnds(engine: { endX: Float64Array; endY: Float64Array; steps: Int32Array }, hand: HandOutcome): boolean {
  for (let k = 0; k < hand.endX.length; k++) {
    if (!Object.is(engine.endX[k], hand.endX[k]) || !Object.is(engine.endY[k], hand.endY[k]) || engine.steps[k] !== hand.steps[k]) return false;
  }
  return true;
}

interface Row {
  name: string;
  /** M pixel-steps/s per repetition. */
  engine: number[];
  reference: number[];
  referenceName: string;
  /** engine speed / reference speed, per pair. */
  ratios: number[];
  goal: string;
  note: string;
}

function engineVsHand(name: string, job: BatchJob, hand: (job: BatchJob) => HandOutcome, goal: string, referenceName = 'hand-written pixel-outer loop (the job as data)'): Row {
  const e = runEngine(job);
  const h = hand(job);
  if (!sameEnds(e.outcome, h)) throw new Error(`${name}: the hand-written loop does not end where the engine does`);
  const p = paired(PAIRS, () => runEngine(job), () => hand(job));
  return { name: `${name} [${engineKernel(job)}]`, engine: rates(e.work, p.a), reference: rates(e.work, p.b), referenceName, ratios: p.ratios, goal, note: 'every end point and step count identical (asserted)' };
}

console.log(`maps.bench: ${PAIRS} pairs per comparison; ${cpus().length} x ${cpus()[0]?.model ?? '?'}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const rows: Row[] = [];

// a, b
const gd = gdBasins();
rows.push(engineVsHand('GD basin map, 256^2 x 500, Rosenbrock', gd, handGd, '>= 0.8'));
console.log(rows.at(-1));
const adam = adamBasins();
rows.push(engineVsHand('Adam basin map, 256^2 x 500, Himmelblau', adam, handAdam, '>= 0.8'));
console.log(rows.at(-1));
rows.push(engineVsHand('GD basin map, 256^2 x 500, Rosenbrock', gd, handGdNested, '(information)', 'the same loop as one loop nest (V8 may fold the job into it)'));
console.log(rows.at(-1));

// the anchor: a slice of its rows (its whole map takes ~10 s), each timed call in a fresh Node
// process of its own (bench/maps/anchorAlone.ts says why), taking turns with the engine's map here
function anchorAlone(): { work: number; seconds: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./maps/anchorAlone.ts', import.meta.url)), String(ANCHOR_ROWS), String(STEPS), '0.0001', '1'], { encoding: 'utf8' });
  const r = JSON.parse(out) as { work: number; seconds: number[] };
  return { work: r.work, seconds: r.seconds[0] };
}
const anchorWork = anchorAlone().work;
const gdWork = runEngine(gd).work;
{
  const p: { a: number[]; b: number[] } = { a: [], b: [] };
  for (let k = 0; k < Math.max(3, PAIRS - 2); k++) {
    p.a.push(cpuSeconds(() => runEngine(gd)));
    p.b.push(anchorAlone().seconds);
  }
  rows.push({
    name: `GD basin map, 256^2 x 500, Rosenbrock (1 thread) [${engineKernel(gd)}]`,
    engine: rates(gdWork, p.a),
    reference: rates(anchorWork, p.b),
    referenceName: `anchor: newtons-method's per-pixel GD (${ANCHOR_ROWS} of its 256 rows, in a process of its own)`,
    ratios: p.a.map((ta, k) => rate(gdWork, ta) / rate(anchorWork, p.b[k])),
    goal: '>= 12',
    note: 'the anchor records every iteration, as its basin code does',
  });
  console.log(rows.at(-1));
}

// c
const sweep = adamSweep();
{
  const sweepWork = runEngine(sweep).work;
  const adamWork = runEngine(adam).work;
  const p = paired(PAIRS, () => runEngine(sweep), () => runEngine(adam));
  rows.push({
    name: `sweep map, Adam lr x beta1, 128^2 x 500, Himmelblau [${engineKernel(sweep)}]`,
    engine: rates(sweepWork, p.a),
    reference: rates(adamWork, p.b),
    referenceName: `the Adam basin map (engine) [${engineKernel(adam)}]`,
    ratios: p.a.map((ta, k) => rate(sweepWork, ta) / rate(adamWork, p.b[k])),
    goal: '>= 0.5',
    note: 'per-step rate; the step scalars are shared per beta1 (one table per row of the sweep)',
  });
  console.log(rows.at(-1));
}

// d, e: worker threads running the app's worker API
function startWorker(): Worker {
  return new Worker(new URL('./maps/workerEntry.mjs', import.meta.url));
}
function ask(w: Worker, req: MapRequest): Promise<MapAnswer> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: MapAnswer) => {
      w.off('error', reject);
      resolve(answer);
    };
    w.once('message', onMessage);
    w.once('error', reject);
    w.postMessage(req);
  });
}
/** Wall seconds of the whole map split over `workers` (warm) threads. */
async function onWorkers(workers: Worker[], job: BatchJob): Promise<number> {
  const t0 = performance.now();
  await Promise.all(workers.map((w, k) => ask(w, { job, rows: rowsForWorker(job.grid.ny, k, workers.length) })));
  return (performance.now() - t0) / 1000;
}

const pool = [startWorker(), startWorker()];
await onWorkers(pool, gd); // warm both
const wall1: number[] = [];
const wall2: number[] = [];
/** The 1-minute load average before each repetition (1 worker, then 2). */
const loads: number[] = [];
const WALL_REPS = Math.max(5, PAIRS);
for (let k = 0; k < WALL_REPS; k++) {
  loads.push(loadavg()[0]);
  wall1.push(await onWorkers(pool.slice(0, 1), gd));
  loads.push(loadavg()[0]);
  wall2.push(await onWorkers(pool, gd));
}
await Promise.all(pool.map((w) => w.terminate()));
const anchorRow = rows.find((r) => r.referenceName.startsWith('anchor'))!;
const anchorRate = median(anchorRow.reference);
const workerRows = [
  { workers: 1, wall: wall1, rates: rates(gdWork, wall1) },
  { workers: 2, wall: wall2, rates: rates(gdWork, wall2) },
];
const speedUps = wall1.map((w, k) => w / wall2[k]);
console.log(workerRows, loads);

const fresh: { first: number; warm: number }[] = [];
for (let k = 0; k < Math.max(3, PAIRS - 2); k++) {
  const w = startWorker();
  const first = await ask(w, { job: gd, rows: allRows(gd) });
  const warm = await ask(w, { job: gd, rows: allRows(gd) });
  await w.terminate();
  fresh.push({ first: first.cpuS, warm: warm.cpuS });
}
const freshRatios = fresh.map((r) => r.warm / r.first);
console.log(fresh);

// --- report
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end; ${date}`;
const md: string[] = [
  '# Batched JS engine: basin and sweep maps (Node)',
  '',
  `Generated by bench/maps.bench.ts. ${machine}. CPU time of the process (user + system), ${PAIRS} paired repetitions (the two sides take turns), medians with (min–max); a ratio is the median of the per-pair ratios. M pixel-steps/s.`,
  '',
  '| work | engine | reference | reference is | engine / reference | goal |',
  '| --- | ---: | ---: | --- | ---: | --- |',
  ...rows.map((r) => `| ${r.name} | ${withSpread(r.engine, 1)} | ${withSpread(r.reference, 1)} | ${r.referenceName} | ${withSpread(r.ratios, 2)} | ${r.goal} |`),
  '',
  `The anchor runs at ${anchorRate.toFixed(2)} M steps/s here.`,
  '',
  '## Worker threads (the app\'s worker API, createBatchApi().runJs; wall clock)',
  '',
  `The GD map split over 1 and 2 warm worker threads, ${WALL_REPS} repetitions taking turns; wall seconds, medians with (min–max). The 1-minute load average before the repetitions ranged ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)}). "x anchor" divides the wall rate by the anchor's single-thread CPU-time rate above.`,
  '',
  '| workers | wall s | M pixel-steps/s | x anchor (1 thread) | goal |',
  '| ---: | ---: | ---: | ---: | --- |',
  ...workerRows.map((w) => `| ${w.workers} | ${withSpread(w.wall, 3)} | ${withSpread(w.rates, 1)} | ${withSpread(w.rates.map((r) => r / anchorRate), 1)} | ${w.workers === cpus().length ? '>= 20' : ''} |`),
  '',
  `Speed-up of 2 workers over 1, per repetition: ${withSpread(speedUps, 2)}. This machine has ${cpus().length} cores, shared with other jobs (the load average above): ${cpus().length} workers can at best make ${cpus().length}x the 1-worker figure, and only while nothing else runs; with a load average above ${cpus().length} the other jobs take their share of both cores.`,
  '',
  '## First map in a fresh worker',
  '',
  `The GD map in a newly started worker thread, then again in the same worker (CPU seconds): first ${withSpread(fresh.map((r) => r.first), 3)}, warm ${withSpread(fresh.map((r) => r.warm), 3)}; speed of the first relative to the warm one ${withSpread(freshRatios, 2)} (goal >= 0.9).`,
  '',
];
writeFileSync(new URL('./results/maps.md', import.meta.url), md.join('\n'));
writeFileSync(new URL('./results/maps.json', import.meta.url), JSON.stringify({ machine, pairs: PAIRS, rows, anchorRate, workerRows, loads, speedUps, fresh }, null, 2) + '\n');
console.log(md.join('\n'));
