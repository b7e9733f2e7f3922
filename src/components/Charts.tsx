// The gradient-norm chart with its eps line, f(x_t) - f* (where f* is known; else f itself with
// the best value seen so far) and lambda_min beside it, over steps or over evaluations of f and
// its gradient (a fair race: a line search spends several a step); the choice travels in the
// link (`xaxis=`).
import { useCallback, useMemo } from 'react';
import { CHART_X_AXES, type ChartXAxis } from '../experiment/types';
import { editExperiment } from '../state/edit';
import { fmtNum } from '../optim/verdict';
import { useStore } from '../state/store';
import type { RunTrace } from '../state/traces';
import { SeriesChart } from './SeriesChart';
import { useElementWidth } from './useElementWidth';
import { useThrottled } from './useThrottled';

const pickGrad = (t: RunTrace) => t.gradNorm;
const pickF = (t: RunTrace) => t.f;
const pickLambdaMin = (t: RunTrace) => t.lambdaMin;
/** The dashed zero line of the lambda_min chart: below it the run sits where f curves down (a saddle or a maximum). */
const LAMBDA_ZERO = { value: 0, label: 'lambda_min = 0' };

const AXIS_WORDS: Record<ChartXAxis, string> = { steps: 'steps', evals: 'evaluations' };

export function Charts() {
  const traces = useStore((s) => s.traces);
  // Charts redraw ten times a second at most: they read every step, the plot only new ones.
  const revision = useThrottled(useStore((s) => s.revision), 100);
  const eps = useStore((s) => s.experiment.stop.gradTol);
  const globalMin = useStore((s) => s.surface?.globalMin);
  const hoverStep = useStore((s) => s.hoverStep);
  const upTo = useStore((s) => s.scrubStep);
  const best = useMemo(() => (globalMin === undefined ? bestSeen(traces, upTo) : undefined), [traces, revision, upTo, globalMin]);
  const onHoverStep = useCallback((step: number | null) => useStore.setState({ hoverStep: step }), []);
  const onEps = useCallback((v: number) => editExperiment((e) => void (e.stop.gradTol = v)), []);
  const xAxis = useStore((s) => s.chartX);
  const along = xAxis === 'evals' ? ' over evaluations of f and grad f' : '';
  const { ref, width } = useElementWidth<HTMLDivElement>(400);
  // What every chart here shares: the runs, the width, the linked hover step, the x axis.
  const shared = { width, traces, revision, hoverStep, onHoverStep, xAxis };
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
      <SeriesChart {...shared} title={`||grad f(x_t)||${along} (log scale; drag the eps line)`} testId="grad-chart" pick={pickGrad} eps={eps > 0 ? eps : undefined} onEpsChange={onEps} />
      {globalMin !== undefined ? (
        <SeriesChart {...shared} title={`f(x_t) - f*${along} (f* = ${globalMin}, log scale)`} testId="f-chart" pick={pickF} offset={globalMin} />
      ) : (
        // f* unknown: f itself, and the best value any run has reached so far as a dashed line.
        // (Plotting f - min f seen made the leading run fall to the axis floor at its current
        // step, its own value being the minimum: a drop that did not happen.)
        <SeriesChart {...shared} title={`f(x_t)${along} (dashed: the best f seen so far)`} testId="f-chart" pick={pickF} linear reference={best} />
      )}
      <SeriesChart {...shared} title={`lambda_min of the Hessian at x_t${along} (linear scale; dashed: 0, below it a saddle direction)`} testId="lambda-chart" pick={pickLambdaMin} linear reference={LAMBDA_ZERO} />
    </div>
  );
}

/** The lowest f of any run up to step `upTo` (the scrubber's step; all steps when null). */
function bestSeen(traces: RunTrace[], upTo: number | null): { value: number; label: string } | undefined {
  let m = Infinity;
  for (const t of traces) {
    const n = upTo === null ? t.length : Math.min(t.length, upTo + 1);
    for (let i = 0; i < n; i++) if (t.f[i] < m) m = t.f[i];
  }
  return Number.isFinite(m) ? { value: m, label: `best f seen = ${fmtNum(m)}` } : undefined;
}
