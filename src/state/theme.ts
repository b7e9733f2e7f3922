// The colour theme: the one chosen last (kept in localStorage), else the system's preference.
import { redrawContours } from './contourGrid';
import { useStore } from './store';

const KEY = 'saddlepoint.theme';
type Theme = 'light' | 'dark';

/** Storage can be missing or refuse (private windows, sandboxed frames): the theme then just is not kept. */
function stored(): Theme | null {
  try {
    const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

export function initialTheme(): Theme {
  return stored() ?? (typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

export function setTheme(theme: Theme): void {
  useStore.setState({ theme });
  redrawContours();
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // not kept; the page works the same
  }
}
