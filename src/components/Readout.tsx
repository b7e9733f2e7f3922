// What is under the pointer: x, y, f, ||grad f|| and the Hessian's eigenvalues, or the exact
// values of a hovered critical point. And the legend of critical-point kinds.
import { fmtNum } from '../optim/verdict';
import { useStore } from '../state/store';
import type { PointKind } from '../experiment/types';
import { Glyph, KIND_COLORS } from './Glyph';
import { PlaneLegend } from './dims/PlaneLegend';
import { PlaneReadout } from './dims/PlaneReadout';

export function Readout() {
  const probe = useStore((s) => s.probe);
  const point = useStore((s) => s.hoveredPoint);
  const planeProbe = useStore((s) => s.planeProbe);
  const onPlane = useStore((s) => s.fn !== null);
  if (planeProbe) return <PlaneReadout probe={planeProbe} />;
  if (point) {
    return (
      <div className="readout" data-testid="readout" aria-live="polite">
        <strong>{point.kind}</strong> at ({point.x}, {point.y}) · f = {point.f} ·{' '}
        {point.smooth ? `λ = ${point.eigenvalues[0]}, ${point.eigenvalues[1]}` : 'not smooth here (a cusp or crease): the kind comes from the slopes around it'}
      </div>
    );
  }
  if (!probe) {
    // A function problem's plane readout has the point in R^d, f and ||grad f||, not the Hessian.
    const reads = onPlane ? 'the point of R^d under the pointer, f and ||grad f||' : "f, ||grad f|| and the Hessian's eigenvalues";
    return <div className="readout muted">Hover the plot to read {reads}; click to start run 1 there, scroll to zoom, drag to pan.</div>;
  }
  return (
    <div className="readout" data-testid="readout" aria-live="polite">
      x = {fmtNum(probe.x)}, y = {fmtNum(probe.y)} · f = {fmtNum(probe.f)} · ||grad f|| = {fmtNum(probe.gradNorm)} · λ = {fmtNum(probe.eigenvalues[0])},{' '}
      {fmtNum(probe.eigenvalues[1])}
    </div>
  );
}

const KINDS: PointKind[] = ['minimum', 'saddle', 'maximum', 'degenerate'];

export function CriticalLegend() {
  const points = useStore((s) => s.criticalPoints);
  const truncated = useStore((s) => s.criticalTruncated);
  const isPlane = useStore((s) => s.fn !== null);
  if (isPlane) return <PlaneLegend />;
  if (!points) return <div className="legend muted">Finding critical points…</div>;
  return (
    <div className="legend" data-testid="legend">
      {KINDS.map((k) => {
        const n = points.filter((p) => p.kind === k).length;
        return (
          <span key={k} className="legend-item" data-testid={`legend-${k}`} data-count={n}>
            <svg width={16} height={16} aria-hidden>
              <Glyph kind={k} x={8} y={8} size={5} fill={KIND_COLORS[k]} />
            </svg>
            {k} ({n})
          </span>
        );
      })}
      {truncated !== null && <span className="legend-item warn">{points.length} points found; the search may have missed some: {truncated}</span>}
      <span className="legend-item">
        <svg width={30} height={10} aria-hidden><line x1={2} y1={5} x2={28} y2={5} stroke="#b30000" strokeWidth={2} /></svg>descent
      </span>
      <span className="legend-item">
        <svg width={30} height={10} aria-hidden><line x1={2} y1={5} x2={28} y2={5} stroke="currentColor" strokeDasharray="3 2" /></svg>ascent
      </span>
    </div>
  );
}
