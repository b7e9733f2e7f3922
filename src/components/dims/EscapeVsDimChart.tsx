// Escape time against d on log-log axes: per run the median escape step over the seeds (line and
// dots) and the band between its quartiles; a dimension where the median is censored (half the
// seeds or more never escaped) is marked × at the top; the dashed reference c log d passes
// through the point logDReference names.
import { area, line, scaleLog } from 'd3';
import type { EscapeRow, EscapeVsDim } from '../../optim/escape';
import { logDomain, logDReference, logSamples } from '../../state/dims/figureMath';
import { runColor } from '../../state/traces';
import { LogLogAxes } from './LogLogAxes';

const M = { top: 16, right: 70, bottom: 38, left: 50 };

export function EscapeVsDimChart({ figure, width = 520, height = 280 }: { figure: EscapeVsDim; width?: number; height?: number }) {
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const dims = figure.runs[0]?.rows.map((r) => r.dim) ?? [];
  const ref = logDReference(figure);
  const [d0, d1] = [Math.min(...dims), Math.max(...dims)];
  const steps = figure.runs.flatMap((r) => r.rows.flatMap((row) => [row.q1, row.median, row.q3])).filter((v): v is number => v !== null);
  const x = scaleLog().domain(logDomain(dims)).range([0, w]);
  const y = scaleLog().domain(logDomain([...steps, ...(ref ? [ref.at(Math.max(d0, 2)), ref.at(d1)] : [])])).range([h, 0]);
  const band = area<EscapeRow>().defined((r) => r.q1 !== null && r.q3 !== null && r.q1 > 0).x((r) => x(r.dim)).y0((r) => y(r.q1 as number)).y1((r) => y(r.q3 as number));
  const mid = line<EscapeRow>().defined((r) => r.median !== null && r.median > 0).x((r) => x(r.dim)).y((r) => y(r.median as number));
  const refPoints = ref ? logSamples(Math.max(d0, 2), d1, ref.at) : [];
  const refPath = line<{ x: number; y: number }>().x((p) => x(p.x)).y((p) => y(p.y))(refPoints) ?? '';
  return (
    <svg width={width} height={height} role="img" aria-label="escape step against the dimension, log-log" data-testid="escape-vs-dim-chart">
      <g transform={`translate(${M.left},${M.top})`}>
        <LogLogAxes x={x} y={y} width={w} height={h} xTitle="dimension d (log)" yTitle="escape step (log)" />
        {ref ? (
          <g className="dimfig-reference" data-testid="escape-reference">
            <path d={refPath} strokeDasharray="6 4" />
            <text x={w + 4} y={y(ref.at(d1)) + 3}>∝ log d</text>
          </g>
        ) : null}
        {figure.runs.map((r, i) => (
          <g key={i} style={{ color: runColor(i) }} data-testid={`escape-run-${i}`}>
            <path className="dimfig-band" d={band(r.rows) ?? ''} />
            <path className="dimfig-line" d={mid(r.rows) ?? ''} />
            {r.rows.map((row) =>
              row.median !== null ? (
                <circle key={row.dim} className="dimfig-dot" cx={x(row.dim)} cy={y(row.median)} r={3}>
                  <title>{`${r.label}, d = ${row.dim}: median ${row.median} (quartiles ${row.q1} to ${row.q3 ?? 'censored'}); ${row.times.length - row.escaped} of ${row.times.length} seeds never escaped`}</title>
                </circle>
              ) : (
                <text key={row.dim} className="dimfig-censored" x={x(row.dim)} y={8 + 10 * i} textAnchor="middle">
                  ×<title>{`${r.label}, d = ${row.dim}: the median is censored: only ${row.escaped} of ${row.times.length} seeds escaped`}</title>
                </text>
              ),
            )}
          </g>
        ))}
      </g>
    </svg>
  );
}
