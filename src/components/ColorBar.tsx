// The contour colours' key under the plot: one swatch per band, lowest f on the left, with the
// value of f where some bands begin; and a hatched swatch when part of the window has no value.
import { fmtNum } from '../optim/verdict';
import type { ContourScale } from '../state/store';
import { STALE_OPACITY } from './ContourLayer';
import { PLOT_MARGIN } from './usePlotScales';

const LABELS = 5;

/** `stale`: the scale of contours of another plane than the one shown (faded as they are: ContourLayer). */
export function ColorBar({ scale, size, stale = false }: { scale: ContourScale; size: number; stale?: boolean }) {
  const n = scale.colors.length;
  if (n === 0) return null;
  const width = size - PLOT_MARGIN.left - PLOT_MARGIN.right - (scale.hasUndefined ? 84 : 0);
  const band = width / n;
  // Labels at evenly spaced band edges, the last one the largest f.
  const edges = Array.from({ length: LABELS }, (_, i) => Math.round((i * n) / (LABELS - 1)));
  const valueAt = (edge: number) => (edge >= n ? scale.max : scale.thresholds[edge]);
  return (
    <svg className="color-bar" width={size} height={30} data-testid="color-bar" role="img" aria-label="Colour scale of f" style={{ opacity: stale ? STALE_OPACITY : 1 }}>
      <g transform={`translate(${PLOT_MARGIN.left},2)`}>
        {scale.colors.map((c, k) => (
          <rect key={k} x={k * band} width={band + 0.5} height={10} fill={c} />
        ))}
        {edges.map((e, i) => (
          <text key={i} x={e * band} y={24} textAnchor={i === 0 ? 'start' : i === LABELS - 1 ? 'end' : 'middle'} className="color-bar-label" data-testid="color-bar-label">
            {fmtNum(valueAt(e), 2)}
          </text>
        ))}
        {scale.hasUndefined && (
          <g transform={`translate(${width + 10},0)`} data-testid="color-bar-undefined">
            <defs>
              <pattern id="undefined-hatch" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width={6} height={6} fill="rgba(128,128,128,0.18)" />
                <line x1={0} y1={0} x2={0} y2={6} stroke="rgb(90,90,90)" strokeWidth={1.5} />
              </pattern>
            </defs>
            <rect width={16} height={10} fill="url(#undefined-hatch)" stroke="var(--border)" />
            <text x={20} y={9} className="color-bar-label">undefined</text>
          </g>
        )}
      </g>
    </svg>
  );
}
