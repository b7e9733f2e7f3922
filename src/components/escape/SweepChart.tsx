// The sweep of the median escape step over the run's noise knob (log x axis): a line through the
// medians and the band between the quartiles, a dot per value; values where no seed escaped are
// marked on the axis.
import { area, line, scaleLinear, scaleLog } from 'd3';
import { fmtNum } from '../../optim/verdict';
import type { EscapeSweep } from '../../state/escape/escapeRuns';

const M = { top: 14, right: 14, bottom: 32, left: 44 };

export function SweepChart({ sweep, knob, width = 380, height = 180 }: { sweep: EscapeSweep; knob: string; width?: number; height?: number }) {
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const values = sweep.points.map((p) => p.value);
  const escaped = sweep.points.filter((p) => p.summary.escape !== null);
  const lo = Math.min(...values, sweep.job.randomness.value / 10);
  const hi = Math.max(...values, sweep.job.randomness.value * 10);
  const x = scaleLog().domain([lo, hi]).range([0, w]);
  const y = scaleLinear().domain([0, Math.max(1, ...escaped.map((p) => p.summary.escape?.q3 ?? 0))]).nice().range([h, 0]);
  const mid = line<(typeof escaped)[number]>().x((p) => x(p.value)).y((p) => y(p.summary.escape?.median ?? 0));
  const band = area<(typeof escaped)[number]>().x((p) => x(p.value)).y0((p) => y(p.summary.escape?.q1 ?? 0)).y1((p) => y(p.summary.escape?.q3 ?? 0));
  return (
    <figure className="escape-chart" data-testid="escape-sweep-chart" data-points={sweep.points.length}>
      <figcaption>Median escape step against {knob} ({sweep.seeds} seeds each)</figcaption>
      <svg width={width} height={height} role="img" aria-label="median escape step against the noise">
        <g transform={`translate(${M.left},${M.top})`}>
          <path className="escape-band" d={band(escaped) ?? ''} />
          <path className="escape-line" d={mid(escaped) ?? ''} />
          {escaped.map((p) => (
            <circle key={p.value} className="escape-dot" cx={x(p.value)} cy={y(p.summary.escape?.median ?? 0)} r={3}>
              <title>{`${knob} ${fmtNum(p.value)}: median ${p.summary.escape?.median}, quartiles ${p.summary.escape?.q1} to ${p.summary.escape?.q3}; ${p.summary.escaped} of ${p.summary.seeds} escaped`}</title>
            </circle>
          ))}
          {sweep.points.filter((p) => p.summary.escape === null).map((p) => (
            <text key={p.value} className="escape-none" x={x(p.value)} y={h - 4} textAnchor="middle">×<title>{`${knob} ${fmtNum(p.value)}: no seed escaped`}</title></text>
          ))}
          <line className="escape-axis" x1={0} x2={w} y1={h} y2={h} />
          {x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9).map((t) => (
            <text key={t} className="escape-tick" x={x(t)} y={h + 14} textAnchor="middle">{fmtNum(t)}</text>
          ))}
          {y.ticks(4).map((t) => (
            <text key={t} className="escape-tick" x={-6} y={y(t) + 3} textAnchor="end">{t}</text>
          ))}
          <text className="escape-tick" x={w / 2} y={h + 28} textAnchor="middle">{knob} (log)</text>
        </g>
      </svg>
    </figure>
  );
}
