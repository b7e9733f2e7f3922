// The runs raced on the surface (1 to 8), each with its own settings.
import { LIMITS } from '../experiment/limits';
import { addRunToExperiment } from '../state/edit';
import { useStore } from '../state/store';
import { RunEditor } from './RunEditor';

export function RunsPanel() {
  const count = useStore((s) => s.experiment.runs.length);
  return (
    <div className="runs-panel">
      <div className="panel-title">
        <h2>Runs</h2>
        <button
          type="button"
          aria-label="Add run"
          disabled={count >= LIMITS.runs.max}
          onClick={() => addRunToExperiment({ optimizer: 'adam', params: { lr: 0.05 } })}
        >
          + Add run
        </button>
      </div>
      {Array.from({ length: count }, (_, i) => (
        <RunEditor key={`${i}-${count}`} index={i} />
      ))}
    </div>
  );
}
