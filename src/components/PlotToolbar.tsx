// Above the plot: reset the zoomed view, switch light and dark themes.
import { useEffect } from 'react';
import { setView } from '../state/controller';
import { setTheme } from '../state/theme';
import { useStore } from '../state/store';

export function PlotToolbar() {
  const zoomed = useStore((s) => s.experiment.view !== undefined);
  const theme = useStore((s) => s.theme);
  const fadeTail = useStore((s) => s.fadeTail);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="plot-toolbar">
      <span className="muted hint">Scroll to zoom, drag to pan, click to start run 1 there.</span>
      <label>
        <input type="checkbox" checked={fadeTail} aria-label="Fading tail" onChange={(e) => useStore.setState({ fadeTail: e.target.checked })} /> fading tail
      </label>
      <button type="button" aria-label="Reset view" disabled={!zoomed} onClick={() => setView(null)}>
        Reset view
      </button>
      <button type="button" aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
    </div>
  );
}
