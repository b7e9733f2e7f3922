// Output formats of the CLI: the RunResult array as JSON, or one CSV row per point.
import type { RunResult } from '../experiment/types';

export function toCsv(results: RunResult[]): string {
  const lines = ['step,run,x,y,f,gradNorm'];
  results.forEach((r, run) => {
    r.points.forEach(([x, y], step) => {
      lines.push(`${step},${run},${x},${y},${r.f[step]},${r.gradNorm[step]}`);
    });
  });
  return lines.join('\n') + '\n';
}
