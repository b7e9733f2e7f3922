// One line per run: its label, the step shown (the scrubber's, else the last), f and ||grad f||
// there, and where it stopped, once the step shown has reached its stop.
import { describeStop, fmtNum } from '../optim/verdict';
import { useStore } from '../state/store';
import { useThrottled } from './useThrottled';

export function RunSummary() {
  const traces = useStore((s) => s.traces);
  useThrottled(useStore((s) => s.revision), 100);
  const gradTol = useStore((s) => s.experiment.stop.gradTol);
  const scrubStep = useStore((s) => s.scrubStep);
  const secondOrder = useStore((s) => s.experiment.stop.secondOrder);
  return (
    <ul className="run-summary" aria-label="Runs">
      {traces.map((t, i) => {
        const last = t.length - 1;
        // Scrubbed back, the summary is of that step: a run that stopped later has not stopped yet there.
        const shown = scrubStep === null ? last : Math.min(scrubStep, last);
        const stopped = t.stop !== null && shown === last;
        return (
          <li key={i} data-testid={`run-${i}`}>
            <span className="swatch" style={{ background: t.color }} aria-hidden />
            <strong>{t.label}</strong>{' '}
            {shown >= 0 && (
              <span>
                step {shown}, f = {fmtNum(t.f[shown])}, ||grad f|| = {fmtNum(t.gradNorm[shown])}
              </span>
            )}
            {stopped && t.stop && <div className="verdict" data-testid={`verdict-${i}`}>{describeStop(t.stop, gradTol, t.gradNorm[last], secondOrder)}</div>}
            {!stopped && t.stop && <div className="verdict muted" data-testid={`verdict-later-${i}`}>not stopped yet at this step (stops at step {t.stop.step})</div>}
          </li>
        );
      })}
    </ul>
  );
}
