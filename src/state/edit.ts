// Editing the experiment from the UI: apply a change to a copy, validate it with the same schema
// as links and the CLI, and restart the runs. An invalid edit shows its message and changes
// nothing, so the last valid experiment keeps running.
import { formatErrors, parseExperiment } from '../experiment/parse';
import { addRun, duplicateRun, removeRun } from '../experiment/streamIds';
import type { Experiment, Run } from '../experiment/types';
import { startExperiment } from './runStream';
import { useStore } from './store';
import { pointAt } from './traces';
import { planePoint } from '../functions/plane';
import { currentPlane } from './planeOf';

/** Restarts paused when the runs are paused now, unless `opts.play` asks to play. */
export function editExperiment(recipe: (draft: Experiment) => void, opts: { play?: boolean } = {}): boolean {
  const s = useStore.getState();
  const draft = structuredClone(s.experiment);
  recipe(draft);
  const parsed = parseExperiment(draft);
  if (!parsed.ok) {
    useStore.setState({ error: formatErrors(parsed.errors) });
    return false;
  }
  void startExperiment(parsed.value, { paused: !opts.play && s.status === 'paused' });
  return true;
}

/** Moves run `index`'s start (a click on the plot or a map) and restarts, playing. */
export function setStart(x: number, y: number, index = 0): void {
  // A stale map may name a run that was removed since: nothing to start then.
  if (!useStore.getState().experiment.runs[index]) return;
  // A function problem's start has d numbers: the run's x_0 moved to (x, y) on the plane drawn.
  const s = useStore.getState();
  const base = s.fn ? (pointAt(s.traces[index], 0) ?? [...s.fn.info.center]) : null;
  const start = s.fn && base ? Array.from(planePoint(currentPlane(s.fn), base, x, y, new Float64Array(base.length))) : [x, y];
  editExperiment(
    (draft) => {
      draft.runs[index] = { ...draft.runs[index], start };
    },
    { play: true },
  );
}

// Adding, duplicating and removing runs write each run's random stream id (streamIds.ts), so the
// runs that stay keep their numbers; a new run and a duplicate get the smallest unused id (a
// duplicate has the same settings and its own noise).

/** Appends `run` on the smallest unused stream. */
export function addRunToExperiment(run: Run): boolean {
  return editExperiment((draft) => void (draft.runs = addRun(draft.runs, run)));
}

/** A copy of run `index` after it, on a new stream. */
export function duplicateRunOfExperiment(index: number): boolean {
  return editExperiment((draft) => void (draft.runs = duplicateRun(draft.runs, index)));
}

export function removeRunOfExperiment(index: number): boolean {
  return editExperiment((draft) => void (draft.runs = removeRun(draft.runs, index)));
}
