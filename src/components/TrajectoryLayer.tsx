// Each run's path as an SVG polyline (decimated, built incrementally: see trajectoryPath.ts),
// with start, head and verdict markers, pgd's perturbations and the hovered step.
import { memo } from 'react';
import type { RunTrace } from '../state/traces';
import { Glyph } from './Glyph';
import { trajectoryPath } from './trajectoryPath';
import type { PlotScales } from './usePlotScales';

const TAIL_STEPS = 60;

export const TrajectoryLayer = memo(function TrajectoryLayer({
  traces,
  scales,
  hoverStep,
  upTo,
  fadeTail,
}: {
  traces: RunTrace[];
  scales: PlotScales;
  revision: number;
  hoverStep: number | null;
  /** Draw each path up to this step only (the scrubber), or everything when null. */
  upTo: number | null;
  fadeTail: boolean;
}) {
  return (
    <g className="trajectories">
      {traces.map((t, i) => {
        const n = upTo === null ? t.length : Math.min(t.length, upTo + 1);
        if (n === 0) return null;
        const hx = scales.x(t.xy[2 * (n - 1)]);
        const hy = scales.y(t.xy[2 * (n - 1) + 1]);
        // The end glyph shows the verdict only once the drawn path reaches the stop.
        const endKind = t.stop && n === t.length ? (t.stop.reason === 'diverged' ? 'diverged' : (t.stop.kind ?? 'degenerate')) : 'running';
        return (
          <g key={i} data-testid={`trajectory-${i}`} data-points={t.length}>
            <path d={trajectoryPath(t, scales, n)} fill="none" stroke={t.color} strokeWidth={2} strokeLinejoin="round" strokeOpacity={fadeTail ? 0.18 : 1} />
            {fadeTail && <path d={trajectoryPath(t, scales, n, Math.max(0, n - TAIL_STEPS))} fill="none" stroke={t.color} strokeWidth={2.5} strokeLinejoin="round" />}
            <circle cx={scales.x(t.xy[0])} cy={scales.y(t.xy[1])} r={4} fill="white" stroke={t.color} strokeWidth={2} />
            {t.perturbations.filter((step) => step < n).map((step) => (
              <circle key={step} cx={scales.x(t.xy[2 * step])} cy={scales.y(t.xy[2 * step + 1])} r={7} fill="none" stroke={t.color} strokeDasharray="2 2" data-testid={`perturbation-${i}`} />
            ))}
            <Glyph kind={endKind} x={hx} y={hy} size={endKind === 'running' ? 5 : 7} fill={t.color} data-testid={`end-${i}`} data-kind={endKind} />
            {hoverStep !== null && hoverStep < t.length && (
              <circle cx={scales.x(t.xy[2 * hoverStep])} cy={scales.y(t.xy[2 * hoverStep + 1])} r={6} fill="none" stroke={t.color} strokeWidth={2.5} data-testid={`hover-${i}`} />
            )}
          </g>
        );
      })}
    </g>
  );
});
