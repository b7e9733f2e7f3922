// Playback of the running experiment: play, pause, single steps, restart, speed.
import { engine } from './engineWorker';
import { clearPause, pauseAfter, startExperiment, streamGeneration } from './runStream';
import { useStore } from './store';

export function play(): void {
  const s = useStore.getState();
  if (s.status === 'finished') return;
  clearPause();
  useStore.setState({ status: 'playing', scrubStep: null });
  void engine().resume();
}

/** Stops the stream; the status reads 'paused' once every point sent before the pause is in. */
export async function pause(): Promise<void> {
  if (useStore.getState().status !== 'playing') return;
  const gen = streamGeneration();
  pauseAfter(gen, await engine().pause());
}

export function step(steps = 1): void {
  if (useStore.getState().status === 'finished') return;
  const gen = streamGeneration();
  void engine()
    .step(steps)
    .then((last) => pauseAfter(gen, last));
}

export function reset(): void {
  void startExperiment(useStore.getState().experiment, { paused: true });
}

export function setSpeed(speed: number): void {
  useStore.setState({ speed });
  void engine().setSpeed(speed);
}
