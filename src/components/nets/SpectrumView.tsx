// The Hessian spectrum of the selected network run at a recent step (which, when older than the
// run's current one, the title says): a histogram of every
// eigenvalue (negative side red, positive blue, those within the zero tolerance grey), on a
// linear or signed-log axis (src/nets/spectrum/histogram.ts), with the index, lambda_min and
// lambda_max, and whether it is exact or only Lanczos' extremes. Plain props.
import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type HistogramScale, spectrumHistogram } from '../../nets/spectrum/histogram';
import { EXACT_SPECTRUM_MAX_WEIGHTS } from '../../nets/spectrum/spectrum';
import { fmtNum } from '../../optim/verdict';
import type { NetSpectrum } from '../../state/spectrum';

export interface SpectrumViewProps {
  spectrum: NetSpectrum | null;
  /** The selected run's current step: the spectrum, computed apart from the race, may be of an older one. */
  runStep: number;
  error: string | null;
  /** Recompute every this many steps (0: by hand only). */
  stride: number;
  strides: readonly number[];
  onStride: (stride: number) => void;
  onRecompute: () => void;
  width?: number;
}

const M = { top: 8, right: 10, bottom: 28, left: 36 };
const BINS = 40;

function Histogram({ spectrum, scale, width, height }: { spectrum: NetSpectrum & { exact: true }; scale: HistogramScale; width: number; height: number }) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const drawn = useMemo(() => {
    const opts = scale === 'signedLog' && spectrum.zeroTol > 0 ? { bins: BINS, scale, linthresh: spectrum.zeroTol } : { bins: BINS, scale };
    const r = spectrumHistogram(spectrum.eigenvalues, opts);
    if (!r.ok) return null;
    const { axis, edges, counts } = r.value;
    const x = scaleLinear().domain([axis[0], axis[axis.length - 1]]).range([0, w]);
    const y = scaleLinear().domain([0, Math.max(1, ...counts)]).range([h, 0]).nice();
    return { x, y, axis, edges, counts };
  }, [spectrum, scale, w, h]);
  useEffect(() => {
    if (!drawn) return;
    const { x, y, axis, edges } = drawn;
    // Ticks at every tenth bin edge, labelled in lambda units (on the signed-log axis the position is t(lambda)).
    const at = [0, 10, 20, 30, BINS];
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).tickValues(at.map((i) => axis[i])).tickFormat((_, k) => fmtNum(edges[at[k]])));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(4));
  }, [drawn]);
  if (!drawn) return null;
  const { x, y, edges, counts, axis } = drawn;
  const color = (i: number) => {
    const mid = (edges[i] + edges[i + 1]) / 2;
    return Math.abs(mid) <= spectrum.zeroTol ? '#999' : mid < 0 ? '#d62728' : '#1f77b4';
  };
  return (
    <svg width={width} height={height} role="img" aria-label="Hessian eigenvalue histogram" data-testid="net-spectrum-histogram">
      <g transform={`translate(${M.left},${M.top})`}>
        {counts.map((c, i) =>
          c > 0 ? <rect key={i} x={x(axis[i]) + 0.5} width={Math.max(1, x(axis[i + 1]) - x(axis[i]) - 1)} y={y(c)} height={h - y(c)} fill={color(i)} data-count={c} /> : null,
        )}
        {axis[0] < 0 && axis[axis.length - 1] > 0 && <line x1={x(0)} x2={x(0)} y1={0} y2={h} stroke="var(--fg, #333)" strokeDasharray="3 3" />}
        <g ref={xAxis} transform={`translate(0,${h})`} />
        <g ref={yAxis} />
      </g>
    </svg>
  );
}

export function SpectrumView({ spectrum, runStep, error, stride, strides, onStride, onRecompute, width = 360 }: SpectrumViewProps) {
  const [scale, setScale] = useState<HistogramScale>('signedLog');
  const s = spectrum;
  return (
    <figure className="net-chart" data-testid="net-spectrum" data-step={s?.step ?? ''} data-exact={s ? String(s.exact) : ''} data-index={s?.index ? s.index.fraction : ''} style={{ margin: 0, width }}>
      <div className="net-chart-title">
        Hessian spectrum of the selected run{s ? ` at step ${s.step}` : ''}
        {s && runStep > s.step && (
          <span data-testid="net-spectrum-age" style={{ fontWeight: 'normal', opacity: 0.8 }}>
            {' '}
            (the run is now at step {runStep})
          </span>
        )}
      </div>
      <div style={{ fontSize: 12, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <select value={scale} onChange={(e) => setScale(e.target.value as HistogramScale)} aria-label="spectrum axis">
          <option value="signedLog">signed log magnitude</option>
          <option value="linear">linear</option>
        </select>
        <label>
          every{' '}
          <select value={stride} onChange={(e) => onStride(Number(e.target.value))} aria-label="spectrum stride">
            {strides.map((k) => (
              <option key={k} value={k}>
                {k === 0 ? 'by hand' : `${k} steps`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onRecompute}>
          Recompute
        </button>
      </div>
      {error && <p role="alert" style={{ fontSize: 12 }}>{error}</p>}
      {s?.exact && <Histogram spectrum={s} scale={scale} width={width} height={150} />}
      {s && (
        <figcaption style={{ fontSize: 11 }} data-testid="net-spectrum-summary">
          {s.exact
            ? `index ${s.index.count} / ${s.dim} (${(100 * s.index.fraction).toFixed(1)}% of the eigenvalues < -${fmtNum(s.zeroTol)}), ${s.zeros} within the zero tolerance; `
            : `${s.dim} weights: no index (only the extremes are known); `}
          lambda_min = {fmtNum(s.lambdaMin)}, lambda_max = {fmtNum(s.lambdaMax)}, {s.kind}-like.{' '}
          <span data-testid="net-spectrum-method">
            {s.exact ? `Exact: all ${s.dim} eigenvalues of the dense Hessian` : `Lanczos extremes (above ${EXACT_SPECTRUM_MAX_WEIGHTS.toLocaleString('en')} weights)`}
          </span>
          , computed in {s.ms.toFixed(1)} ms.
        </figcaption>
      )}
      {!s && !error && <p style={{ fontSize: 11 }}>The spectrum appears once the run has its first step.</p>}
    </figure>
  );
}
