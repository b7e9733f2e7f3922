// Filled log-spaced contours of the objective, rasterized once per grid onto a canvas under the
// plot's SVG: trajectories then repaint without re-rasterizing every contour each frame.
import { geoPath, geoTransform, interpolateViridis } from 'd3';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { ContourGrid } from '../state/store';
import { logContours } from './contours';
import { PLOT_MARGIN, type PlotScales } from './usePlotScales';

export const ContourLayer = memo(function ContourLayer({ grid, scales, size }: { grid: ContourGrid; scales: PlotScales; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const contours = useMemo(() => logContours(grid.values, grid.nx, grid.ny), [grid]);
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
    const [x0, x1] = grid.view.x;
    const [y0, y1] = grid.view.y;
    const dx = (x1 - x0) / (grid.nx - 1);
    const dy = (y1 - y0) / (grid.ny - 1);
    // d3-contour works in grid-cell coordinates: sample i sits at i + 0.5.
    const toPixels = geoTransform({
      point(gx: number, gy: number) {
        this.stream.point(scales.x(x0 + (gx - 0.5) * dx), scales.y(y0 + (gy - 0.5) * dy));
      },
    });
    const path = geoPath(toPixels, ctx);
    contours.polygons.forEach((p, k) => {
      ctx.beginPath();
      path(p);
      ctx.fillStyle = interpolateViridis(0.15 + 0.85 * contours.levels[k]);
      ctx.globalAlpha = 0.6;
      ctx.fill();
      ctx.globalAlpha = 0.25;
      ctx.strokeStyle = '#1b1b1b';
      ctx.lineWidth = 0.6;
      ctx.stroke();
    });
    ctx.restore();
  }, [contours, grid, scales, size]);
  return (
    <canvas
      ref={ref}
      className="contour-canvas"
      style={{ width: size, height: size }}
      data-testid="contours"
      data-levels={contours.polygons.length}
      aria-hidden
    />
  );
});
