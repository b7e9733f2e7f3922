// Escape times: one random run repeated over many seeds (each seed is the explorer's run with
// that seed), the histograms of its escape step from the ball around the critical point nearest
// its start and of its steps to the stopping rule, with median and quartiles; and the median
// swept over the run's noise knob. The settings travel in the link (`escape=`).
import './escape.css';
import { ESCAPE_LIMITS } from '../../experiment/escape';
import { fmtNum } from '../../optim/verdict';
import { cancelEscape, computeEscapeDistribution, computeEscapeSweep, escapeKey, useEscapeRuns, type EscapeRunState, type EscapeSlotId } from '../../state/escape/escapeRuns';
import { escapeRunChoices, setEscapeSettings, useEscapeSettings } from '../../state/escape/escapeSettings';
import { useStore } from '../../state/store';
import { NumberField } from '../NumberField';
import { StepHistogram } from './StepHistogram';
import { SweepChart } from './SweepChart';
import { EscapeSummaryText } from './EscapeSummaryText';

function Status({ slot, state, stale, blocked, label, onCompute }: { slot: EscapeSlotId; state: EscapeRunState; stale: boolean; blocked: string | null; label: string; onCompute: () => void }) {
  if (state.status === 'running') {
    return (
      <div className="escape-status" data-testid={`escape-${slot}-status`} data-state="running">
        <progress max={1} value={state.progress} aria-label={`${label}: progress`} />
        <span>{Math.round(state.progress * 100)}%</span>
        <button type="button" onClick={() => cancelEscape(slot)}>Cancel</button>
      </div>
    );
  }
  const note =
    state.status === 'cancelled' ? 'cancelled' : state.status === 'error' ? `failed: ${state.message}` : state.status === 'done' ? `${(state.ms / 1000).toFixed(1)} s` : '';
  return (
    <div className="escape-status" data-testid={`escape-${slot}-status`} data-state={state.status} data-stale={stale}>
      <button type="button" onClick={onCompute} disabled={blocked !== null} title={blocked ?? undefined}>{label}</button>
      <span className="escape-note">{blocked ?? (stale ? 'the inputs changed since' : note)}</span>
    </div>
  );
}

export function EscapeSection() {
  const experiment = useStore((s) => s.experiment);
  const labels = useStore((s) => s.traces.map((t) => t.label).join('\n'));
  const settings = useEscapeSettings();
  const { distribution, sweep } = useEscapeRuns();
  if (experiment.problem.kind !== 'surface') return null;
  const runLabels = labels.split('\n');
  const { runs, picked } = escapeRunChoices(experiment, settings);
  const pickedRun = picked === null ? undefined : runs[picked];
  const blocked = !pickedRun ? 'no run has randomness: add pgd, noisySgd or gradient noise' : pickedRun.randomness === null ? `run ${pickedRun.index + 1} has no randomness` : null;
  const key = escapeKey(experiment, settings);
  const result = distribution.result;
  const sweepResult = sweep.result;
  return (
    <section className="escape-section" aria-label="Escape times" data-testid="escape-section">
      <div className="escape-intro">
        <h2>Escape times</h2>
        <p>
          One random run, repeated over many seeds (seed s is the explorer's run with seed s): how long each takes to leave the ball
          around the critical point nearest its start for good, and how long to the stopping rule.
        </p>
        <div className="escape-controls">
          <label>
            Run
            <select
              value={settings.run === null ? 'auto' : String(settings.run)}
              onChange={(e) => setEscapeSettings({ run: e.target.value === 'auto' ? null : Number(e.target.value) })}
              aria-label="Run to repeat"
            >
              <option value="auto">first random run</option>
              {runs.map((r) => (
                <option key={r.index} value={r.index} disabled={r.randomness === null}>
                  {`${r.index + 1}: ${runLabels[r.index] ?? ''}${r.randomness ? ` (${r.randomness.label} ${fmtNum(r.randomness.value)})` : ' (no randomness)'}`}
                </option>
              ))}
            </select>
          </label>
          <span className="escape-field">
            Seeds
            <NumberField label="Seeds" value={settings.seeds} min={ESCAPE_LIMITS.seeds.min} max={ESCAPE_LIMITS.seeds.max} integer onCommit={(v) => setEscapeSettings({ seeds: v })} />
          </span>
          <label>
            <input type="checkbox" checked={settings.radius === null} onChange={(e) => setEscapeSettings({ radius: e.target.checked ? null : (result?.job.ball.radius ?? 0.5) })} />
            default radius
          </label>
          {settings.radius !== null ? (
            <span className="escape-field">
              Radius
              <NumberField label="Ball radius" value={settings.radius} min={ESCAPE_LIMITS.radius.min} max={ESCAPE_LIMITS.radius.max} onCommit={(v) => setEscapeSettings({ radius: v })} />
            </span>
          ) : null}
        </div>
        <Status slot="distribution" state={distribution.state} stale={result !== null && result.key !== key} blocked={blocked} label={`Run ${settings.seeds} seeds`} onCompute={() => void computeEscapeDistribution(experiment, settings)} />
        {result ? <EscapeSummaryText result={result} /> : null}
      </div>
      {result ? (
        <div className={`escape-charts${result.key !== key ? ' stale' : ''}`}>
          <StepHistogram title={`Escape step (${result.summary.escaped} of ${result.summary.seeds} seeds escaped)`} histogram={result.escapeHistogram} quartiles={result.summary.escape} testId="escape-histogram" />
          <StepHistogram title="Steps to the stopping rule (every seed)" histogram={result.stopHistogram} quartiles={result.summary.stop} testId="stop-histogram" />
        </div>
      ) : null}
      <div className="escape-sweep">
        <Status
          slot="sweep"
          state={sweep.state}
          stale={sweepResult !== null && sweepResult.key !== key}
          blocked={blocked}
          label={`Sweep the median over ${pickedRun?.randomness?.label ?? 'the noise'}`}
          onCompute={() => void computeEscapeSweep(experiment, settings)}
        />
        {sweepResult && sweepResult.points.length > 0 ? <SweepChart sweep={sweepResult} knob={sweepResult.job.randomness.label} /> : null}
        {sweepResult ? (
          <p className="escape-note">
            {sweepResult.job.randomness.label} from {fmtNum(sweepResult.job.randomness.value / 10)} to {fmtNum(sweepResult.job.randomness.value * 10)}, the ball fixed
          </p>
        ) : null}
      </div>
    </section>
  );
}
