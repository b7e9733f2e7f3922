// The plot's contours as SVG path data, for the exported figure: the same bands, levels and
// colours as the raster (contourImage.ts), as vector paths in the plot's pixel coordinates.
import { geoPath, geoTransform } from 'd3';
import type { ViewWindow } from '../experiment/types';
import { logContours } from './contours';
import { bandColor } from './valueScale';

export interface ContourPaths {
  /** One filled band per level, lowest f first; d in pixels of a width x height drawing area. */
  bands: { d: string; fill: string }[];
  /** Where f is not finite (drawn hatched), or null. */
  undefinedArea: string | null;
}

export function contourPaths(values: Float64Array, nx: number, ny: number, view: ViewWindow, width: number, height: number, background = '#ffffff'): ContourPaths {
  const { polygons, levels, undefinedArea } = logContours(values, nx, ny);
  const dx = (view.x[1] - view.x[0]) / (nx - 1);
  const dy = (view.y[1] - view.y[0]) / (ny - 1);
  const sx = width / (view.x[1] - view.x[0]);
  const sy = height / (view.y[1] - view.y[0]);
  // d3-contour works in grid-cell coordinates: sample i sits at i + 0.5 (as in contourImage.ts).
  const toPixels = geoTransform({
    point(gx: number, gy: number) {
      this.stream.point(Number(((gx - 0.5) * dx * sx).toFixed(2)), Number((height - (gy - 0.5) * dy * sy).toFixed(2)));
    },
  });
  const path = geoPath(toPixels);
  return {
    bands: polygons.map((p, k) => ({ d: path(p) ?? '', fill: bandColor(levels[k], background) })),
    undefinedArea: undefinedArea ? path(undefinedArea) : null,
  };
}
