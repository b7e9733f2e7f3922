// A chart of one value per step for every run (||grad f|| or f - f*), on a log axis (or f itself
// on a linear one, with a reference line), with an
// optional eps line that can be dragged, a marker where each run first crosses it, and a
// hover cursor shared with the plot (linked views). The x axis is the step, or the evaluations
// of f and its gradient spent to reach it (RunTrace.evals), which races line searches (several
// evaluations a step) fairly against first-order methods (one a step).
import { axisBottom, axisLeft, scaleLinear, scaleLog, select } from 'd3';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ChartXAxis } from '../experiment/types';
import type { RunTrace } from '../state/traces';
import { seriesPath } from './seriesPath';
import { summaryPath } from './summaryPath';
import { type TraceSeries, traceSeriesStore } from './traceSeries';

export interface SeriesChartProps {
  title: string;
  traces: RunTrace[];
  revision: number;
  /** The value of run i at step t. */
  pick: (t: RunTrace) => Float64Array;
  /** Subtracted before the log (f*); values <= 0 after it are clipped to the axis floor. */
  offset?: number;
  /** A linear axis of the values themselves (no offset, no floor): for f where f* is unknown. */
  linear?: boolean;
  /** A dashed horizontal line at a value, with its label (the best f seen so far). */
  reference?: { value: number; label: string };
  eps?: number;
  onEpsChange?: (eps: number) => void;
  hoverStep: number | null;
  onHoverStep: (step: number | null) => void;
  /** 'steps' (default) or 'evals'; on 'evals' the hover cursor follows the first run's steps. */
  xAxis?: ChartXAxis;
  width?: number;
  height?: number;
  testId: string;
}

const M = { top: 22, right: 14, bottom: 28, left: 52 };

/** Where point i of a run sits on the x axis. */
const xValue = (t: RunTrace, i: number, axis: ChartXAxis): number => (axis === 'evals' ? t.evals[i] : i);

/** The last step of a run whose x value is at most v (0 when none). */
function stepAt(t: RunTrace | undefined, v: number, axis: ChartXAxis): number {
  if (!t || axis === 'steps') return Math.round(v);
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.evals[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(lo, 0);
}

export function SeriesChart(props: SeriesChartProps) {
  const { title, traces, revision, pick, offset = 0, linear = false, reference, eps, onEpsChange, hoverStep, onHoverStep, xAxis = 'steps', width = 420, height = 200, testId } = props;
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const dragging = useRef(false);
  // While the eps line is dragged it moves locally; the new eps is committed on release.
  const [dragEps, setDragEps] = useState<number | null>(null);

  // Each run's summary, y range and eps crossing, kept between redraws (see traceSeries.ts).
  const [seriesOf] = useState(traceSeriesStore);

  const { x, y, floor, paths, crossings } = useMemo(() => {
    let maxX = 1;
    let lo = Infinity;
    let hi = -Infinity;
    const series = traces.map((t) => seriesOf(t, pick));
    for (const s of series) {
      const t = s.trace;
      if (t.length > 0) maxX = Math.max(maxX, xValue(t, t.length - 1, xAxis));
      const r = s.yRange(offset, linear);
      if (r.lo < lo) lo = r.lo;
      if (r.hi > hi) hi = r.hi;
    }
    if (eps !== undefined && eps > 0) {
      lo = Math.min(lo, eps / 3);
      hi = Math.max(hi, eps * 3);
    }
    const x = scaleLinear().domain([0, maxX]).range([0, w]);
    // One path a run: from the summary, column by column, when the x values never decrease
    // (always on steps); else point by point. The column is x(...) rounded, in plain arithmetic
    // (what d3's linear scale computes for the domain [0, maxX] and range [0, w]).
    const pathOf = (s: TraceSeries, yv: (v: number) => number) => {
      const t = s.trace;
      const vals = s.values();
      if (w >= 0 && s.xRises(xAxis)) return summaryPath(vals, t.length, s.summary, (i) => Math.round(w * (xValue(t, i, xAxis) / maxX)), yv);
      return seriesPath(vals, t.length, (i) => x(xValue(t, i, xAxis)), yv, Number.isFinite);
    };
    if (linear) {
      // The reference line stays inside the axis (lambda_min's zero line when every value is positive).
      if (reference && Number.isFinite(reference.value) && hi >= lo) [lo, hi] = [Math.min(lo, reference.value), Math.max(hi, reference.value)];
      if (!(hi >= lo)) [lo, hi] = [0, 1];
      const pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-12, Math.abs(hi) * 0.1) || 1;
      const y = scaleLinear().domain([lo - pad, hi + pad]).range([h, 0]).nice();
      const paths = series.map((s) => pathOf(s, y));
      return { x, y, floor: -Infinity, paths, crossings: traces.map(() => -1) };
    }
    if (!(hi > 0)) {
      lo = 1e-6;
      hi = 1;
    }
    lo = Math.max(lo, hi * 1e-16);
    const floor = lo;
    const y = scaleLog().domain([lo, hi]).range([h, 0]).nice();
    const yv = (v: number) => y(Math.max(v - offset, floor));
    const paths = series.map((s) => pathOf(s, yv));
    const crossings = series.map((s) => (eps === undefined ? -1 : s.crossing(eps)));
    return { x, y, floor, paths, crossings };
  }, [traces, revision, pick, offset, linear, eps, w, h, reference, xAxis, seriesOf]);

  useEffect(() => {
    if (xAxisRef.current) select(xAxisRef.current).call(axisBottom(x).ticks(6));
    if (yAxisRef.current) select(yAxisRef.current).call(linear ? axisLeft(y).ticks(5, '.3~g') : axisLeft(y).ticks(5, '.0e'));
  }, [x, y, linear]);

  const local = (e: PointerEvent<SVGRectElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { px: e.clientX - r.left, py: e.clientY - r.top };
  };
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const { px, py } = local(e);
    if (dragging.current) {
      setDragEps(Number(y.invert(Math.min(Math.max(py, 0), h)).toPrecision(2)));
      return;
    }
    onHoverStep(stepAt(traces[0], x.invert(px), xAxis));
  };
  const shownEps = dragEps ?? eps;
  const epsY = shownEps !== undefined && shownEps > 0 ? y(Math.max(shownEps, floor)) : null;
  const hoverX = hoverStep === null || hoverStep < 0 ? null : xAxis === 'steps' ? x(hoverStep) : traces[0] && hoverStep < traces[0].length ? x(traces[0].evals[hoverStep]) : null;

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={title}>
        <g transform={`translate(${M.left},${M.top})`}>
          <g ref={xAxisRef} transform={`translate(0,${h})`} className="axis" />
          <g ref={yAxisRef} className="axis" />
          {paths.map((d, i) => (
            <path key={i} d={d} fill="none" stroke={traces[i].color} strokeWidth={1.5} data-testid={`${testId}-series-${i}`} />
          ))}
          {reference && Number.isFinite(reference.value) && (
            <g className="reference-line" data-testid={`${testId}-reference`}>
              <line x1={0} x2={w} y1={y(reference.value)} y2={y(reference.value)} stroke="currentColor" strokeOpacity={0.7} strokeDasharray="2 3" />
              <text x={w - 4} y={y(reference.value) - 4} textAnchor="end" className="eps-label">{reference.label}</text>
            </g>
          )}
          {epsY !== null && (
            <g
              className="eps-line"
              data-testid={`${testId}-eps`}
              {...(onEpsChange && shownEps !== undefined ? epsSliderProps(shownEps, onEpsChange) : {})}
            >
              <line x1={0} x2={w} y1={epsY} y2={epsY} stroke="currentColor" strokeDasharray="5 4" />
              <text x={w - 4} y={epsY - 4} textAnchor="end" className="eps-label">eps = {shownEps}</text>
            </g>
          )}
          {crossings.map((c, i) =>
            c >= 0 ? (
              <circle key={i} cx={x(xValue(traces[i], c, xAxis))} cy={epsY ?? 0} r={4} fill={traces[i].color} stroke="white" data-testid={`${testId}-crossing-${i}`} data-step={c} />
            ) : null,
          )}
          {hoverX !== null && <line x1={hoverX} x2={hoverX} y1={0} y2={h} stroke="currentColor" strokeOpacity={0.4} />}
          <rect
            width={w}
            height={h}
            fill="transparent"
            style={{ cursor: onEpsChange ? 'ns-resize' : 'crosshair' }}
            onPointerDown={(e) => {
              if (!onEpsChange || epsY === null) return;
              if (Math.abs(local(e).py - epsY) < 8) {
                dragging.current = true;
                e.currentTarget.setPointerCapture(e.pointerId);
              }
            }}
            onPointerUp={() => {
              if (!dragging.current) return;
              dragging.current = false;
              if (dragEps !== null && onEpsChange) onEpsChange(dragEps);
              setDragEps(null);
            }}
            onPointerMove={onMove}
            onPointerLeave={() => onHoverStep(null)}
          />
        </g>
      </svg>
    </figure>
  );
}

/** The eps line as a keyboard slider: up/down multiply eps by 10^(1/4) (shift: by 10), on the log axis it lives on. */
function epsSliderProps(eps: number, onEpsChange: (eps: number) => void) {
  return {
    tabIndex: 0,
    role: 'slider',
    'aria-label': 'gradient tolerance eps (up/down arrows; shift: a decade)',
    'aria-valuenow': eps,
    'aria-valuetext': `eps = ${eps}`,
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      const up = e.key === 'ArrowUp' || e.key === 'ArrowRight';
      if (!up && e.key !== 'ArrowDown' && e.key !== 'ArrowLeft') return;
      e.preventDefault();
      e.stopPropagation();
      const factor = e.shiftKey ? 10 : Math.sqrt(Math.sqrt(10));
      onEpsChange(Number((up ? eps * factor : eps / factor).toPrecision(2)));
    },
  };
}
