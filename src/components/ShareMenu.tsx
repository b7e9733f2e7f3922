// Sharing and exporting: the link (now, or paused at the shown step), the experiment as JSON
// (export and import), the trajectories as CSV, the plot as PNG or SVG with its legend.
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { exportExperimentJson } from '../experiment/link';
import { trajectoriesCsv } from '../state/csvExport';
import { importExperimentFile } from '../state/loadExperiment';
import { useStore } from '../state/store';
import { shareUrl } from '../state/urlSync';
import { copyText, download } from './download';
import { plotSvg, svgToPng } from './exportPlot';
import { collectFigure } from './figure/collectFigure';
import { figureSvg } from './figure/figureSvg';
import { exportRaceAnimation, RaceAnimationProgress } from './figure/RaceAnimation';

function toast(message: string): void {
  useStore.setState({ toast: message });
  setTimeout(() => useStore.getState().toast === message && useStore.setState({ toast: null }), 2500);
}

function exportCsv(): void {
  const { name, text } = trajectoriesCsv(useStore.getState());
  download(name, text, 'text/csv');
}

/** The slide figure (16:9): the plot or decision boundary, charts, legend, formula, verdicts. */
async function exportFigure(format: 'svg' | 'png'): Promise<void> {
  try {
    const svg = figureSvg(await collectFigure());
    if (format === 'svg') download('figure.svg', svg, 'image/svg+xml');
    else download('figure.png', await svgToPng(svg));
  } catch (err) {
    useStore.setState({ error: `figure export failed: ${(err as Error).message}` });
  }
}

function currentStep(): number {
  const s = useStore.getState();
  const traces = s.mode === 'network' ? s.netTraces : s.traces;
  return s.scrubStep ?? Math.max(0, ...traces.map((t) => t.length - 1));
}

/** Closes the menu on a click outside it or on Escape. */
function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [ref, open, close]);
}

export function ShareMenu() {
  const fileRef = useRef<HTMLInputElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(menuRef, open, close);
  const [lastLink, setLastLink] = useState<string | null>(null);
  const message = useStore((s) => s.toast);
  const isNetwork = useStore((s) => s.mode === 'network');

  const copyLink = async (atStep?: number) => {
    const url = shareUrl(useStore.getState().experiment, atStep);
    setLastLink(url);
    toast((await copyText(url)) ? (atStep === undefined ? 'Link copied' : `Link at step ${atStep} copied`) : 'Copy the link below');
  };
  /** A menu item: does its work and closes the menu. */
  const item = (fn: () => unknown) => () => {
    setOpen(false);
    void fn();
  };

  const plotLegend = () => useStore.getState().traces.map((t) => ({ label: t.label, color: t.color }));
  const plotContainer = () => document.querySelector('.plot-stack') as HTMLElement;

  // Copy link stays on the header; the rarer actions sit in one menu, so that the header (and
  // the tagline) fit on one line at 1,024 px.
  return (
    <div className="share-menu" role="group" aria-label="Share and export">
      <button type="button" onClick={() => copyLink()}>Copy link</button>
      <div className="share-more" ref={menuRef}>
        <button type="button" aria-expanded={open} aria-haspopup="true" aria-label="Share, export and import" onClick={() => setOpen(!open)}>
          Export / import ▾
        </button>
        <div className="share-dropdown" role="group" aria-label="Export and import" hidden={!open}>
          <button type="button" onClick={item(() => copyLink(currentStep()))}>Copy link at this step</button>
          <button type="button" onClick={item(() => download('experiment.json', exportExperimentJson(useStore.getState().experiment), 'application/json'))}>
            Export JSON
          </button>
          <button type="button" onClick={item(() => fileRef.current?.click())}>Import JSON</button>
          <button type="button" onClick={item(exportCsv)}>Export CSV</button>
          <button type="button" disabled={isNetwork} onClick={item(() => download('plot.svg', plotSvg(plotContainer(), plotLegend()), 'image/svg+xml'))}>Export SVG</button>
          <button
            type="button"
            disabled={isNetwork}
            onClick={item(async () => {
              try {
                download('plot.png', await svgToPng(plotSvg(plotContainer(), plotLegend())));
              } catch (err) {
                useStore.setState({ error: `PNG export failed: ${(err as Error).message}` });
              }
            })}
          >
            Export PNG
          </button>
          <button type="button" onClick={item(() => exportFigure('svg'))}>Export figure (SVG, 16:9)</button>
          <button type="button" onClick={item(() => exportFigure('png'))}>Export figure (PNG, 16:9)</button>
          <button type="button" disabled={isNetwork} onClick={item(exportRaceAnimation)}>Export animation (WebM)</button>
        </div>
      </div>
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
          // A file that is no experiment changes nothing; the error says why.
          if (await importExperimentFile(await file.text(), file.name)) toast(`Imported ${file.name}`);
        }}
      />
      <RaceAnimationProgress />
      {(message || lastLink) && (
        <div className="share-popover">
          {message && <span className="toast" role="status" data-testid="toast">{message}</span>}
          {lastLink && <input className="link-box" readOnly value={lastLink} aria-label="Share link" onFocus={(e) => e.target.select()} />}
        </div>
      )}
    </div>
  );
}
