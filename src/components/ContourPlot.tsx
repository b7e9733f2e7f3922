// The plot: contours, critical points, axes and trajectories in one SVG sharing one pair of
// scales. A click sets run 1's start point and restarts; moving the pointer shows the values
// under it and the nearest step of a path (linked with the charts).
import type { MouseEvent } from 'react';
import { probeAt, setStart } from '../state/controller';
import { useStore } from '../state/store';
import { Axes } from './Axes';
import { ContourLayer } from './ContourLayer';
import { CriticalPointsLayer } from './CriticalPointsLayer';
import { nearestStep } from './nearestStep';
import { TrajectoryLayer } from './TrajectoryLayer';
import { PLOT_MARGIN, usePlotScales } from './usePlotScales';

const FALLBACK_VIEW = { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] };

export function ContourPlot({ size = 600 }: { size?: number }) {
  const grid = useStore((s) => s.grid);
  const traces = useStore((s) => s.traces);
  const revision = useStore((s) => s.revision);
  const hoverStep = useStore((s) => s.hoverStep);
  const criticalPoints = useStore((s) => s.criticalPoints);
  const view = grid?.view ?? FALLBACK_VIEW;
  const scales = usePlotScales(view, size);

  const toData = (e: MouseEvent<SVGRectElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    return { px, py, x: scales.x.invert(px), y: scales.y.invert(py) };
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
          <rect
            width={scales.width}
            height={scales.height}
            fill="transparent"
            style={{ cursor: 'crosshair' }}
            data-testid="plot-click-target"
            aria-label="Click to set the start point"
            onClick={(e) => {
              const { x, y } = toData(e);
              setStart(Number(x.toPrecision(6)), Number(y.toPrecision(6)));
            }}
            onMouseMove={(e) => {
              const { px, py, x, y } = toData(e);
              void probeAt(x, y);
              useStore.setState({ hoverStep: nearestStep(traces, scales, px, py) });
            }}
            onMouseLeave={() => useStore.setState({ probe: null, hoverStep: null })}
          />
          {criticalPoints && <CriticalPointsLayer points={criticalPoints} scales={scales} />}
          <g pointerEvents="none">
            <TrajectoryLayer traces={traces} scales={scales} revision={revision} hoverStep={hoverStep} />
          </g>
        </g>
        <Axes scales={scales} />
      </g>
    </svg>
  );
}
