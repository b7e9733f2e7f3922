// The gradient-norm chart with its eps line, and f(x_t) - f* (where f* is known) beside it.
import { useCallback } from 'react';
import { editExperiment } from '../state/edit';
import { useStore } from '../state/store';
import type { RunTrace } from '../state/traces';
import { SeriesChart } from './SeriesChart';
import { useElementWidth } from './useElementWidth';
import { useThrottled } from './useThrottled';

const pickGrad = (t: RunTrace) => t.gradNorm;
const pickF = (t: RunTrace) => t.f;

export function Charts() {
  const traces = useStore((s) => s.traces);
  // Charts redraw ten times a second at most: they read every step, the plot only new ones.
  const revision = useThrottled(useStore((s) => s.revision), 100);
  const eps = useStore((s) => s.experiment.stop.gradTol);
  const globalMin = useStore((s) => s.surface?.globalMin);
  const hoverStep = useStore((s) => s.hoverStep);
  const onHoverStep = useCallback((step: number | null) => useStore.setState({ hoverStep: step }), []);
  const onEps = useCallback((v: number) => editExperiment((e) => void (e.stop.gradTol = v)), []);
  const { ref, width } = useElementWidth<HTMLDivElement>(400);
  return (
    <div className="charts" ref={ref}>
      <SeriesChart
        title="||grad f(x_t)|| (log scale; drag the eps line)"
        testId="grad-chart"
        width={width}
        traces={traces}
        revision={revision}
        pick={pickGrad}
        eps={eps > 0 ? eps : undefined}
        onEpsChange={onEps}
        hoverStep={hoverStep}
        onHoverStep={onHoverStep}
      />
      <SeriesChart
        title={globalMin !== undefined ? `f(x_t) - f* (f* = ${globalMin}, log scale)` : 'f(x_t) - min f seen (log scale)'}
        testId="f-chart"
        width={width}
        traces={traces}
        revision={revision}
        pick={pickF}
        offset={globalMin ?? minSeen(traces)}
        hoverStep={hoverStep}
        onHoverStep={onHoverStep}
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
