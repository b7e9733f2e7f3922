// The dataset over the network's decision function: a heat map of p(class 1) on a canvas, the
// boundary p = 0.5 as a line (d3-contour), training points filled and held-out points as rings.
// The grid comes from the worker (netApi.netDecisionGrid) as the run trains; plain props.
import { contours, geoPath } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { NetworkData } from '../../nets/datasets';

export interface DecisionBoundaryProps {
  data: NetworkData;
  /** Row-major n x n, y from view.y[0] up: p(class 1) at (x_i, y_j) in values[j * n + i]; null before the first grid. */
  values: Float64Array | null;
  n: number;
  /** The step of the weights the grid belongs to (shown, and exposed as data-step). */
  step?: number;
  size?: number;
}

/** Class 0 blue, class 1 orange, as the points; the heat map fades to white at p = 0.5. */
const CLASS_RGB: [[number, number, number], [number, number, number]] = [
  [49, 130, 189],
  [230, 85, 13],
];

function heatColor(p: number): [number, number, number] {
  const c = CLASS_RGB[p >= 0.5 ? 1 : 0];
  const s = Math.min(1, Math.abs(p - 0.5) * 2) * 0.55; // never fully saturated: the points must stand out
  return [255 + (c[0] - 255) * s, 255 + (c[1] - 255) * s, 255 + (c[2] - 255) * s];
}

export function DecisionBoundary({ data, values, n, step, size = 320 }: DecisionBoundaryProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  // Share of the view assigned to class 1: between 0 and 1 once a boundary crosses the view.
  const classOneShare = useMemo(() => {
    if (!values) return null;
    let ones = 0;
    for (const v of values) if (v >= 0.5) ones++;
    return ones / values.length;
  }, [values]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const { x: [x0, x1], y: [y0, y1] } = data.view;
    const px = (x: number) => ((x - x0) / (x1 - x0)) * size;
    const py = (y: number) => size - ((y - y0) / (y1 - y0)) * size;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size, size);
    if (values && values.length === n * n) {
      // The grid as an n x n image (row 0 at the top = the largest y), scaled up smoothly.
      const img = new ImageData(n, n);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const [r, g, b] = heatColor(values[j * n + i]);
          const o = 4 * ((n - 1 - j) * n + i);
          img.data[o] = r;
          img.data[o + 1] = g;
          img.data[o + 2] = b;
          img.data[o + 3] = 255;
        }
      }
      const tile = document.createElement('canvas');
      tile.width = n;
      tile.height = n;
      tile.getContext('2d')!.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = true;
      // Grid values sit on cell centres: pixel k of the tile covers grid point k.
      const cell = size / (n - 1);
      ctx.drawImage(tile, -cell / 2, -cell / 2, size + cell, size + cell);
      // The boundary p = 0.5; contour coordinates are grid indices, y flipped to the canvas.
      const [boundary] = contours().size([n, n]).thresholds([0.5])(Array.from(values));
      ctx.save();
      ctx.translate(0, size);
      ctx.scale(size / (n - 1), -size / (n - 1));
      ctx.translate(-0.5, -0.5);
      ctx.beginPath();
      geoPath(null, ctx)(boundary);
      ctx.restore();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#333';
      ctx.stroke();
    }
    const dot = (set: NetworkData['train'], ring: boolean) => {
      for (let k = 0; k < set.count; k++) {
        const [r, g, b] = CLASS_RGB[set.y[k] >= 0.5 ? 1 : 0];
        ctx.beginPath();
        ctx.arc(px(set.x[2 * k]), py(set.x[2 * k + 1]), ring ? 3.2 : 2.6, 0, 2 * Math.PI);
        if (ring) {
          ctx.lineWidth = 1.4;
          ctx.strokeStyle = `rgb(${r},${g},${b})`;
          ctx.stroke();
        } else {
          ctx.fillStyle = `rgb(${r},${g},${b})`;
          ctx.fill();
        }
      }
    };
    dot(data.train, false);
    dot(data.heldOut, true);
  }, [data, values, n, size]);

  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <figure className="net-decision" style={{ margin: 0 }}>
      <canvas
        ref={canvas}
        data-testid="decision-boundary"
        data-step={step ?? ''}
        data-class-one-share={classOneShare ?? ''}
        width={Math.round(size * dpr)}
        height={Math.round(size * dpr)}
        style={{ width: size, height: size, border: '1px solid #ccc' }}
        aria-label="dataset and decision boundary"
      />
      <figcaption style={{ fontSize: 11 }}>
        p(class 1) {step !== undefined ? `at step ${step}` : ''}; filled: training points, rings: held-out; line: p = 0.5
      </figcaption>
    </figure>
  );
}
