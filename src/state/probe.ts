// The values under the pointer: the latest position wins (latest.ts), and a reply that arrives
// after the pointer left is dropped. On a function problem's plane the point under the pointer
// stands for a point of R^d (the plane through the current point: src/functions/plane.ts), whose
// f and ||grad f|| the worker computes.
import { currentSlice } from './contourGrid';
import { engine } from './engineWorker';
import { latestWins } from './latest';
import { useStore } from './store';

let pointerGone = false;

const probes = latestWins<{ x: number; y: number }>(
  async ({ x, y }) => {
    const s = useStore.getState();
    const slice = currentSlice();
    if (slice && s.experiment.problem.kind === 'function') {
      const probe = await engine().planeProbe(s.experiment.problem, slice, x, y);
      if (!pointerGone) useStore.setState({ planeProbe: probe.ok ? probe.value : null, probe: null });
      return;
    }
    const probe = await engine().probe(s.experiment, x, y);
    if (!pointerGone) useStore.setState({ probe: probe.ok ? probe.value : null, planeProbe: null });
  },
  () => undefined, // a lost probe is replaced by the next pointer move
);

export function probeAt(x: number, y: number): Promise<void> {
  return probes.request({ x, y });
}

export function probeEnter(): void {
  pointerGone = false;
}

export function probeLeave(): void {
  pointerGone = true;
  probes.drop();
  useStore.setState({ probe: null, planeProbe: null, hoverStep: null });
}
