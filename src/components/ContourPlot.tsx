// The plot: contours, axes and trajectories in one SVG sharing one pair of scales.
// A click sets run 1's start point and restarts.
import type { MouseEvent } from 'react';
import { setStart } from '../state/controller';
import { useStore } from '../state/store';
import { Axes } from './Axes';
import { ContourLayer } from './ContourLayer';
import { TrajectoryLayer } from './TrajectoryLayer';
import { PLOT_MARGIN, usePlotScales } from './usePlotScales';

const FALLBACK_VIEW = { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] };

export function ContourPlot({ size = 600 }: { size?: number }) {
  const grid = useStore((s) => s.grid);
  const traces = useStore((s) => s.traces);
  const revision = useStore((s) => s.revision);
  const view = grid?.view ?? FALLBACK_VIEW;
  const scales = usePlotScales(view, size);

  const onClick = (e: MouseEvent<SVGRectElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = scales.x.invert(e.clientX - rect.left);
    const y = scales.y.invert(e.clientY - rect.top);
    setStart(Number(x.toPrecision(6)), Number(y.toPrecision(6)));
  };

  return (
    <svg width={size} height={size} className="plot" role="img" aria-label="Contour plot with optimizer paths" data-testid="plot">
      <defs>
        <clipPath id="plot-clip">
          <rect width={scales.width} height={scales.height} />
        </clipPath>
      </defs>
      <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
        <rect width={scales.width} height={scales.height} className="plot-bg" />
        <g clipPath="url(#plot-clip)">
          {grid && <ContourLayer grid={grid} scales={scales} />}
          <TrajectoryLayer traces={traces} scales={scales} revision={revision} />
        </g>
        <Axes scales={scales} />
        <rect
          width={scales.width}
          height={scales.height}
          fill="transparent"
          style={{ cursor: 'crosshair' }}
          onClick={onClick}
          data-testid="plot-click-target"
          aria-label="Click to set the start point"
        />
      </g>
    </svg>
  );
}
