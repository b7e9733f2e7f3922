// The contour picture of the plot, rasterized in the worker on an OffscreenCanvas and handed to
// the page as an ImageBitmap: computing and filling log-spaced contours takes tens of
// milliseconds, which the page's main thread must not spend.
import { geoPath, geoTransform } from 'd3';
import type { ViewWindow } from '../experiment/types';
import { logContours } from './contours';
import { levelColor } from './valueScale';

export interface ContourImage {
  bitmap: ImageBitmap;
  /** The window the picture covers, edge to edge. */
  view: ViewWindow;
  /** Number of filled levels drawn. */
  levels: number;
}

/** Draws the contours of `values` (nx x ny samples over `view`) on a width x height picture. */
export function renderContourImage(values: Float64Array, nx: number, ny: number, view: ViewWindow, width: number, height: number): ContourImage {
  const { polygons } = logContours(values, nx, ny);
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
  const ctx = canvas.getContext('2d')!;
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const dx = (x1 - x0) / (nx - 1);
  const dy = (y1 - y0) / (ny - 1);
  const sx = canvas.width / (x1 - x0);
  const sy = canvas.height / (y1 - y0);
  // d3-contour works in grid-cell coordinates: sample i sits at i + 0.5.
  const toPixels = geoTransform({
    point(gx: number, gy: number) {
      this.stream.point(((gx - 0.5) * dx) * sx, canvas.height - ((gy - 0.5) * dy) * sy);
    },
  });
  const path = geoPath(toPixels, ctx as unknown as CanvasRenderingContext2D);
  polygons.forEach((p, k) => {
    ctx.beginPath();
    path(p);
    ctx.fillStyle = levelColor(k, polygons.length - 1);
    ctx.globalAlpha = 0.6;
    ctx.fill();
    ctx.globalAlpha = 0.25;
    ctx.strokeStyle = '#1b1b1b';
    ctx.lineWidth = 0.6;
    ctx.stroke();
  });
  return { bitmap: canvas.transferToImageBitmap(), view, levels: polygons.length };
}
