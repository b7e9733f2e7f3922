// The explorer's layout: controls left, plot centre, runs and verdicts right.
import { useStore } from '../state/store';
import { ContourPlot } from './ContourPlot';
import { ErrorBanner } from './ErrorBanner';
import { PlaybackControls } from './PlaybackControls';
import { RunSummary } from './RunSummary';

export function App() {
  const surface = useStore((s) => s.surface);
  return (
    <div className="app">
      <header>
        <h1>Saddlepoint</h1>
        <span className="tagline">where optimizers stop, and why an eps-stationary point can be a saddle</span>
      </header>
      <ErrorBanner />
      <main>
        <section className="controls" aria-label="Controls">
          <PlaybackControls />
          {surface && (
            <div className="surface-info">
              <h2>{surface.name}</h2>
              <code>{surface.formula}</code>
              <p>{surface.teaches}</p>
            </div>
          )}
        </section>
        <section className="plot-area" aria-label="Plot">
          <ContourPlot />
        </section>
        <section className="side" aria-label="Runs">
          <RunSummary />
        </section>
      </main>
    </div>
  );
}
