// One frame of the race animation on a Canvas 2D: the plot's contour bands (the figure's vector
// paths) and every run's path from step 0 up to step k, with a dot at its point at step k.
import type { ViewWindow } from '../../experiment/types';
import type { ContourPaths } from '../../state/figureContours';
import type { RunTrace } from '../../state/traces';

export interface RaceScene {
  /** Drawing-area size in pixels (the contour paths' coordinates). */
  width: number;
  height: number;
  margin: { left: number; top: number };
  view: ViewWindow;
  contours: ContourPaths | null;
  traces: readonly RunTrace[];
}

/** The last step any run reached: the animation goes from 0 to it. */
export const lastStep = (traces: readonly RunTrace[]): number => Math.max(0, ...traces.map((t) => t.length - 1));

/** The step shown in frame i of n (0 first, the last step last). */
export const frameStep = (i: number, n: number, last: number): number => (n <= 1 ? last : Math.round((i * last) / (n - 1)));

export function drawRaceFrame(ctx: CanvasRenderingContext2D, scene: RaceScene, step: number): void {
  const { width, height, margin, view } = scene;
  const canvas = ctx.canvas;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.translate(margin.left, margin.top);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, width, height);
  ctx.clip();
  if (scene.contours) {
    ctx.lineWidth = 0.6;
    ctx.strokeStyle = 'rgba(27,27,27,0.25)';
    for (const b of scene.contours.bands) {
      const p = new Path2D(b.d);
      ctx.fillStyle = b.fill;
      ctx.fill(p);
      ctx.stroke(p);
    }
    if (scene.contours.undefinedArea) {
      ctx.fillStyle = 'rgba(128,128,128,0.4)';
      ctx.fill(new Path2D(scene.contours.undefinedArea));
    }
  }
  const px = (x: number) => ((x - view.x[0]) / (view.x[1] - view.x[0])) * width;
  const py = (y: number) => height - ((y - view.y[0]) / (view.y[1] - view.y[0])) * height;
  ctx.lineWidth = 2;
  for (const t of scene.traces) {
    const k = Math.min(step, t.length - 1);
    if (k < 0) continue;
    ctx.strokeStyle = t.color;
    ctx.beginPath();
    for (let i = 0; i <= k; i++) {
      const x = px(t.xy[2 * i]);
      const y = py(t.xy[2 * i + 1]);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
    ctx.fillStyle = t.color;
    ctx.beginPath();
    ctx.arc(px(t.xy[2 * k]), py(t.xy[2 * k + 1]), 5, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
  ctx.fillStyle = '#1d1d1f';
  ctx.font = '14px sans-serif';
  ctx.fillText(`step ${step}`, 4, height + 24);
}
