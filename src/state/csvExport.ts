// The explorer's CSV export: a network's training series, a surface's x, y, or a function
// problem's every coordinate x1 .. xd per point: the bytes the CLI's --format csv writes for
// the same experiment (csvExport.test.ts).
import { networkCsv } from '../nets/csv';
import { trajectoryCsv, vectorTrajectoryCsv } from '../optim/csv';
import type { AppState } from './store';

export function trajectoriesCsv(s: Pick<AppState, 'mode' | 'netTraces' | 'traces' | 'fn'>): { name: string; text: string } {
  if (s.mode === 'network') return { name: 'training.csv', text: networkCsv(s.netTraces) };
  if (s.fn) return { name: 'trajectories.csv', text: vectorTrajectoryCsv(s.traces, s.fn.info.dim) };
  return { name: 'trajectories.csv', text: trajectoryCsv(s.traces) };
}
