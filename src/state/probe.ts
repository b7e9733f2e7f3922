// The values under the pointer: the latest position wins (latest.ts), and a reply that arrives
// after the pointer left is dropped.
import { engine } from './engineWorker';
import { latestWins } from './latest';
import { useStore } from './store';

let pointerGone = false;

const probes = latestWins<{ x: number; y: number }>(
  async ({ x, y }) => {
    const probe = await engine().probe(useStore.getState().experiment, x, y);
    if (!pointerGone) useStore.setState({ probe: probe.ok ? probe.value : null });
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
  useStore.setState({ probe: null, hoverStep: null });
}
