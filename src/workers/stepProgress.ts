// A dense-Hessian step's progress (nets/netRun.ts StepProgress), forwarded to the page at most
// every `everyMs` (a 400-weight Hessian reports 400 columns; the page needs a few updates a
// second), but always at once when the step or the phase changes, so the page never shows a
// finished phase as running.
import type { StepProgress } from '../nets/engine';

export type { StepProgress };
export type StepProgressListener = (p: StepProgress) => void;

export function throttledProgress(send: StepProgressListener, everyMs = 100, now: () => number = () => performance.now()): StepProgressListener {
  let last: StepProgress | null = null;
  let at = -Infinity;
  return (p) => {
    const t = now();
    const changed = !last || last.run !== p.run || last.step !== p.step || last.phase !== p.phase;
    if (!changed && t - at < everyMs) return;
    last = { ...p };
    at = t;
    send(last);
  };
}
