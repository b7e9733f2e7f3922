// The bottom line of a map panel: compute / cancel, a progress bar while running, and which
// engine computed the map (with the notice when it had to fall back).
import type { MapRunState, PathReport } from '../../state/maps/mapRuns';

export interface BatchStatusProps {
  testId: string;
  state: MapRunState;
  report: PathReport | null;
  stale: boolean;
  /** Why the map cannot be computed now (bad settings), or null. */
  blocked: string | null;
  onCompute: () => void;
  onCancel: () => void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

export function BatchStatus({ testId, state, report, stale, blocked, onCompute, onCancel }: BatchStatusProps) {
  const running = state.status === 'running';
  return (
    <div className="batch-status" data-testid={testId} data-state={state.status} data-path={report?.path ?? ''} data-stale={stale}>
      <div className="batch-progress">
        {running ? (
          <>
            <progress max={1} value={state.progress} aria-label="progress" />
            <span>{Math.round(state.progress * 100)}%</span>
            <button type="button" onClick={onCancel}>Cancel</button>
          </>
        ) : (
          <>
            <button type="button" onClick={onCompute} disabled={blocked !== null} title={blocked ?? undefined}>
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
