// The census of critical points (src/nets/census) as two scatter plots: index (the fraction of
// negative Hessian eigenvalues) against loss, and loss against the ||grad L|| the solver reached,
// each point coloured by its kind, the lowest loss found marked; the mean index per loss quartile
// and whether the ordering claim holds (Dauphin et al. 2014: high-loss critical points are saddles
// with many descent directions) as text; the method under the plots. Plain props.
import { axisBottom, axisLeft, scaleLinear, scaleLog, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { PointKind } from '../../experiment/types';
import { fmtNum } from '../../optim/verdict';
import { CENSUS_EPS_CHOICES, CENSUS_LIMITS, sanitizeCensusSettings } from '../../experiment/census';
import type { CensusReport, CensusSettings } from '../../state/census';

export interface CensusViewProps {
  settings: CensusSettings;
  onSettings: (s: Partial<CensusSettings>) => void;
  running: boolean;
  progress: { done: number; total: number } | null;
  report: CensusReport | null;
  error: string | null;
  onRun: () => void;
  onCancel: () => void;
  width?: number;
}

export const KIND_COLORS: Record<PointKind, string> = { minimum: '#2ca02c', saddle: '#d62728', maximum: '#9467bd', degenerate: '#7f7f7f' };
const M = { top: 8, right: 22, bottom: 32, left: 48 };

interface ScatterPoint {
  x: number;
  y: number;
  kind: PointKind;
}

function Scatter(props: { testId: string; title: string; xLabel: string; yLabel: string; points: ScatterPoint[]; logX?: boolean; logY?: boolean; markX?: number; width: number; height: number }) {
  const { testId, title, xLabel, yLabel, points, logX = false, logY = false, markX, width, height } = props;
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const ext = (vs: number[], log: boolean): [number, number] => {
    const ok = vs.filter((v) => Number.isFinite(v) && (!log || v > 0));
    let [lo, hi] = ok.length ? [Math.min(...ok), Math.max(...ok)] : log ? [1e-3, 1] : [0, 1];
    if (lo === hi) [lo, hi] = log ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
    return [lo, hi];
  };
  const x = (logX ? scaleLog() : scaleLinear()).domain(ext(points.map((p) => p.x), logX)).range([0, w]).nice();
  const y = (logY ? scaleLog() : scaleLinear()).domain(ext(points.map((p) => p.y), logY)).range([h, 0]).nice();
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(logX ? axisBottom(x).ticks(4, '.1e') : axisBottom(x).ticks(5));
    if (yAxis.current) select(yAxis.current).call(logY ? axisLeft(y).ticks(4, '.0e') : axisLeft(y).ticks(5));
  });
  const clampX = (v: number) => x(logX ? Math.max(v, x.domain()[0]) : v);
  const clampY = (v: number) => y(logY ? Math.max(v, y.domain()[0]) : v);
  return (
    <figure style={{ margin: 0 }} data-testid={testId} data-points={points.length}>
      <div className="net-chart-title">{title}</div>
      <svg width={width} height={height} role="img" aria-label={title}>
        <g transform={`translate(${M.left},${M.top})`}>
          <g ref={xAxis} transform={`translate(0,${h})`} />
          <g ref={yAxis} />
          {markX !== undefined && (
            <g data-testid={`${testId}-best`}>
              <line x1={clampX(markX)} x2={clampX(markX)} y1={0} y2={h} stroke="var(--fg, #333)" strokeDasharray="4 3" />
              <text x={clampX(markX) + 4} y={10} fontSize={10} fill="currentColor">
                lowest loss found {fmtNum(markX)}
              </text>
            </g>
          )}
          {points.map((p, i) => (
            <circle key={i} className="census-point" cx={clampX(p.x)} cy={clampY(p.y)} r={3.5} fill={KIND_COLORS[p.kind]} fillOpacity={0.75} stroke="#fff" strokeWidth={0.5} data-kind={p.kind} />
          ))}
          <text x={w / 2} y={h + 28} fontSize={10} textAnchor="middle" fill="currentColor">
            {xLabel}
          </text>
          <text transform={`translate(-38,${h / 2}) rotate(-90)`} fontSize={10} textAnchor="middle" fill="currentColor">
            {yLabel}
          </text>
        </g>
      </svg>
    </figure>
  );
}

/** The ordering claim on the quartiles: the top-loss quarter's mean index above the bottom one's. */
export function orderingClaim(report: CensusReport): { holds: boolean; text: string } | null {
  const q = report.census.byLossQuartile.filter((s) => s.count > 0);
  if (q.length < 2) return null;
  const [bottom, top] = [q[0], q[q.length - 1]];
  const holds = top.meanIndexFraction > bottom.meanIndexFraction;
  const pct = (f: number) => `${(100 * f).toFixed(1)}%`;
  return {
    holds,
    text: `Mean index of the top loss quartile ${pct(top.meanIndexFraction)} ${holds ? '>' : '<='} bottom quartile ${pct(bottom.meanIndexFraction)}: ${holds ? 'higher loss, more descent directions (the claim holds here)' : 'the claim does not hold here'}.`,
  };
}

export function CensusView(props: CensusViewProps) {
  const { settings, onSettings, running, progress, report, error, onRun, onCancel, width = 360 } = props;
  const c = report?.census;
  const points = c?.points ?? [];
  const best = points.length ? points[0].loss : undefined;
  const claim = report ? orderingClaim(report) : null;
  const kinds = (Object.keys(KIND_COLORS) as PointKind[]).filter((k) => points.some((p) => p.kind === k));
  return (
    <section data-testid="net-census" style={{ width, fontSize: 12 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <label>
          starts{' '}
          <input type="number" min={CENSUS_LIMITS.starts.min} max={CENSUS_LIMITS.starts.max} value={settings.starts} style={{ width: 60 }} aria-label="census starts" onChange={(e) => onSettings({ starts: sanitizeCensusSettings({ ...settings, starts: Number(e.target.value) || 1 }).starts })} />
        </label>
        <label>
          eps{' '}
          <select value={settings.eps} aria-label="census eps" onChange={(e) => onSettings({ eps: Number(e.target.value) })}>
            {CENSUS_EPS_CHOICES.map((e) => (
              <option key={e} value={e}>
                {e.toExponential(0)}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel census
          </button>
        ) : (
          <button type="button" onClick={onRun}>
            Census
          </button>
        )}
        {running && progress && (
          <span data-testid="net-census-progress">
            <progress max={progress.total} value={progress.done} /> {progress.done} / {progress.total} starts
          </span>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {c && (
        <>
          <Scatter testId="census-index-plot" title="Index (fraction of negative eigenvalues) against loss, each distinct critical point" xLabel="training loss L" yLabel="index" points={points.map((p) => ({ x: p.loss, y: p.index.fraction, kind: p.kind }))} markX={best} width={width} height={210} />
          <Scatter testId="census-grad-plot" title="Loss against the ||grad L|| reached" xLabel="||grad L|| at the point" yLabel="loss" points={points.map((p) => ({ x: p.gradNorm, y: p.loss, kind: p.kind }))} logX width={width} height={170} />
          <p style={{ margin: '2px 0', display: 'flex', gap: 10 }}>
            {kinds.map((k) => (
              <span key={k}>
                <svg width={8} height={8} aria-hidden>
                  <circle cx={4} cy={4} r={4} fill={KIND_COLORS[k]} />
                </svg>{' '}
                {k} ({points.filter((p) => p.kind === k).length})
              </span>
            ))}
          </p>
          <p data-testid="net-census-summary" style={{ margin: '2px 0' }}>
            {c.distinct} distinct critical points from {c.starts.random} random starts and {c.starts.path} points along the runs' paths ({c.outcomes.converged} converged, {c.outcomes.maxIter + c.outcomes.stalled + c.outcomes.leftBound} did not), in {(report.ms / 1000).toFixed(1)} s on {report.workers} worker{report.workers > 1 ? 's' : ''}. Mean index by loss quartile:{' '}
            {c.byLossQuartile.map((q) => (q.count ? `${(100 * q.meanIndexFraction).toFixed(1)}%` : '-')).join(', ')}.
          </p>
          {claim && (
            <p data-testid="net-census-claim" data-holds={String(claim.holds)} style={{ margin: '2px 0', fontWeight: 600 }}>
              {claim.text}
            </p>
          )}
          <p data-testid="net-census-method" style={{ margin: '2px 0', fontSize: 11, opacity: 0.85 }}>
            Method: {c.method}; stop at ||grad L|| &lt;= {c.eps}, at most {c.maxIter} iterations, |w| &lt;= {c.weightBound}. Starts: {report.randomStarts}; and {report.pathStarts}. Same point: {c.dedup.rule} (tol {c.dedup.tol}), after {c.dedup.canonicalization}. Index: eigenvalues below -{c.relativeTol} x max |lambda| of the exact Hessian.
          </p>
        </>
      )}
      {!c && !running && <p>The census looks for critical points of the training loss from many starts and describes each by its Hessian spectrum.</p>}
    </section>
  );
}
