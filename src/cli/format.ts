// Output formats of the CLI: the RunResult array as JSON, or one CSV row per point.
import type { RunResult } from '../experiment/types';
import { trajectoryCsv } from '../optim/csv';

export function toCsv(results: RunResult[]): string {
  return trajectoryCsv(results.map((r) => ({ xy: r.points.flat(), f: r.f, gradNorm: r.gradNorm, length: r.points.length })));
}
