// The network panel: the dataset with the decision boundary of the selected run, the charts of
// ||grad L|| (with the eps line), training and held-out loss and accuracy, each run's verdict,
// and the loss-landscape slice with its controls. Plain props: NetworkView passes the store's
// streamed traces and the worker's grids; the panel asks for a slice through onRequestSlice.
import { useState } from 'react';
import type { DirectionKind } from '../../nets/directions';
import type { LandscapeSlice } from '../../nets/slice';
import type { DecisionGrid, NetworkInfo } from '../../state/store';
import { DecisionBoundary } from './DecisionBoundary';
import { SliceViews } from '../three/SliceViews';
import { NetworkAnalysis } from './NetworkAnalysis';
import { type ChartSeries, NetLineChart } from './NetLineChart';
import type { NetTrace } from '../../state/netTraces';
import type { SliceRequest } from '../../state/network';
import { fmtNum } from '../../optim/verdict';

export type { SliceRequest } from '../../state/network';

export interface NetworkPanelProps {
  traces: NetTrace[];
  /** Bumped whenever a trace's buffers change. */
  revision: number;
  /** eps of the stop rule (0: none). */
  gradTol: number;
  info: NetworkInfo | null;
  decision: DecisionGrid | null;
  slice: LandscapeSlice | null;
  sliceBusy?: boolean;
  selectedRun: number;
  onSelectRun: (run: number) => void;
  onRequestSlice: (request: SliceRequest) => void;
  /** Width available to the panel; the charts share it. */
  width?: number;
}


function status(t: NetTrace): string {
  if (t.stop?.message) return t.stop.message;
  if (t.length === 0) return 'starting';
  const i = t.length - 1;
  return `step ${i}: L = ${fmtNum(t.f[i])}, ||grad L|| = ${fmtNum(t.gradNorm[i])}, held-out ${fmtNum(t.heldOutLoss[i])}, accuracy ${(100 * t.accuracy[i]).toFixed(1)}%`;
}

export function NetworkPanel(props: NetworkPanelProps) {
  const { traces, revision, gradTol, info, decision, slice, sliceBusy = false, selectedRun, onSelectRun, onRequestSlice, width = 900 } = props;
  const [directions, setDirections] = useState<DirectionKind>('pca');
  const [gridSize, setGridSize] = useState(51);
  const chartWidth = Math.max(260, Math.min(460, width - 360));
  const series = (pick: (t: NetTrace) => Float64Array, dashed = false, suffix = ''): ChartSeries[] =>
    traces.map((t, i) => ({ key: `${i}${suffix}`, label: `${t.label}${suffix}`, color: t.color, values: pick(t), length: t.length, dashed }));
  const run = traces[selectedRun];

  return (
    <section className="network-panel" data-testid="network-panel" style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
      <div>
        <label style={{ fontSize: 12 }}>
          run{' '}
          <select value={selectedRun} onChange={(e) => onSelectRun(Number(e.target.value))} data-testid="network-run-select">
            {traces.map((t, i) => (
              <option key={i} value={i}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        {info ? (
          <DecisionBoundary data={info.data} values={decision?.run === selectedRun ? decision.values : null} n={decision?.n ?? 2} step={decision?.step} />
        ) : (
          <p>loading the dataset...</p>
        )}
        {info && (
          <p style={{ fontSize: 11, margin: '4px 0' }}>
            network {info.sizes.join('-')}, {info.weightCount} weights; {info.data.train.count} training points, {info.data.heldOut.count} held out
          </p>
        )}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <NetLineChart
          title="||grad L(w_t)|| (full batch, log scale)"
          testId="net-grad-chart"
          series={series((t) => t.gradNorm)}
          revision={revision}
          log
          eps={gradTol > 0 ? gradTol : undefined}
          width={chartWidth}
        />
        <NetLineChart
          title="loss: training (solid), held-out (dashed), log scale"
          testId="net-loss-chart"
          series={[...series((t) => t.f), ...series((t) => t.heldOutLoss, true, ' held-out')]}
          revision={revision}
          log
          width={chartWidth}
        />
        <NetLineChart
          title="accuracy: training (solid), held-out (dashed)"
          testId="net-accuracy-chart"
          series={[...series((t) => t.accuracy), ...series((t) => t.heldOutAccuracy, true, ' held-out')]}
          revision={revision}
          width={chartWidth}
          height={150}
        />
        <ul data-testid="net-verdicts" style={{ fontSize: 12, margin: 0, paddingLeft: 16, maxWidth: chartWidth }}>
          {traces.map((t, i) => (
            <li key={i} style={{ color: t.color }} data-testid={`net-verdict-${i}`} data-reason={t.stop?.reason ?? ''} data-kind={t.stop?.kind ?? ''}>
              <span style={{ color: 'var(--fg)' }}>
                {t.label}: {status(t)}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <div style={{ fontSize: 12, display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
          <select value={directions} onChange={(e) => setDirections(e.target.value as DirectionKind)} aria-label="slice directions">
            <option value="pca">PCA of the path</option>
            <option value="random">random, filter-normalized</option>
          </select>
          <select value={gridSize} onChange={(e) => setGridSize(Number(e.target.value))} aria-label="slice grid">
            {[21, 31, 41, 51].map((k) => (
              <option key={k} value={k}>
                {k} x {k}
              </option>
            ))}
          </select>
          <button type="button" disabled={sliceBusy || !run} onClick={() => onRequestSlice({ run: selectedRun, directions, n: gridSize })}>
            {sliceBusy ? 'Computing...' : 'Compute slice'}
          </button>
        </div>
        {slice ? (
          <SliceViews slice={slice} labels={traces.map((t) => t.label)} colors={traces.map((t) => t.color)} />
        ) : (
          <p style={{ fontSize: 12, maxWidth: 360 }}>
            The loss around the selected run's current weights, on a plane through them, with every run's path projected onto it.
          </p>
        )}
      </div>
      <NetworkAnalysis selectedRun={selectedRun} width={Math.max(300, Math.min(420, chartWidth))} />
    </section>
  );
}
