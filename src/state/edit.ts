// Editing the experiment from the UI: apply a change to a copy, validate it with the same schema
// as links and the CLI, and restart the runs. An invalid edit shows its message and changes
// nothing, so the last valid experiment keeps running.
import { formatErrors, parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { startExperiment } from './controller';
import { useStore } from './store';

export function editExperiment(recipe: (draft: Experiment) => void): boolean {
  const s = useStore.getState();
  const draft = structuredClone(s.experiment);
  recipe(draft);
  const parsed = parseExperiment(draft);
  if (!parsed.ok) {
    useStore.setState({ error: formatErrors(parsed.errors) });
    return false;
  }
  void startExperiment(parsed.value, { paused: s.status === 'paused' });
  return true;
}
