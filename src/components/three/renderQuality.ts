// How many pixels the 3D view draws. Without a GPU (SwiftShader, llvmpipe) a frame's cost is
// mostly its pixels: filled, then read back to the page's compositor on the main thread. So
// while the runs stream or the camera moves, a software renderer draws at half the view's
// resolution per axis (a quarter of the pixels, scaled up by CSS) and, once the view has rested
// for REST_MS, draws the full picture again. Measured in bench/browser/frame3d.perf.ts (see
// bench/results/frame3d.md): Chromium's CPU time per racing 3D frame roughly halves.

/** The fraction of the view's pixels per axis drawn while busy, without a GPU. */
export const BUSY_SCALE = 0.5;
/** Quiet this long (ms) and the view is drawn at full resolution again. */
export const REST_MS = 300;

/**
 * The benchmark compares scales in one browser (frame3d.perf.ts sets `__view3dBusyScale` before
 * the page loads); anything else gets BUSY_SCALE.
 */
export function busyScale(): number {
  const v = (globalThis as { __view3dBusyScale?: unknown }).__view3dBusyScale;
  return typeof v === 'number' && v > 0 && v <= 1 ? v : BUSY_SCALE;
}

/** Device pixels per CSS pixel to draw at. */
export function pixelRatio(devicePixelRatio: number, software: boolean, busy: boolean, scale = BUSY_SCALE): number {
  const full = Math.min(2, devicePixelRatio || 1);
  return software && busy ? full * scale : full;
}
