// Rates against eps on log-log axes: x is 1/eps, y the first step at which ||grad f|| <= eps;
// per run its points (an eps reached at step 0, or never, has no point: the table says so); the
// references steps ~ eps^-2 (dashed) and steps ~ log(1/eps) (dotted) through the point
// rateReferences names, clipped to the plot.
import { line, scaleLog } from 'd3';
import { useId } from 'react';
import type { Rates } from '../../optim/rates';
import { logDomain, logSamples, rateReferences } from '../../state/dims/figureMath';
import { runColor } from '../../state/traces';
import { LogLogAxes } from './LogLogAxes';

const M = { top: 16, right: 96, bottom: 38, left: 50 };

type Point = { x: number; y: number; eps?: number };

export function RatesChart({ rates, width = 520, height = 280 }: { rates: Rates; width?: number; height?: number }) {
  const clipId = useId();
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const inv = rates.eps.map((e) => 1 / e);
  const points = rates.runs.map((r) => r.steps.flatMap((t, k): Point[] => (t !== null && t >= 1 ? [{ x: inv[k], y: t, eps: rates.eps[k] }] : [])));
  const ref = rateReferences(rates);
  const x = scaleLog().domain(logDomain(inv)).range([0, w]);
  const y = scaleLog().domain(logDomain(points.flat().map((p) => p.y))).range([h, 0]);
  const path = line<Point>().x((p) => x(p.x)).y((p) => y(p.y));
  const [lo, hi] = [Math.min(...inv), Math.max(...inv)];
  const refs = ref
    ? [
        { id: 'inverse-square', label: '∝ 1/eps²', f: ref.inverseSquare, dash: '6 4' },
        { id: 'log', label: '∝ log(1/eps)', f: ref.logarithmic, dash: '2 3' },
      ]
    : [];
  // a reference's label sits where it leaves the plot or at its right end
  const labelAt = (f: (v: number) => number): Point => {
    const top = y.domain()[1];
    const pts = logSamples(ref?.anchor.x ?? lo, hi, f, 60);
    const inside = pts.filter((p) => p.y <= top);
    return inside[inside.length - 1] ?? pts[0];
  };
  return (
    <svg width={width} height={height} role="img" aria-label="first step with gradient norm at most eps, against 1/eps, log-log" data-testid="rates-chart">
      <defs>
        <clipPath id={clipId}>
          <rect width={w} height={h} />
        </clipPath>
      </defs>
      <g transform={`translate(${M.left},${M.top})`}>
        <LogLogAxes x={x} y={y} width={w} height={h} xTitle="1/eps (log)" yTitle="first step with ||grad f|| <= eps (log)" />
        {refs.map((r) => {
          const at = labelAt(r.f);
          return (
            <g key={r.id} className="dimfig-reference" data-testid={`rates-reference-${r.id}`}>
              <path d={path(logSamples(lo, hi, r.f, 60)) ?? ''} strokeDasharray={r.dash} clipPath={`url(#${clipId})`} />
              <text x={Math.min(x(at.x) + 4, w + 4)} y={Math.max(10, y(at.y))}>{r.label}</text>
            </g>
          );
        })}
        {rates.runs.map((r, i) => (
          <g key={i} style={{ color: runColor(i) }} data-testid={`rates-run-${i}`}>
            <path className="dimfig-line" d={path(points[i]) ?? ''} />
            {points[i].map((p) => (
              <circle key={p.x} className="dimfig-dot" cx={x(p.x)} cy={y(p.y)} r={3}>
                <title>{`${r.label}: ||grad f|| <= ${p.eps} first at step ${p.y}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </g>
    </svg>
  );
}
