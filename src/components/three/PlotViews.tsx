// The plot area's views: the 2D contour plot, the 3D surface, or both side by side (the choice
// travels in the link), and presentation mode for a projector. The 3D view and three.js load
// only when it is first opened, so the first page stays small.
import { lazy, useEffect, useState } from 'react';
import { setContourRaster } from '../../state/controller';
import { contoursStale } from '../../state/plane';
import { useStore } from '../../state/store';
import { setPresenting, useView3dStore, type ViewLayout } from '../../state/view3d';
import { ColorBar } from '../ColorBar';
import { ContourPlot } from '../ContourPlot';
import { PLOT_MARGIN, PLOT_SIZE } from '../usePlotScales';
import { usePlotSize } from '../usePlotSize';
import { View3dSlot } from './View3dBoundary';
import { ViewLayoutButtons } from './ViewLayoutButtons';
import './view3d.css';

const View3d = lazy(() => import('./View3d'));

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/**
 * The side of each view in CSS pixels: one view as its column and the window allow (`fitted`,
 * usePlotSize), smaller side by side, as large as fits when presenting.
 */
function viewSize(layout: ViewLayout, presenting: boolean, win: { width: number; height: number }, fitted: number): number {
  const across = layout === 'both' ? 2 : 1;
  // Below the title, the playback bar and the toolbars (about 330 px at presentation type size).
  if (presenting) return Math.max(320, Math.floor(Math.min(win.height - 330, (win.width - 60) / across - 20)));
  return layout === 'both' ? Math.max(360, Math.min(PLOT_SIZE, Math.floor((win.width - 420) / 2))) : fitted;
}

export function PlotViews() {
  const layout = useView3dStore((s) => s.layout);
  const presenting = useView3dStore((s) => s.presenting);
  const win = useWindowSize();
  const fitted = usePlotSize<HTMLDivElement>();
  const size = viewSize(layout, presenting, win, fitted.size);
  const scale = useStore((s) => s.grid?.scale);
  const stale = useStore((s) => contoursStale(s.grid, s.fn));

  useEffect(() => {
    const root = document.documentElement;
    if (presenting) root.dataset.present = '';
    else delete root.dataset.present;
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPresenting(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);

  // The 3D view alone still needs the critical points, which come with the contours: a page
  // opened on the 3D view sizes them as the 2D plot would be.
  useEffect(() => {
    if (layout !== '3d') return;
    const dpr = window.devicePixelRatio || 1;
    setContourRaster((PLOT_SIZE - PLOT_MARGIN.left - PLOT_MARGIN.right) * dpr, (PLOT_SIZE - PLOT_MARGIN.top - PLOT_MARGIN.bottom) * dpr);
  }, [layout]);

  // Finger-sized controls on touch screens (CSS: .touch).
  useEffect(() => {
    const coarse = matchMedia('(pointer: coarse)');
    const apply = () => document.documentElement.classList.toggle('touch', coarse.matches || navigator.maxTouchPoints > 0);
    apply();
    coarse.addEventListener('change', apply);
    return () => coarse.removeEventListener('change', apply);
  }, []);

  return (
    <div className={`plot-views views-${layout}`}>
      <div className="view-switch" role="group" aria-label="Views">
        <ViewLayoutButtons />
        <button type="button" className="present-button" aria-pressed={presenting} onClick={() => setPresenting(!presenting)} title="Presentation mode: larger type and lines, panels folded away (Esc leaves)">
          {presenting ? 'Leave presentation' : 'Present'}
        </button>
      </div>
      <div ref={fitted.ref} className="views">
        {layout !== '3d' && (
          <div className="plot-box">
            <ContourPlot size={size} />
            {scale ? <ColorBar scale={scale} size={size} stale={stale} /> : <div style={{ height: 30 }} />}
          </div>
        )}
        {layout !== '2d' && (
          <View3dSlot size={size}>
            <View3d size={size} />
          </View3dSlot>
        )}
      </div>
    </div>
  );
}
