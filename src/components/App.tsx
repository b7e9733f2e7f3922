// The explorer's layout: controls left, plot centre, runs and verdicts right.
import { useStore } from '../state/store';
import { BatchSection } from './BatchSection';
import { Charts } from './Charts';
import { ColorBar } from './ColorBar';
import { ContourPlot } from './ContourPlot';
import { ErrorBanner } from './ErrorBanner';
import { LinkNotice } from './LinkNotice';
import { EscapeSection } from './escape';
import { Lessons } from './lessons';
import { NetworkView } from './NetworkView';
import { PlaybackControls } from './PlaybackControls';
import { PlotToolbar } from './PlotToolbar';
import { CriticalLegend, Readout } from './Readout';
import { RunSummary } from './RunSummary';
import { RunsPanel } from './RunsPanel';
import { ShareMenu } from './ShareMenu';
import { StopPanel } from './StopPanel';
import { SurfacePicker } from './SurfacePicker';
import { usePlotSize } from './usePlotSize';

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
              <PlotBox />
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
    </div>
  );
}

/** The contour plot, sized to its column and the window (mounted with the surface views only). */
function PlotBox() {
  const { ref, size } = usePlotSize<HTMLDivElement>();
  const scale = useStore((s) => s.grid?.scale);
  return (
    <div ref={ref} className="plot-box">
      <ContourPlot size={size} />
      {scale ? <ColorBar scale={scale} size={size} /> : <div style={{ height: 30 }} />}
    </div>
  );
}
