// x and y axes drawn by d3-axis into SVG groups.
import { axisBottom, axisLeft, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { PlotScales } from './usePlotScales';

export function Axes({ scales }: { scales: PlotScales }) {
  const xRef = useRef<SVGGElement>(null);
  const yRef = useRef<SVGGElement>(null);
  useEffect(() => {
    if (xRef.current) select(xRef.current).call(axisBottom(scales.x).ticks(8));
    if (yRef.current) select(yRef.current).call(axisLeft(scales.y).ticks(8));
  }, [scales]);
  return (
    <g className="axes">
      <g ref={xRef} transform={`translate(0,${scales.height})`} />
      <g ref={yRef} />
      <text x={scales.width / 2} y={scales.height + 30} textAnchor="middle" className="axis-label">x</text>
      <text x={-34} y={scales.height / 2} textAnchor="middle" className="axis-label">y</text>
    </g>
  );
}
