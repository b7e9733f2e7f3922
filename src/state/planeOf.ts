// What a function problem's plane is, read off the store's FunctionPlane (no store, no worker:
// the contours, the trace projection and the views all ask this, so it imports nothing that
// could import them back).
import type { PlaneChoice } from '../experiment/plane';
import { type Plane, planeAxisLabels } from '../functions/plane';
import type { ContourGrid, FunctionPlane } from './store';

/** The plane drawn now: the coordinates, or the PCA plane once there is one. */
export function currentPlane(fn: FunctionPlane): Plane {
  return fn.kind === 'pca' && fn.pca ? fn.pca.plane : { kind: 'coordinates', axes: fn.axes };
}

/** The axes' names: "x1", "x3", or "PC1 (82%)", "PC2 (11%)". */
export function planeLabels(fn: FunctionPlane): [string, string] {
  const plane = currentPlane(fn);
  return plane.kind === 'pca' ? planeAxisLabels(plane, fn.pca?.explained) : planeAxisLabels(plane);
}

/** The plane as the link carries it, or undefined when it is the function's own (nothing to carry). */
export function planeChoice(fn: FunctionPlane | null): PlaneChoice | undefined {
  if (!fn) return undefined;
  if (fn.kind === 'pca') return { kind: 'pca' };
  const [i, j] = fn.axes;
  return i === fn.info.axes[0] && j === fn.info.axes[1] ? undefined : { kind: 'coordinates', axes: [i, j] };
}

/**
 * True while the contours drawn belong to another plane than the one shown: the new plane's are
 * on their way (a coordinate plane is the same plane whatever object holds its axes; a PCA plane
 * is one object a PCA).
 */
export function contoursStale(grid: ContourGrid | null, fn: FunctionPlane | null): boolean {
  if (!grid?.plane || !fn) return false;
  const shown = currentPlane(fn);
  if (shown.kind === 'pca' || grid.plane.kind === 'pca') return shown !== grid.plane;
  return shown.axes[0] !== grid.plane.axes[0] || shown.axes[1] !== grid.plane.axes[1];
}
