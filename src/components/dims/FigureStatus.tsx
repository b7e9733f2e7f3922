// A figure's compute button, or while it runs its progress (the share of its jobs done) and Cancel.
import { cancelDimFigure, type DimFigure, type DimRunState } from '../../state/dims/dimFigureRuns';

export function FigureStatus({ figure, state, stale, blocked, label, onCompute }: { figure: DimFigure; state: DimRunState; stale: boolean; blocked: string | null; label: string; onCompute: () => void }) {
  if (state.status === 'running') {
    return (
      <div className="dimfig-status" data-testid={`dimfig-${figure}-status`} data-state="running">
        <progress max={1} value={state.progress} aria-label={`${label}: progress`} />
        <span data-testid={`dimfig-${figure}-progress`}>{Math.round(state.progress * 100)}%</span>
        <button type="button" onClick={() => cancelDimFigure(figure)}>Cancel</button>
      </div>
    );
  }
  const note = state.status === 'cancelled' ? 'cancelled' : state.status === 'error' ? `failed: ${state.message}` : state.status === 'done' ? `${(state.ms / 1000).toFixed(1)} s` : '';
  return (
    <div className="dimfig-status" data-testid={`dimfig-${figure}-status`} data-state={state.status} data-stale={stale}>
      <button type="button" onClick={onCompute} disabled={blocked !== null} title={blocked ?? undefined}>{label}</button>
      <span className="dimfig-note" data-testid={`dimfig-${figure}-note`}>{blocked ?? (stale ? `${note ? `${note}; ` : ''}the inputs changed since` : note)}</span>
    </div>
  );
}
