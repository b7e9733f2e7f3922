// Output formats of the CLI's maps: a map as one JSON object, or one CSV row per cell (in the
// JSON's order). Numbers are written in full (round-trip) precision, as String(n) writes them.
// Runs (RunResult[] as JSON or one CSV row per point) are written by stream.ts.
import type { BasinMapResult, SweepMapResult } from './maps';

const rows = (header: string, lines: (string | number)[][]) => [header, ...lines.map((l) => l.join(','))].join('\n') + '\n';

/** startX,startY,endX,endY,steps,reason,point (point empty when the run ended at no critical point). */
export function basinCsv(map: BasinMapResult): string {
  return rows('startX,startY,endX,endY,steps,reason,point', map.cells.map((c) => [...c.start, ...c.end, c.steps, c.reason, c.point ?? '']));
}

/** The two swept parameters by name, then endX,endY,f,steps,reason. */
export function sweepCsv(map: SweepMapResult): string {
  return rows(`${map.x.param},${map.y.param},endX,endY,f,steps,reason`, map.cells.map((c) => [...c.values, ...c.end, c.f, c.steps, c.reason]));
}
