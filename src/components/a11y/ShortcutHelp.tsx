// The keyboard shortcuts, listed in a dialog that "?" (or its button) opens and Escape closes,
// so that a keyboard user can find them (a tooltip on an icon reaches only a mouse).
import { useEffect, useRef, useState } from 'react';

const SHORTCUTS: [keys: string, what: string][] = [
  ['space', 'play / pause'],
  ['→', 'one step (shift: 10)'],
  ['←', 'scrub back (shift: 10)'],
  ['r', 'back to step 0'],
  ['arrows, plot focused', "move run 1's start (shift: farther)"],
  ['↑ ↓, eps line focused', 'raise / lower eps (shift: a decade)'],
  ['?', 'this list'],
  ['Escape', 'close it'],
];

const DIALOG = { position: 'fixed', top: '20%', left: '50%', transform: 'translateX(-50%)', zIndex: 20, padding: '12px 16px', background: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--muted)', borderRadius: 6, boxShadow: '0 4px 16px rgba(0,0,0,0.25)' } as const;

function typingInField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !typingInField(e.target)) {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  return (
    <>
      <button type="button" className="shortcut-button" aria-label="Keyboard shortcuts (?)" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="shortcuts-button">
        ?
      </button>
      {open && (
        <div role="dialog" aria-modal="false" aria-label="Keyboard shortcuts" className="shortcut-dialog" data-testid="shortcuts" style={DIALOG}>
          <h2>Keyboard shortcuts</h2>
          <dl>
            {SHORTCUTS.map(([k, what]) => (
              <div key={k}>
                <dt><kbd>{k}</kbd></dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <button type="button" ref={close} onClick={() => setOpen(false)}>Close</button>
        </div>
      )}
    </>
  );
}
