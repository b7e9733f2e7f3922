// Sharing and exporting: the link (now, or paused at the shown step), the experiment as JSON
// (export and import), the trajectories as CSV, the plot as PNG or SVG with its legend.
import { useRef, useState } from 'react';
import { exportExperimentJson, importExperimentJson } from '../experiment/link';
import { networkCsv } from '../nets/csv';
import { trajectoryCsv } from '../optim/csv';
import { startExperiment } from '../state/controller';
import { useStore } from '../state/store';
import { shareUrl } from '../state/urlSync';
import { copyText, download } from './download';
import { plotSvg, svgToPng } from './exportPlot';

function toast(message: string): void {
  useStore.setState({ toast: message });
  setTimeout(() => useStore.getState().toast === message && useStore.setState({ toast: null }), 2500);
}

function exportCsv(): void {
  const s = useStore.getState();
  const csv = s.mode === 'network' ? networkCsv(s.netTraces) : trajectoryCsv(s.traces);
  download(s.mode === 'network' ? 'training.csv' : 'trajectories.csv', csv, 'text/csv');
}

function currentStep(): number {
  const s = useStore.getState();
  const traces = s.mode === 'network' ? s.netTraces : s.traces;
  return s.scrubStep ?? Math.max(0, ...traces.map((t) => t.length - 1));
}

export function ShareMenu() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [lastLink, setLastLink] = useState<string | null>(null);
  const message = useStore((s) => s.toast);
  const isNetwork = useStore((s) => s.mode === 'network');

  const copyLink = async (atStep?: number) => {
    const url = shareUrl(useStore.getState().experiment, atStep);
    setLastLink(url);
    toast((await copyText(url)) ? (atStep === undefined ? 'Link copied' : `Link at step ${atStep} copied`) : 'Copy the link below');
  };

  const plotLegend = () => useStore.getState().traces.map((t) => ({ label: t.label, color: t.color }));
  const plotContainer = () => document.querySelector('.plot-stack') as HTMLElement;

  return (
    <div className="share-menu" role="group" aria-label="Share and export">
      <button type="button" onClick={() => copyLink()}>Copy link</button>
      <button type="button" onClick={() => copyLink(currentStep())}>Copy link at this step</button>
      <button type="button" onClick={() => download('experiment.json', exportExperimentJson(useStore.getState().experiment), 'application/json')}>
        Export JSON
      </button>
      <button type="button" onClick={() => fileRef.current?.click()}>Import JSON</button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Import JSON file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const { experiment, problems } = importExperimentJson(await file.text());
          useStore.setState({ linkProblems: problems.length ? problems : null });
          await startExperiment(experiment);
          toast(`Imported ${file.name}`);
        }}
      />
      <button type="button" onClick={exportCsv}>Export CSV</button>
      <button type="button" disabled={isNetwork} onClick={() => download('plot.svg', plotSvg(plotContainer(), plotLegend()), 'image/svg+xml')}>Export SVG</button>
      <button
        type="button"
        disabled={isNetwork}
        onClick={async () => {
          try {
            download('plot.png', await svgToPng(plotSvg(plotContainer(), plotLegend())));
          } catch (err) {
            useStore.setState({ error: `PNG export failed: ${(err as Error).message}` });
          }
        }}
      >
        Export PNG
      </button>
      {message && <span className="toast" role="status" data-testid="toast">{message}</span>}
      {lastLink && <input className="link-box" readOnly value={lastLink} aria-label="Share link" onFocus={(e) => e.target.select()} />}
    </div>
  );
}
