// x and y axes drawn by d3-axis into SVG groups, with labels formatted relative to the view
// (axisTicks.ts), so that they stay short and apart at any zoom.
import { axisBottom, axisLeft, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import { axisTicks, axisTitle } from './axisTicks';
import type { PlotScales } from './usePlotScales';

const TICKS = 8;
/** About the width of one character of a 12px tick label. */
const CHAR_PX = 7.2;
/** The widest y label that fits in the plot's left margin. */
export const Y_LABEL_CHARS = 6;

/** `names`: what the axes are (a function problem's plane: "x1", "x3" or "PC1 (82%)", "PC2 (11%)"); x and y by default. */
export function Axes({ scales, names = ['x', 'y'] }: { scales: PlotScales; names?: readonly [string, string] }) {
  const xRef = useRef<SVGGElement>(null);
  const yRef = useRef<SVGGElement>(null);
  const { xt, yt } = useMemo(() => {
    // x labels must fit between neighbouring ticks; y labels in the margin.
    const xChars = Math.max(4, Math.floor(scales.width / TICKS / CHAR_PX) - 1);
    return {
      xt: axisTicks(scales.x.domain() as [number, number], TICKS, xChars),
      yt: axisTicks(scales.y.domain() as [number, number], TICKS, Y_LABEL_CHARS),
    };
  }, [scales]);
  useEffect(() => {
    if (xRef.current) select(xRef.current).call(axisBottom(scales.x).tickValues(xt.values).tickFormat((_, i) => xt.labels[i]));
    if (yRef.current) select(yRef.current).call(axisLeft(scales.y).tickValues(yt.values).tickFormat((_, i) => yt.labels[i]));
  }, [scales, xt, yt]);
  const step = (t: typeof xt) => (t.values.length > 1 ? t.values[1] - t.values[0] : 1);
  return (
    <g className="axes" data-testid="axes">
      <g ref={xRef} transform={`translate(0,${scales.height})`} data-testid="x-axis" />
      <g ref={yRef} data-testid="y-axis" />
      <text x={scales.width / 2} y={scales.height + 30} textAnchor="middle" className="axis-label" data-testid="x-title">
        {axisTitle(names[0], xt.offset, step(xt))}
      </text>
      <text x={-34} y={scales.height / 2} textAnchor="middle" className="axis-label" transform={yt.offset === 0 && names[1].length <= 1 ? undefined : `rotate(-90, -34, ${scales.height / 2})`} data-testid="y-title">
        {axisTitle(names[1], yt.offset, step(yt))}
      </text>
    </g>
  );
}
