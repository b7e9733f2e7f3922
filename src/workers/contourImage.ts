// The contour picture of the plot, rasterized in the worker on an OffscreenCanvas and handed to
// the page as an ImageBitmap: computing and filling log-spaced contours takes tens of
// milliseconds, which the page's main thread must not spend. Each band is filled opaque with its
// own colour (nested translucent fills made the lowest band, painted once, lighter than the bands
// above it); where f is not finite the picture is hatched, not coloured as a value. The colours
// are the value scale's (valueScale.ts), shared with the 3D surface.
import { geoPath, geoTransform, type ContourMultiPolygon } from 'd3';
import type { ViewWindow } from '../experiment/types';
import { logContours } from './contours';
import { bandColor } from './valueScale';

export interface ContourScale {
  /** f where each band begins, lowest first (band k covers [thresholds[k], thresholds[k + 1])). */
  thresholds: number[];
  /** Each band's colour. */
  colors: string[];
  /** The largest finite f in the picture (the last band's top). */
  max: number;
  /** Whether part of the picture is where f is not finite (hatched). */
  hasUndefined: boolean;
}

export interface ContourImage {
  bitmap: ImageBitmap;
  /** The window the picture covers, edge to edge. */
  view: ViewWindow;
  /** Number of filled levels drawn. */
  levels: number;
  /** The colour scale, for the plot's colour bar. */
  scale: ContourScale;
}

const HATCH_PX = 8;

/** Diagonal grey lines on transparent: the fill of "f is not defined here". */
function hatchPattern(ctx: OffscreenCanvasRenderingContext2D): CanvasPattern | null {
  const tile = new OffscreenCanvas(HATCH_PX, HATCH_PX);
  const t = tile.getContext('2d')!;
  t.fillStyle = 'rgba(128, 128, 128, 0.18)';
  t.fillRect(0, 0, HATCH_PX, HATCH_PX);
  t.strokeStyle = 'rgba(90, 90, 90, 0.9)';
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, HATCH_PX);
  t.lineTo(HATCH_PX, 0);
  t.moveTo(-1, 1);
  t.lineTo(1, -1);
  t.moveTo(HATCH_PX - 1, HATCH_PX + 1);
  t.lineTo(HATCH_PX + 1, HATCH_PX - 1);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** Draws the contours of `values` (nx x ny samples over `view`) on a width x height picture. */
export function renderContourImage(values: Float64Array, nx: number, ny: number, view: ViewWindow, width: number, height: number, background = '#ffffff'): ContourImage {
  const { polygons, levels, thresholds, max, undefinedArea } = logContours(values, nx, ny);
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
  const colors = levels.map((level) => bandColor(level, background));
  polygons.forEach((p, k) => {
    ctx.beginPath();
    path(p);
    ctx.fillStyle = colors[k];
    ctx.globalAlpha = 1;
    ctx.fill();
    ctx.globalAlpha = 0.25;
    ctx.strokeStyle = '#1b1b1b';
    ctx.lineWidth = 0.6;
    ctx.stroke();
  });
  if (undefinedArea) fillUndefined(ctx, path, undefinedArea);
  return { bitmap: canvas.transferToImageBitmap(), view, levels: polygons.length, scale: { thresholds, colors, max, hasUndefined: undefinedArea !== null } };
}

function fillUndefined(ctx: OffscreenCanvasRenderingContext2D, path: ReturnType<typeof geoPath>, area: ContourMultiPolygon): void {
  const pattern = hatchPattern(ctx);
  ctx.globalAlpha = 1;
  ctx.beginPath();
  path(area);
  ctx.fillStyle = pattern ?? 'rgba(128, 128, 128, 0.4)';
  ctx.fill();
}
