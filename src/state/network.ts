// The network views' data from the worker: the selected run's decision grid (refreshed as the
// run trains; the latest request wins, latest.ts) and the loss-landscape slice on request.
import type { DirectionKind } from '../nets/directions';
import { engine, unlessRestarted } from './engineWorker';
import { latestWins } from './latest';
import { followSpectrum } from './spectrum';
import { useStore } from './store';

/** A loss-landscape slice the network panel asks for. */
export interface SliceRequest {
  run: number;
  directions: DirectionKind;
  n: number;
}

const decisions = latestWins<void>(
  async () => {
    const asked = useStore.getState().experiment;
    const grid = await engine().netDecisionGrid(useStore.getState().selectedRun);
    // Dropped when the experiment was restarted meanwhile: the grid is of the old network.
    if (useStore.getState().mode === 'network' && useStore.getState().experiment === asked) useStore.setState({ decision: grid.ok ? grid.value : null });
  },
  () => undefined, // the next chunk asks again
);

/** Asks for the selected run's decision grid; calls made while one is computing coalesce. */
export function refreshDecision(): void {
  void decisions.request();
  followSpectrum();
}

export function selectRun(run: number): void {
  useStore.setState({ selectedRun: run, slice: null });
  refreshDecision();
}

export async function requestSlice(req: SliceRequest): Promise<void> {
  useStore.setState({ sliceBusy: true });
  const asked = useStore.getState().experiment;
  try {
    const slice = await engine().netLandscape(req.run, { directions: req.directions, n: req.n });
    if (useStore.getState().experiment !== asked || useStore.getState().selectedRun !== req.run) return;
    if (!slice.ok) useStore.setState({ error: slice.error });
    else useStore.setState({ slice: slice.value });
  } catch (e) {
    unlessRestarted(e); // a cancelled long step took the worker, and the request, with it: ask again
  } finally {
    useStore.setState({ sliceBusy: false });
  }
}
