// The playback bar's line about a long network step: how far the step in flight is (its Hessian's
// columns, then the update), with Cancel; what a cancel stopped; the re-run that follows it.
import { cancelStep } from '../../state/controller';
import { progressText, useStepProgress } from '../../state/stepProgress';

export function StepProgressLine() {
  const state = useStepProgress();
  const text = progressText(state);
  if (text === null) return null;
  const phase = state.restoring ? 'restoring' : state.inFlight ? state.inFlight.phase : 'cancelled';
  const fraction = state.inFlight?.phase === 'hessian' ? state.inFlight.fraction : null;
  return (
    <span className="step-progress" data-testid="step-progress" data-phase={phase} data-step={state.inFlight?.step ?? state.cancelled?.step ?? ''} role="status" aria-live="polite">
      {fraction !== null && <progress max={1} value={fraction} aria-label="Hessian columns done" />}
      <span>{text}</span>
      {state.inFlight && (
        <button type="button" onClick={cancelStep} title="Stop this step now (the engine worker is restarted and re-runs to the last shown step)">
          Cancel step
        </button>
      )}
    </span>
  );
}
