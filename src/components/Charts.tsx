// The gradient-norm chart with its eps line, and f(x_t) - f* (where f* is known) beside it, over
// steps or over evaluations of f and its gradient (a fair race: a line search spends several a
// step); the choice travels in the link (`xaxis=`).
import { useCallback } from 'react';
import { CHART_X_AXES, type ChartXAxis } from '../experiment/types';
import { editExperiment } from '../state/edit';
import { useStore } from '../state/store';
import type { RunTrace } from '../state/traces';
import { SeriesChart } from './SeriesChart';
import { useElementWidth } from './useElementWidth';
import { useThrottled } from './useThrottled';

const pickGrad = (t: RunTrace) => t.gradNorm;
const pickF = (t: RunTrace) => t.f;

const AXIS_WORDS: Record<ChartXAxis, string> = { steps: 'steps', evals: 'evaluations' };

export function Charts() {
  const traces = useStore((s) => s.traces);
  // Charts redraw ten times a second at most: they read every step, the plot only new ones.
  const revision = useThrottled(useStore((s) => s.revision), 100);
  const eps = useStore((s) => s.experiment.stop.gradTol);
  const globalMin = useStore((s) => s.surface?.globalMin);
  const hoverStep = useStore((s) => s.hoverStep);
  const onHoverStep = useCallback((step: number | null) => useStore.setState({ hoverStep: step }), []);
  const onEps = useCallback((v: number) => editExperiment((e) => void (e.stop.gradTol = v)), []);
  const xAxis = useStore((s) => s.chartX);
  const along = xAxis === 'evals' ? ' over evaluations of f and grad f' : '';
  const { ref, width } = useElementWidth<HTMLDivElement>(400);
  return (
    <div className="charts" ref={ref}>
      <div className="chart-x-axis" role="radiogroup" aria-label="charts' x axis" data-testid="chart-x-axis">
        x axis:
        {CHART_X_AXES.map((axis) => (
          <label key={axis}>
            <input type="radio" name="chart-x-axis" value={axis} checked={xAxis === axis} onChange={() => useStore.setState({ chartX: axis })} /> {AXIS_WORDS[axis]}
          </label>
        ))}
      </div>
      <SeriesChart
        title={`||grad f(x_t)||${along} (log scale; drag the eps line)`}
        testId="grad-chart"
        width={width}
        traces={traces}
        revision={revision}
        pick={pickGrad}
        eps={eps > 0 ? eps : undefined}
        onEpsChange={onEps}
        hoverStep={hoverStep}
        onHoverStep={onHoverStep}
        xAxis={xAxis}
      />
      <SeriesChart
        title={globalMin !== undefined ? `f(x_t) - f*${along} (f* = ${globalMin}, log scale)` : `f(x_t) - min f seen${along} (log scale)`}
        testId="f-chart"
        width={width}
        traces={traces}
        revision={revision}
        pick={pickF}
        offset={globalMin ?? minSeen(traces)}
        hoverStep={hoverStep}
        onHoverStep={onHoverStep}
        xAxis={xAxis}
      />
    </div>
  );
}

function minSeen(traces: RunTrace[]): number {
  let m = Infinity;
  for (const t of traces) for (let i = 0; i < t.length; i++) if (t.f[i] < m) m = t.f[i];
  // Shift a little below the lowest value so it stays on the log axis.
  return Number.isFinite(m) ? m - Math.max(1e-12, Math.abs(m) * 1e-9) : 0;
}
