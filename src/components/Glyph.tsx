// One glyph per kind of point, shared by critical-point markers, end markers and legends:
// minimum = circle, saddle = diamond, maximum = triangle, degenerate = square, diverged = cross.
import type { PointKind } from '../experiment/types';

export type GlyphKind = PointKind | 'diverged' | 'running';

export const KIND_COLORS: Record<PointKind, string> = {
  minimum: '#1f77b4',
  saddle: '#ff7f0e',
  maximum: '#d62728',
  degenerate: '#7f7f7f',
};

export function Glyph({ kind, x, y, size = 6, fill, stroke = 'white', strokeWidth = 1.5, ...rest }: {
  kind: GlyphKind;
  x: number;
  y: number;
  size?: number;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  [data: `data-${string}`]: string | number | undefined;
}) {
  const s = size;
  switch (kind) {
    case 'minimum':
    case 'running':
      return <circle cx={x} cy={y} r={kind === 'running' ? s * 0.8 : s} fill={fill} stroke={stroke} strokeWidth={strokeWidth} {...rest} />;
    case 'saddle':
      return <path d={`M${x},${y - s * 1.25}L${x + s * 1.25},${y}L${x},${y + s * 1.25}L${x - s * 1.25},${y}Z`} fill={fill} stroke={stroke} strokeWidth={strokeWidth} {...rest} />;
    case 'maximum':
      return <path d={`M${x},${y - s * 1.3}L${x + s * 1.15},${y + s * 0.8}L${x - s * 1.15},${y + s * 0.8}Z`} fill={fill} stroke={stroke} strokeWidth={strokeWidth} {...rest} />;
    case 'degenerate':
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={fill} stroke={stroke} strokeWidth={strokeWidth} {...rest} />;
    case 'diverged':
      return (
        <g {...rest}>
          <path d={`M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`} stroke={stroke} strokeWidth={strokeWidth + 3} />
          <path d={`M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`} stroke={fill} strokeWidth={strokeWidth + 1} />
        </g>
      );
  }
}
