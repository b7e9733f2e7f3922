// The network views' data from the worker: the selected run's decision grid (refreshed as the
// run trains, one request in flight at a time) and the loss-landscape slice on request.
import type { SliceRequest } from '../components/nets/NetworkPanel';
import { engine } from './engineWorker';
import { useStore } from './store';

let decisionBusy = false;
let decisionAgain = false;

/** Asks for the selected run's decision grid; calls made while one is computing coalesce. */
export async function refreshDecision(): Promise<void> {
  if (decisionBusy) {
    decisionAgain = true;
    return;
  }
  decisionBusy = true;
  try {
    do {
      decisionAgain = false;
      const asked = useStore.getState().experiment;
      const grid = await engine().netDecisionGrid(useStore.getState().selectedRun);
      // Dropped when the experiment was restarted meanwhile: the grid is of the old network.
      if (useStore.getState().mode === 'network' && useStore.getState().experiment === asked) useStore.setState({ decision: grid });
    } while (decisionAgain);
  } finally {
    decisionBusy = false;
  }
}

export function selectRun(run: number): void {
  useStore.setState({ selectedRun: run, slice: null });
  void refreshDecision();
}

export async function requestSlice(req: SliceRequest): Promise<void> {
  useStore.setState({ sliceBusy: true });
  const asked = useStore.getState().experiment;
  try {
    const slice = await engine().netLandscape(req.run, { directions: req.directions, n: req.n });
    if (useStore.getState().experiment !== asked || useStore.getState().selectedRun !== req.run) return;
    if ('error' in slice) useStore.setState({ error: slice.error });
    else useStore.setState({ slice });
  } finally {
    useStore.setState({ sliceBusy: false });
  }
}
