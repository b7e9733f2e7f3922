// Play / pause / step / reset, the speed of playback (steps per frame), and a scrubber over
// the steps already computed. Keyboard: space plays or pauses, -> steps, <- scrubs back, r resets.
import { useEffect } from 'react';
import { pause, play, reset, setSpeed, step } from '../state/controller';
import { useStore } from '../state/store';
import { ShortcutHelp } from './a11y/ShortcutHelp';
import { StepProgressLine } from './nets/StepProgressLine';

const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const SHORTCUTS = 'Keyboard: space play/pause, → step (shift: 10), ← scrub back, r reset';

function typingInField(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
}

function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e) || e.metaKey || e.ctrlKey || e.altKey) return;
      const s = useStore.getState();
      if (e.key === ' ') {
        e.preventDefault();
        if (s.status === 'playing') void pause();
        else play();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        step(e.shiftKey ? 10 : 1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        const last = Math.max(0, ...s.traces.map((t) => t.length - 1));
        void pause();
        useStore.setState({ scrubStep: Math.max(0, (s.scrubStep ?? last) - (e.shiftKey ? 10 : 1)) });
      } else if (e.key === 'r' || e.key === 'R') {
        reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function PlaybackControls() {
  useShortcuts();
  const status = useStore((s) => s.status);
  const speed = useStore((s) => s.speed);
  const scrubStep = useStore((s) => s.scrubStep);
  const maxStep = useStore((s) => Math.max(0, ...(s.mode === 'network' ? s.netTraces : s.traces).map((t) => t.length - 1)));
  const isSurface = useStore((s) => s.mode === 'surface');
  const playing = status === 'playing';
  return (
    <div className="playback" role="group" aria-label="Playback" title={SHORTCUTS}>
      <button type="button" onClick={playing ? pause : play} disabled={status === 'finished' || status === 'idle'} aria-label={playing ? 'Pause' : 'Play'} title={`${playing ? 'Pause' : 'Play'} (space)`}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => step(1)} disabled={status === 'finished' || status === 'idle'} aria-label="Step" title="One step (→; shift: 10)">
        Step
      </button>
      <button type="button" onClick={reset} aria-label="Reset" title="Back to step 0 (r)">
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
      <StepProgressLine />
      {isSurface && (
      <label className="scrubber">
        <span>step {scrubStep ?? maxStep} / {maxStep}</span>
        <input
          type="range"
          aria-label="Scrub steps"
          min={0}
          max={maxStep}
          value={scrubStep ?? maxStep}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (useStore.getState().status === 'playing') void pause();
            useStore.setState({ scrubStep: v >= maxStep ? null : v, hoverStep: v });
          }}
        />
      </label>
      )}
      <span className="shortcut-hint" title={SHORTCUTS} aria-label={SHORTCUTS}>⌨</span>
      <ShortcutHelp />
    </div>
  );
}
