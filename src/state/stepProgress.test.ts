import { beforeEach, describe, expect, it } from 'vitest';
import { engineBusy, pointsArrived, progressText, reportProgress, useStepProgress } from './stepProgress';

describe('the step in flight, from the worker reports and the points the page holds', () => {
  beforeEach(() => useStepProgress.setState({ inFlight: null, restoring: null, cancelled: null }));

  it('is in flight from its report until its run holds `step` points; a late report is stale', () => {
    const points = [3];
    const held = (run: number) => points[run] ?? 0;
    reportProgress({ run: 0, step: 4, phase: 'hessian', fraction: 0.4 }, held);
    expect(engineBusy()).toBe(true);
    expect(progressText(useStepProgress.getState())).toBe("computing step 4's Hessian… 40 %");
    reportProgress({ run: 0, step: 4, phase: 'update', fraction: 0 }, held);
    expect(progressText(useStepProgress.getState())).toBe('computing step 4: the update (solve or eigendecomposition)…');
    points[0] = 4;
    pointsArrived(held);
    expect(engineBusy()).toBe(false);
    // A report of step 4 arriving after its chunk (another port) does not bring it back.
    reportProgress({ run: 0, step: 4, phase: 'hessian', fraction: 1 }, held);
    expect(useStepProgress.getState().inFlight).toBeNull();
    expect(progressText(useStepProgress.getState())).toBeNull();
  });

  it('while restoring after a cancel, reports say which step is re-run; then the cancel is stated', () => {
    useStepProgress.setState({ restoring: { through: 3, at: null }, cancelled: { step: 5, shown: 2 } });
    expect(engineBusy()).toBe(true);
    reportProgress({ run: 0, step: 2, phase: 'hessian', fraction: 0.25 }, () => 3);
    expect(progressText(useStepProgress.getState())).toBe('restoring after the cancel: re-running 3 steps to the last shown point: step 2 of 3, Hessian 25 %…');
    useStepProgress.setState({ restoring: null });
    expect(engineBusy()).toBe(false);
    expect(progressText(useStepProgress.getState())).toBe('step 5 cancelled; paused at step 2');
  });
});
