// A line chart of per-step series for the network panel (loss, ||grad L||, held-out loss,
// accuracy): linear or log y, an optional eps line, dashed series for held-out values. Plain
// props, no store: usable on its own.
import { axisBottom, axisLeft, line, scaleLinear, scaleLog, select } from 'd3';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  values: Float64Array;
  /** Values [0, length) are drawn. */
  length: number;
  dashed?: boolean;
}

export interface NetLineChartProps {
  title: string;
  series: ChartSeries[];
  /** Changes whenever the series' contents change (buffers are mutated in place). */
  revision: number;
  log?: boolean;
  /** A horizontal line at eps (the gradTol of the stop rule). */
  eps?: number;
  width?: number;
  height?: number;
  testId: string;
  footer?: ReactNode;
}

const M = { top: 22, right: 12, bottom: 26, left: 54 };
/** Of M.top, the room the title took when it was drawn inside the SVG. */
const TITLE_ROOM = 14;
/** At most this many vertices per series: long runs are sampled evenly (the last point kept). */
const MAX_VERTICES = 1200;

export function NetLineChart({ title, series, revision, log = false, eps, width = 420, height = 190, testId, footer }: NetLineChartProps) {
  const w = Math.max(40, width - M.left - M.right);
  const h = Math.max(40, height - M.top - M.bottom);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);

  const { x, y, paths } = useMemo(() => {
    let maxLen = 2;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series) {
      maxLen = Math.max(maxLen, s.length);
      for (let i = 0; i < s.length; i++) {
        const v = s.values[i];
        if (!Number.isFinite(v) || (log && v <= 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (eps !== undefined && eps > 0) {
      lo = Math.min(lo, eps / 2);
      hi = Math.max(hi, eps * 2);
    }
    if (!(hi >= lo)) [lo, hi] = log ? [1e-3, 1] : [0, 1];
    if (log) lo = Math.max(lo, hi * 1e-14);
    if (hi === lo) [lo, hi] = log ? [lo / 2, hi * 2] : [lo - 1, hi + 1];
    const x = scaleLinear().domain([0, maxLen - 1]).range([0, w]);
    const y = (log ? scaleLog() : scaleLinear()).domain([lo, hi]).range([h, 0]).nice();
    const floor = y.domain()[0];
    const shown = (v: number) => Number.isFinite(v) && (!log || v > 0);
    const paths = series.map((s) => {
      const stride = Math.max(1, Math.ceil(s.length / MAX_VERTICES));
      const idx: number[] = [];
      for (let i = 0; i < s.length; i += stride) idx.push(i);
      if (s.length && idx[idx.length - 1] !== s.length - 1) idx.push(s.length - 1);
      const d = line<number>()
        .defined((i) => shown(s.values[i]))
        .x((i) => x(i))
        .y((i) => y(Math.max(s.values[i], floor)))(idx);
      return { key: s.key, color: s.color, dashed: s.dashed, d: d ?? '' };
    });
    return { x, y, paths };
    // `revision` stands for the in-place contents of the series' buffers.
  }, [series, revision, log, eps, w, h]);

  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(5));
    if (yAxis.current) select(yAxis.current).call(log ? axisLeft(y).ticks(4, '.0e') : axisLeft(y).ticks(4));
  }, [x, y, log]);

  return (
    <figure className="net-chart" data-testid={testId} style={{ margin: 0 }}>
      {/* The title is HTML above the chart, so a long one wraps instead of being cut at the SVG's edge. */}
      <div className="net-chart-title" data-testid={`${testId}-title`} style={{ width }}>{title}</div>
      <svg width={width} height={height - TITLE_ROOM} role="img" aria-label={title}>
        <g transform={`translate(${M.left},${M.top - TITLE_ROOM})`}>
          <g ref={xAxis} transform={`translate(0,${h})`} />
          <g ref={yAxis} />
          {eps !== undefined && eps > 0 && (
            <g data-testid={`${testId}-eps`}>
              <line x1={0} x2={w} y1={y(eps)} y2={y(eps)} stroke="#888" strokeDasharray="6 3" />
              <text x={w - 4} y={y(eps) - 4} fontSize={10} textAnchor="end" className="eps-label">
                eps = {eps}
              </text>
            </g>
          )}
          {paths.map((p) => (
            <path key={p.key} d={p.d} fill="none" stroke={p.color} strokeWidth={1.5} strokeDasharray={p.dashed ? '4 3' : undefined} />
          ))}
        </g>
      </svg>
      <figcaption style={{ fontSize: 11, display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
        {series.map((s) => (
          <span key={s.key}>
            <svg width={18} height={8} aria-hidden>
              <line x1={0} x2={18} y1={4} y2={4} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '4 3' : undefined} />
            </svg>{' '}
            {s.label}
          </span>
        ))}
      </figcaption>
      {footer}
    </figure>
  );
}
