// A histogram of whole steps with the quartiles drawn over it: the band from q1 to q3 and a line
// at the median. Bars, band and line are SVG, so an exported page keeps them sharp.
import { scaleLinear } from 'd3';
import type { Histogram, Quartiles } from '../../state/escape/escapeRuns';

export interface StepHistogramProps {
  title: string;
  histogram: Histogram;
  quartiles: Quartiles | null;
  testId: string;
  width?: number;
  height?: number;
}

const M = { top: 20, right: 12, bottom: 30, left: 40 };

export function StepHistogram({ title, histogram, quartiles, testId, width = 380, height = 180 }: StepHistogramProps) {
  const { edges, counts } = histogram;
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  if (edges.length === 0) {
    return (
      <figure className="escape-chart" data-testid={testId}>
        <figcaption>{title}</figcaption>
        <p className="escape-empty">no seed to show</p>
      </figure>
    );
  }
  const x = scaleLinear().domain([edges[0], edges[edges.length - 1]]).range([0, w]);
  const y = scaleLinear().domain([0, Math.max(1, ...counts)]).nice().range([h, 0]);
  return (
    <figure className="escape-chart" data-testid={testId} data-median={quartiles?.median ?? ''}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={`${title}: histogram`}>
        <g transform={`translate(${M.left},${M.top})`}>
          {quartiles ? (
            <rect className="escape-iqr" x={x(quartiles.q1)} width={Math.max(1, x(quartiles.q3) - x(quartiles.q1))} y={0} height={h}>
              <title>{`quartiles ${quartiles.q1} to ${quartiles.q3}`}</title>
            </rect>
          ) : null}
          {counts.map((c, k) => (
            <rect key={k} className="escape-bar" x={x(edges[k]) + 0.5} width={Math.max(0.5, x(edges[k + 1]) - x(edges[k]) - 1)} y={y(c)} height={h - y(c)}>
              <title>{`steps ${edges[k]} to ${edges[k + 1] - 1}: ${c} seed${c === 1 ? '' : 's'}`}</title>
            </rect>
          ))}
          {quartiles ? (
            <g className="escape-median">
              <line x1={x(quartiles.median)} x2={x(quartiles.median)} y1={-4} y2={h} />
              <text x={x(quartiles.median)} y={-7} textAnchor="middle">median {quartiles.median}</text>
            </g>
          ) : null}
          <line className="escape-axis" x1={0} x2={w} y1={h} y2={h} />
          {x.ticks(6).map((t) => (
            <text key={t} className="escape-tick" x={x(t)} y={h + 14} textAnchor="middle">{t}</text>
          ))}
          {y.ticks(4).map((t) => (
            <text key={t} className="escape-tick" x={-6} y={y(t) + 3} textAnchor="end">{t}</text>
          ))}
          <text className="escape-tick" x={w / 2} y={h + 27} textAnchor="middle">step</text>
        </g>
      </svg>
    </figure>
  );
}
