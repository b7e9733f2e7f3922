// The explorer's layout: controls left, plot centre, runs and verdicts right.
import { useStore } from '../state/store';
import { BatchSection } from './BatchSection';
import { Charts } from './Charts';
import { ErrorBanner } from './ErrorBanner';
import { LinkNotice } from './LinkNotice';
import { EscapeSection } from './escape';
import { DimFigures } from './dims/DimFigures';
import { Lessons } from './lessons';
import { NetworkView } from './NetworkView';
import { PlaybackControls } from './PlaybackControls';
import { PlotToolbar } from './PlotToolbar';
import { CriticalLegend, Readout } from './Readout';
import { RunSummary } from './RunSummary';
import { RunsPanel } from './RunsPanel';
import { ShareMenu } from './ShareMenu';
import { StopPanel } from './StopPanel';
import { PlotViews } from './three/PlotViews';
import { SurfacePicker } from './SurfacePicker';

export function App() {
  const mode = useStore((s) => s.mode);
  return (
    <div className="app">
      <header>
        <h1>Saddlepoint</h1>
        <Lessons />
        <span className="tagline">where optimizers stop, and why an eps-stationary point can be a saddle</span>
        <ShareMenu />
      </header>
      <ErrorBanner />
      <LinkNotice />
      <main>
        <section className="controls" aria-label="Controls">
          <PlaybackControls />
          <SurfacePicker />
          <StopPanel />
          <RunsPanel />
        </section>
        {mode === 'network' ? (
          <section className="network-area" aria-label="Network">
            <NetworkView />
          </section>
        ) : (
          <>
            <section className="plot-area" aria-label="Plot">
              <PlotToolbar />
              <PlotViews />
              <CriticalLegend />
              <Readout />
            </section>
            <section className="side" aria-label="Runs">
              <RunSummary />
              <Charts />
            </section>
          </>
        )}
      </main>
      {mode === 'surface' && <BatchSection />}
      {mode === 'surface' && <EscapeSection />}
      <DimFigures />
    </div>
  );
}
