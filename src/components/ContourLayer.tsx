// Filled log-spaced contours of the objective, drawn as SVG paths in the plot's scales.
import { geoPath, geoTransform, interpolateViridis } from 'd3';
import { memo, useMemo } from 'react';
import type { ContourGrid } from '../state/store';
import { logContours } from './contours';
import type { PlotScales } from './usePlotScales';

export const ContourLayer = memo(function ContourLayer({ grid, scales }: { grid: ContourGrid; scales: PlotScales }) {
  const paths = useMemo(() => {
    const { polygons, levels } = logContours(grid.values, grid.nx, grid.ny);
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
    const path = geoPath(toPixels);
    return polygons.map((p, k) => ({ d: path(p) ?? '', fill: interpolateViridis(0.15 + 0.85 * levels[k]) }));
  }, [grid, scales]);
  return (
    <g className="contours" data-testid="contours" data-levels={paths.length}>
      {paths.map((p, k) => (
        <path key={k} d={p.d} fill={p.fill} fillOpacity={0.55} stroke="#1b1b1b" strokeOpacity={0.25} strokeWidth={0.6} />
      ))}
    </g>
  );
});
