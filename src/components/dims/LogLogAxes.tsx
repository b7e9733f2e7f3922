// The axes of a log-log figure: ticks at whole decades (and at 2 and 5 times them when a domain
// spans less than two decades), each axis titled.
import type { ScaleLogarithmic } from 'd3';

/** 1, 10, 100, 1000, 10000, then 1e5 ...; 0.1 .. 1e-4, then 1e-5 ... */
export function logTickLabel(v: number): string {
  const k = Math.round(Math.log10(v));
  const decade = Math.abs(Math.log10(v) - k) < 1e-9;
  return decade && Math.abs(k) >= 5 ? `1e${k}` : String(Number(v.toPrecision(6)));
}

export function logTicks(scale: ScaleLogarithmic<number, number>): number[] {
  const all = scale.ticks();
  const mantissa = (t: number) => Number((t / 10 ** Math.floor(Math.log10(t) + 1e-9)).toPrecision(6));
  const decades = all.filter((t) => mantissa(t) === 1);
  return decades.length >= 2 ? decades : all.filter((t) => [1, 2, 5].includes(mantissa(t)));
}

export function LogLogAxes({ x, y, width, height, xTitle, yTitle }: { x: ScaleLogarithmic<number, number>; y: ScaleLogarithmic<number, number>; width: number; height: number; xTitle: string; yTitle: string }) {
  return (
    <g className="dimfig-axes">
      <line className="dimfig-axis" x1={0} x2={width} y1={height} y2={height} />
      <line className="dimfig-axis" x1={0} x2={0} y1={0} y2={height} />
      {logTicks(x).map((t) => (
        <g key={`x${t}`} transform={`translate(${x(t)},${height})`}>
          <line className="dimfig-axis" y2={4} />
          <text className="dimfig-tick" y={15} textAnchor="middle">{logTickLabel(t)}</text>
        </g>
      ))}
      {logTicks(y).map((t) => (
        <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
          <line className="dimfig-axis" x2={-4} />
          <line className="dimfig-grid" x2={width} />
          <text className="dimfig-tick" x={-6} y={3} textAnchor="end">{logTickLabel(t)}</text>
        </g>
      ))}
      <text className="dimfig-title" x={width / 2} y={height + 30} textAnchor="middle">{xTitle}</text>
      <text className="dimfig-title" transform={`translate(-40,${height / 2}) rotate(-90)`} textAnchor="middle">{yTitle}</text>
    </g>
  );
}
