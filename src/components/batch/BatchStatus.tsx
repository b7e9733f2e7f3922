// The bottom line of a map panel: compute / cancel, a progress bar while running, and which
// engine computed the map (with the notice when it had to fall back).
import { useEffect, useState } from 'react';
import type { MapRunState, PathReport } from '../../state/maps/mapRuns';

export interface BatchStatusProps {
  testId: string;
  state: MapRunState;
  report: PathReport | null;
  stale: boolean;
  /** Why the map cannot be computed now (bad settings), or null. */
  blocked: string | null;
  onCompute: () => void;
  /** The map this button computes ("Basin map"), for its accessible name. */
  mapName?: string;
  onCancel: () => void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** Re-renders every `ms` while `on`, for a clock on screen. */
function useTick(on: boolean, ms: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(timer);
  }, [on, ms]);
}

/**
 * What a running map says from its first second: the time so far and, once a few percent are
 * done, about how long is left (elapsed x (1 - p) / p); before any share is done (the engine
 * being chosen, the shader compiled), that it is starting.
 */
export function progressText(progress: number, elapsedMs: number): string {
  if (!(progress > 0)) return `starting… ${seconds(elapsedMs)}`;
  const pct = `${Math.round(progress * 100)}%`;
  if (progress < 0.02 || elapsedMs < 300) return `${pct}, ${seconds(elapsedMs)} so far`;
  return `${pct}, ${seconds(elapsedMs)} so far, about ${seconds((elapsedMs * (1 - progress)) / progress)} left`;
}

export function BatchStatus({ testId, state, report, stale, blocked, onCompute, onCancel, mapName }: BatchStatusProps) {
  const running = state.status === 'running';
  useTick(running, 250);
  return (
    <div className="batch-status" data-testid={testId} data-state={state.status} data-path={report?.path ?? ''} data-stale={stale}>
      <div className="batch-progress">
        {running ? (
          <>
            {state.progress > 0 ? <progress max={1} value={state.progress} aria-label="progress" /> : <progress aria-label="progress" />}
            <span data-testid={`${testId}-progress`}>{progressText(state.progress, performance.now() - state.started)}</span>
            <button type="button" onClick={onCancel} aria-label={mapName ? `Cancel the ${mapName.toLowerCase()}` : undefined}>Cancel</button>
          </>
        ) : (
          <>
            <button type="button" onClick={onCompute} disabled={blocked !== null} title={blocked ?? undefined} aria-label={mapName ? `${stale && report ? 'Recompute' : 'Compute'} the ${mapName.toLowerCase()}` : undefined}>
              {stale && report ? 'Recompute' : 'Compute'}
            </button>
            <span className="batch-report">
              {blocked ?? (state.status === 'cancelled' ? 'cancelled' : state.status === 'error' ? `failed: ${state.message}` : stale && report ? 'the inputs changed since this map was computed' : '')}
            </span>
          </>
        )}
      </div>
      {report && !running ? (
        <div className="batch-report" data-testid={`${testId}-path`}>
          computed on {report.label}
          {state.status === 'done' ? ` in ${seconds(state.ms)}` : ''}
        </div>
      ) : null}
      {report?.notice && !running ? <div className="batch-notice" role="status">{report.notice}</div> : null}
    </div>
  );
}
