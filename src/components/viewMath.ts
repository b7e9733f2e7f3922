// Zoom and pan of the plot window, in data coordinates, kept inside the schema's limits.
import { LIMITS } from '../experiment/limits';
import type { ViewWindow } from '../experiment/types';

const clampCoord = (v: number) => Math.min(LIMITS.coordinate.max, Math.max(LIMITS.coordinate.min, v));

function clampInterval([a, b]: [number, number]): [number, number] {
  const minSpan = 1e-6;
  if (b - a < minSpan) {
    const c = (a + b) / 2;
    return [c - minSpan / 2, c + minSpan / 2];
  }
  return [clampCoord(a), clampCoord(b)];
}

/** Zooms by `factor` (> 1 zooms out) keeping the data point (cx, cy) under the pointer fixed. */
export function zoomView(v: ViewWindow, cx: number, cy: number, factor: number): ViewWindow {
  return {
    x: clampInterval([cx + (v.x[0] - cx) * factor, cx + (v.x[1] - cx) * factor]),
    y: clampInterval([cy + (v.y[0] - cy) * factor, cy + (v.y[1] - cy) * factor]),
  };
}

/** Moves the window by (dx, dy) in data units. */
export function panView(v: ViewWindow, dx: number, dy: number): ViewWindow {
  return { x: clampInterval([v.x[0] + dx, v.x[1] + dx]), y: clampInterval([v.y[0] + dy, v.y[1] + dy]) };
}

/**
 * Rounds a window's ends to 6 significant digits, so links stay short; an axis whose rounded
 * ends would lose most of its span (deep zoom far from the origin) keeps its exact ends.
 */
export function roundView(v: ViewWindow): ViewWindow {
  const r = (n: number) => Number(n.toPrecision(6));
  const axis = ([a, b]: [number, number]): [number, number] => {
    const [ra, rb] = [r(a), r(b)];
    return rb - ra >= 0.5 * (b - a) ? [ra, rb] : [a, b];
  };
  return { x: axis(v.x), y: axis(v.y) };
}
