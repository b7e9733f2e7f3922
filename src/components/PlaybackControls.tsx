// Play / pause / step / reset and the speed of playback.
import { pause, play, reset, setSpeed, step } from '../state/controller';
import { useStore } from '../state/store';

const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export function PlaybackControls() {
  const status = useStore((s) => s.status);
  const speed = useStore((s) => s.speed);
  const playing = status === 'playing';
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button type="button" onClick={playing ? pause : play} disabled={status === 'finished' || status === 'idle'} aria-label={playing ? 'Pause' : 'Play'}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => step(1)} disabled={status === 'finished' || status === 'idle'} aria-label="Step">
        Step
      </button>
      <button type="button" onClick={reset} aria-label="Reset">
        Reset
      </button>
      <label>
        Steps per frame{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Steps per frame">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <span className="status" data-testid="status">{status}</span>
    </div>
  );
}
