// The "Export animation" menu item's work and its progress line ("frame i of n", Cancel).
import { useRaceAnimation } from '../../state/raceAnimation';
import { useStore } from '../../state/store';
import { download } from '../download';
import { recordRace, webmType } from './recordRace';

export async function exportRaceAnimation(): Promise<void> {
  if (useRaceAnimation.getState().progress) return;
  if (!webmType()) {
    useStore.setState({ error: 'Animation export needs WebM recording (MediaRecorder), which this browser does not support.' });
    return;
  }
  const abort = new AbortController();
  const cancel = () => abort.abort();
  useRaceAnimation.setState({ progress: { frame: 0, total: 1, cancel } });
  try {
    const r = await recordRace(abort.signal, (frame, total) => useRaceAnimation.setState({ progress: { frame, total, cancel } }));
    if (r.ok) download('saddlepoint-race.webm', r.value);
    else if (!abort.signal.aborted) useStore.setState({ error: `animation export failed: ${r.error}` });
  } finally {
    useRaceAnimation.setState({ progress: null });
  }
}

export function RaceAnimationProgress() {
  const progress = useRaceAnimation((s) => s.progress);
  if (!progress) return null;
  return (
    <div className="share-popover" data-testid="animation-progress">
      <span role="status">
        Recording animation: frame {progress.frame} of {progress.total}
      </span>{' '}
      <button type="button" onClick={progress.cancel}>
        Cancel
      </button>
    </div>
  );
}
