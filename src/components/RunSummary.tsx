// One line per run: its label, steps so far, and where it stopped.
import { describeStop, fmtNum } from '../optim/verdict';
import { useStore } from '../state/store';
import { useThrottled } from './useThrottled';

export function RunSummary() {
  const traces = useStore((s) => s.traces);
  useThrottled(useStore((s) => s.revision), 100);
  const gradTol = useStore((s) => s.experiment.stop.gradTol);
  const secondOrder = useStore((s) => s.experiment.stop.secondOrder);
  return (
    <ul className="run-summary" aria-label="Runs">
      {traces.map((t, i) => {
        const last = t.length - 1;
        return (
          <li key={i} data-testid={`run-${i}`}>
            <span className="swatch" style={{ background: t.color }} aria-hidden />
            <strong>{t.label}</strong>{' '}
            {last >= 0 && (
              <span>
                step {last}, f = {fmtNum(t.f[last])}, ||grad f|| = {fmtNum(t.gradNorm[last])}
              </span>
            )}
            {t.stop && <div className="verdict" data-testid={`verdict-${i}`}>{describeStop(t.stop, gradTol, t.gradNorm[last], secondOrder)}</div>}
          </li>
        );
      })}
    </ul>
  );
}
