// How far the engine is inside a long network step (a dense-Hessian optimizer on a few hundred
// weights takes seconds a step), for the playback bar, and what a cancel did. The worker reports
// StepProgress (nets/netRun.ts) of the step that makes w_step; the step is in flight while the
// page holds fewer than `step` points of that run (a later chunk ends it; a report that arrives
// after that chunk, on its own port, is stale and ignored).
import { create } from 'zustand';
import type { StepProgress } from '../workers/client';

export type { StepProgress };

export interface StepProgressState {
  /** The dense-Hessian step being computed now; null when none is. */
  inFlight: StepProgress | null;
  /**
   * After a cancel the fresh worker re-runs the experiment to the last shown step (the same bits:
   * the engine is deterministic): `through` is that many steps, `at` the step being re-run.
   */
  restoring: { through: number; at: StepProgress | null } | null;
  /** The step whose computation a cancel stopped, and the last step the page shows. */
  cancelled: { step: number; shown: number } | null;
}

export const useStepProgress = create<StepProgressState>(() => ({ inFlight: null, restoring: null, cancelled: null }));

/** Whether the engine worker is inside a long step now (or re-running after a cancel): a restart must not wait for it. */
export function engineBusy(): boolean {
  const s = useStepProgress.getState();
  return s.inFlight !== null || s.restoring !== null;
}

/** A report from the worker; `pointsIn(run)`: the points of that run the page holds. */
export function reportProgress(p: StepProgress, pointsIn: (run: number) => number): void {
  const s = useStepProgress.getState();
  if (s.restoring) useStepProgress.setState({ restoring: { ...s.restoring, at: p } });
  else if (pointsIn(p.run) < p.step) useStepProgress.setState({ inFlight: p, cancelled: null });
}

/** Chunks came in: the step in flight is over once its run holds `step` points. */
export function pointsArrived(pointsIn: (run: number) => number): void {
  const { inFlight } = useStepProgress.getState();
  if (inFlight && pointsIn(inFlight.run) >= inFlight.step) useStepProgress.setState({ inFlight: null });
}

/** The one-line description the playback bar shows, or null. */
export function progressText(s: StepProgressState): string | null {
  if (s.restoring) {
    const { through, at } = s.restoring;
    const where = at ? `: step ${at.step} of ${through}${at.phase === 'hessian' ? `, Hessian ${Math.floor(100 * at.fraction)} %` : ', update'}` : '';
    return `restoring after the cancel: re-running ${through} step${through === 1 ? '' : 's'} to the last shown point${where}…`;
  }
  if (s.inFlight) {
    const { step, phase, fraction } = s.inFlight;
    return phase === 'hessian' ? `computing step ${step}'s Hessian… ${Math.floor(100 * fraction)} %` : `computing step ${step}: the update (solve or eigendecomposition)…`;
  }
  if (s.cancelled) return `step ${s.cancelled.step} cancelled; paused at step ${s.cancelled.shown}`;
  return null;
}
