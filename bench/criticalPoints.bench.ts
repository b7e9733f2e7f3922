// How long does the critical-point search take? For every catalogue surface over its view
// window: the closed-form surface, and the same surface typed as an expression (compiled by
// src/surfaces/expr, the path a custom surface takes). Median of REPETITIONS runs after a warm-up,
// plus the best run (on a shared machine the median carries other processes' load).
// Writes bench/results/criticalPoints.json. Run: npx tsx bench/criticalPoints.bench.ts
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { SURFACE_IDS, type SurfaceId } from '../src/experiment/types';
import { CATALOGUE } from '../src/surfaces/catalogue';
import { searchCriticalPoints } from '../src/surfaces/critical';
import { compileSurface } from '../src/surfaces/expr';
import type { Surface } from '../src/surfaces/types';

const REPETITIONS = 15;
/** Targets of the brief: 200 ms per surface, 1 s for the two egg-box surfaces (441 points). */
const TARGET_MS: Partial<Record<SurfaceId, number>> = { rastrigin: 1000, ackley: 1000 };
const DEFAULT_TARGET_MS = 200;

interface Timing {
  medianMs: number;
  bestMs: number;
  points: number;
  seedsPerAxis: number;
}

function time(surface: Surface, window: Surface['view']): Timing {
  const first = searchCriticalPoints(surface, window); // warm-up (JIT), and the counts
  const ms: number[] = [];
  for (let k = 0; k < REPETITIONS; k++) {
    const t0 = performance.now();
    searchCriticalPoints(surface, window);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { medianMs: round(ms[ms.length >> 1]), bestMs: round(ms[0]), points: first.points.length, seedsPerAxis: first.seedsPerAxis };
}

const machine = `${cpus().length} x ${cpus()[0]?.model ?? '?'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`;
const rows = SURFACE_IDS.map((id) => {
  const surface = CATALOGUE[id];
  const closed = time(surface, surface.view);
  const compiled = compileSurface(surface.expression);
  if (!compiled.ok) throw new Error(`${id}: the catalogue expression does not compile`);
  const expression = time(compiled.surface, surface.view);
  const targetMs = TARGET_MS[id] ?? DEFAULT_TARGET_MS;
  return {
    surface: id,
    points: closed.points,
    expressionPoints: expression.points,
    seedsPerAxis: closed.seedsPerAxis,
    medianMs: closed.medianMs,
    bestMs: closed.bestMs,
    expressionMedianMs: expression.medianMs,
    expressionBestMs: expression.bestMs,
    targetMs,
    withinTarget: closed.medianMs <= targetMs,
  };
});

const result = {
  note: `findCriticalPoints over each surface's view window; median and best of ${REPETITIONS} runs after a warm-up; Node ${process.version}`,
  goal: 'median under 200 ms per surface, under 1000 ms for rastrigin and ackley',
  machine,
  date: new Date().toISOString(),
  rows,
};
writeFileSync(new URL('./results/criticalPoints.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');

console.log(result.note, '\n' + machine, '\n');
console.log('| surface | points | seeds/axis | median ms | best ms | expression: median ms | best ms | target ms | within |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
for (const r of rows) {
  const points = r.points === r.expressionPoints ? `${r.points}` : `${r.points} (expr ${r.expressionPoints})`;
  const cells = [r.surface, points, r.seedsPerAxis, r.medianMs, r.bestMs, r.expressionMedianMs, r.expressionBestMs, r.targetMs];
  console.log(`| ${cells.join(' | ')} | ${r.withinTarget ? 'yes' : 'NO'} |`);
}
