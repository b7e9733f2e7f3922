// Every critical point in view, one glyph and colour per kind. At a saddle, short arrows along
// the Hessian's eigenvectors: solid along the descent direction (negative eigenvalue), dashed
// along the ascent direction, so a learner sees why it is a saddle.
import { memo } from 'react';
import { useStore } from '../state/store';
import type { CriticalPoint } from '../surfaces/critical';
import { Glyph, KIND_COLORS } from './Glyph';
import type { PlotScales } from './usePlotScales';

const ARROW_PX = 22;

function Arrows({ p, scales }: { p: CriticalPoint; scales: PlotScales }) {
  const cx = scales.x(p.x);
  const cy = scales.y(p.y);
  return (
    <g className="eigen-arrows" pointerEvents="none">
      {p.eigenvectors.map(([vx, vy], i) => {
        // Pixel direction of the eigenvector (the y axis points down on screen).
        const dx = scales.x(p.x + vx) - cx;
        const dy = scales.y(p.y + vy) - cy;
        const n = Math.hypot(dx, dy) || 1;
        const ux = (dx / n) * ARROW_PX;
        const uy = (dy / n) * ARROW_PX;
        const descent = p.eigenvalues[i] < 0;
        return (
          <g key={i} data-testid={descent ? 'descent-arrow' : 'ascent-arrow'}>
            {[1, -1].map((sgn) => (
              <line
                key={sgn}
                x1={cx + sgn * ux * 0.35}
                y1={cy + sgn * uy * 0.35}
                x2={cx + sgn * ux}
                y2={cy + sgn * uy}
                stroke={descent ? '#b30000' : '#1b1b1b'}
                strokeWidth={descent ? 2 : 1.5}
                strokeDasharray={descent ? undefined : '3 2'}
                markerEnd={descent ? 'url(#arrow-descent)' : 'url(#arrow-ascent)'}
              />
            ))}
          </g>
        );
      })}
    </g>
  );
}

export const CriticalPointsLayer = memo(function CriticalPointsLayer({ points, scales }: { points: CriticalPoint[]; scales: PlotScales }) {
  const small = points.length > 60;
  return (
    <g className="critical-points" data-testid="critical-points" data-count={points.length}>
      <defs>
        <marker id="arrow-descent" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto">
          <path d="M0,0L10,5L0,10z" fill="#b30000" />
        </marker>
        <marker id="arrow-ascent" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto">
          <path d="M0,0L10,5L0,10z" fill="#1b1b1b" />
        </marker>
      </defs>
      {!small && points.filter((p) => p.kind === 'saddle').map((p, i) => <Arrows key={`a${i}`} p={p} scales={scales} />)}
      {points.map((p, i) => (
        <g
          key={i}
          onPointerEnter={() => useStore.setState({ hoveredPoint: p })}
          onPointerLeave={() => useStore.setState({ hoveredPoint: null })}
          style={{ cursor: 'help' }}
        >
          <title>{`${p.kind} at (${p.x}, ${p.y}), f = ${p.f}, lambda = ${p.eigenvalues[0]}, ${p.eigenvalues[1]}`}</title>
          <Glyph kind={p.kind} x={scales.x(p.x)} y={scales.y(p.y)} size={small ? 3.5 : 5.5} fill={KIND_COLORS[p.kind]} data-testid={`cp-${p.kind}`} />
        </g>
      ))}
    </g>
  );
});
