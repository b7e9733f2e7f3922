// A map of nx x ny cells drawn from RGBA bytes: crisp pixels scaled to `size`, axes from d3
// scales, and the cell under the pointer reported for hover and click. Knows nothing of
// basins or sweeps.
import { type ScaleContinuousNumeric } from 'd3';
import { useEffect, useRef } from 'react';

export interface MapAxis {
  label: string;
  /** Maps the axis value to [0, size] (left to right, bottom to top). */
  scale: ScaleContinuousNumeric<number, number>;
  ticks: number[];
  format: (v: number) => string;
}

export interface MapCanvasProps {
  testId: string;
  nx: number;
  ny: number;
  /** 4 bytes per cell, row 0 at the top; null draws an empty frame. */
  pixels: Uint8ClampedArray | null;
  size: number;
  x: MapAxis;
  y: MapAxis;
  /** Faded when the inputs changed since the map was computed. */
  stale: boolean;
  onHover: (cell: { i: number; j: number } | null) => void;
  onPick: (cell: { i: number; j: number }) => void;
  /** Marks in axis values: the current run's start or setting ('run'), critical points ('point'). */
  marks?: MapMark[];
}

export interface MapMark {
  x: number;
  y: number;
  kind: 'run' | 'point';
  /** Fill of a 'point' mark (its legend colour). */
  fill?: string;
  title?: string;
}

const MARGIN = { left: 46, bottom: 34, top: 6, right: 8 };

export function MapCanvas({ testId, nx, ny, pixels, size, x, y, stale, onHover, onPick, marks = [] }: MapCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.clearRect(0, 0, c.width, c.height);
    if (!pixels) return;
    const image = new OffscreenCanvas(nx, ny);
    image.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels), nx, ny), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(image, 0, 0, c.width, c.height);
  }, [pixels, nx, ny]);

  const cellAt = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const i = Math.floor(((e.clientX - r.left) / r.width) * nx);
    const j = Math.floor(((e.clientY - r.top) / r.height) * ny);
    return i >= 0 && i < nx && j >= 0 && j < ny ? { i, j } : null;
  };

  const width = size + MARGIN.left + MARGIN.right;
  const height = size + MARGIN.top + MARGIN.bottom;
  const placed = marks
    .map((m) => ({ ...m, px: x.scale(m.x), py: size - y.scale(m.y) }))
    .filter((m) => Number.isFinite(m.px) && Number.isFinite(m.py) && m.px >= 0 && m.px <= size && m.py >= 0 && m.py <= size);
  return (
    <div className="batch-map-frame" style={{ width, height }}>
      <canvas
        ref={canvas}
        data-testid={testId}
        role="img"
        aria-label={testId === 'sweep-canvas' ? 'sweep map: the outcome of each learning rate and start' : 'basin map: where each start ends'}
        data-nx={nx}
        data-ny={ny}
        width={nx}
        height={ny}
        className={stale ? 'batch-map-canvas stale' : 'batch-map-canvas'}
        style={{ left: MARGIN.left, top: MARGIN.top, width: size, height: size }}
        onMouseMove={(e) => onHover(cellAt(e))}
        onMouseLeave={() => onHover(null)}
        onClick={(e) => {
          const cell = cellAt(e);
          if (cell) onPick(cell);
        }}
      />
      <svg width={width} height={height} className="batch-map-axes" aria-hidden="true">
        <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
          <rect width={size} height={size} fill="none" className="batch-map-border" />
          {x.ticks.map((t) => (
            <g key={`x${t}`} transform={`translate(${x.scale(t)}, ${size})`}>
              <line y2={4} />
              <text y={15} textAnchor="middle">{x.format(t)}</text>
            </g>
          ))}
          {y.ticks.map((t) => (
            <g key={`y${t}`} transform={`translate(0, ${size - y.scale(t)})`}>
              <line x2={-4} />
              <text x={-6} dy="0.32em" textAnchor="end">{y.format(t)}</text>
            </g>
          ))}
          <text x={size / 2} y={size + 30} textAnchor="middle" className="batch-axis-label">{x.label}</text>
          <text transform={`translate(${-36}, ${size / 2}) rotate(-90)`} textAnchor="middle" className="batch-axis-label">{y.label}</text>
          {placed.map((m, k) =>
            m.kind === 'run' ? (
              <g key={k} transform={`translate(${m.px}, ${m.py})`} className="batch-map-run">
                <title>{m.title}</title>
                <circle r={6} />
                <circle r={2.5} />
              </g>
            ) : (
              <circle key={k} cx={m.px} cy={m.py} r={4} className="batch-map-point" style={{ fill: m.fill }}>
                <title>{m.title}</title>
              </circle>
            ),
          )}
        </g>
      </svg>
    </div>
  );
}
