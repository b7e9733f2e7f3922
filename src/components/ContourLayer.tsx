// The contour picture (rasterized in the worker) under the plot's SVG, placed through the plot's
// scales: while a zoom's new picture is on its way, the old one is drawn stretched to where its
// window now lies, so the view never jumps. A function problem's contours of another plane than
// the one now shown (the new plane's are on their way) are faded, not drawn as if they were its.
import { memo, useEffect, useRef } from 'react';
import type { ContourGrid } from '../state/store';
import { PLOT_MARGIN, type PlotScales } from './usePlotScales';

/** The faded contours (and colour bar) of a plane no longer shown. */
export const STALE_OPACITY = 0.25;

export const ContourLayer = memo(function ContourLayer({ grid, scales, size, stale = false }: { grid: ContourGrid; scales: PlotScales; size: number; stale?: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = size * dpr;
    canvas.height = size * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, PLOT_MARGIN.left * dpr, PLOT_MARGIN.top * dpr);
    ctx.clearRect(-PLOT_MARGIN.left, -PLOT_MARGIN.top, size, size);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, scales.width, scales.height);
    ctx.clip();
    const left = scales.x(grid.view.x[0]);
    const right = scales.x(grid.view.x[1]);
    const top = scales.y(grid.view.y[1]);
    const bottom = scales.y(grid.view.y[0]);
    ctx.drawImage(grid.bitmap, left, top, right - left, bottom - top);
    ctx.restore();
  }, [grid, scales, size]);
  return (
    <canvas ref={ref} className="contour-canvas" style={{ width: size, height: size, opacity: stale ? STALE_OPACITY : 1 }} data-testid="contours" data-levels={grid.levels} data-stale={stale} aria-hidden />
  );
});
