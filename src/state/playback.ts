// Playback of the running experiment: play, pause, single steps, restart, speed.
import { engine, unlessRestarted } from './engineWorker';
import { cancelLongStep, clearPause, pauseAfter, startExperiment, streamGeneration } from './runStream';
import { useStepProgress } from './stepProgress';
import { useStore } from './store';

export function play(): void {
  const s = useStore.getState();
  if (s.status === 'finished') return;
  clearPause();
  useStore.setState({ status: 'playing', scrubStep: null });
  useStepProgress.setState({ cancelled: null });
  engine().resume().catch(unlessRestarted);
}

/**
 * Stops the stream; the status reads 'paused' once every point sent before the pause is in. A
 * long network step in flight is cancelled at once (runStream.cancelLongStep) rather than awaited;
 * while the worker re-runs after a cancel, the page is paused at once (the worker's queued resume
 * and this pause both wait behind the re-run).
 */
export async function pause(): Promise<void> {
  if (useStore.getState().status !== 'playing') return;
  const progress = useStepProgress.getState();
  if (progress.inFlight) {
    await cancelLongStep();
    return;
  }
  if (progress.restoring) useStore.setState({ status: 'paused' });
  const gen = streamGeneration();
  try {
    pauseAfter(gen, await engine().pause());
  } catch (e) {
    unlessRestarted(e);
  }
}

/** The Cancel of the progress line: stops the long step in flight, whether playing or stepping by hand. */
export function cancelStep(): void {
  if (useStepProgress.getState().inFlight) void cancelLongStep();
}

export function step(steps = 1): void {
  if (useStore.getState().status === 'finished') return;
  const gen = streamGeneration();
  useStepProgress.setState({ cancelled: null });
  engine()
    .step(steps)
    .then((last) => pauseAfter(gen, last), unlessRestarted);
}

export function reset(): void {
  void startExperiment(useStore.getState().experiment, { paused: true });
}

export function setSpeed(speed: number): void {
  useStore.setState({ speed });
  engine().setSpeed(speed).catch(unlessRestarted);
}
