// Output formats of the CLI: the RunResult array as JSON, or one CSV row per point; a map as
// one JSON object, or one CSV row per cell (in the JSON's order). Numbers are written in full
// (round-trip) precision, as String(n) writes them.
import type { RunResult } from '../experiment/types';
import { trajectoryCsv } from '../optim/csv';
import type { BasinMapResult, SweepMapResult } from './maps';

export function toCsv(results: RunResult[]): string {
  return trajectoryCsv(results.map((r) => ({ xy: r.points.flat(), f: r.f, gradNorm: r.gradNorm, length: r.points.length })));
}

const rows = (header: string, lines: (string | number)[][]) => [header, ...lines.map((l) => l.join(','))].join('\n') + '\n';

/** startX,startY,endX,endY,steps,reason,point (point empty when the run ended at no critical point). */
export function basinCsv(map: BasinMapResult): string {
  return rows('startX,startY,endX,endY,steps,reason,point', map.cells.map((c) => [...c.start, ...c.end, c.steps, c.reason, c.point ?? '']));
}

/** The two swept parameters by name, then endX,endY,f,steps,reason. */
export function sweepCsv(map: SweepMapResult): string {
  return rows(`${map.x.param},${map.y.param},endX,endY,f,steps,reason`, map.cells.map((c) => [...c.values, ...c.end, c.f, c.steps, c.reason]));
}
