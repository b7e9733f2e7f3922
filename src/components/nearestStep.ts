// The step of any path nearest the pointer, within a few pixels (for linked hovering).
import type { RunTrace } from '../state/traces';
import type { PlotScales } from './usePlotScales';

const RADIUS_PX = 8;

export function nearestStep(traces: RunTrace[], scales: PlotScales, px: number, py: number): number | null {
  let best: number | null = null;
  let bestD = RADIUS_PX * RADIUS_PX;
  for (const t of traces) {
    for (let i = 0; i < t.length; i++) {
      const dx = scales.x(t.xy[2 * i]) - px;
      const dy = scales.y(t.xy[2 * i + 1]) - py;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
  }
  return best;
}
