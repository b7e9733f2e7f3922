// The 3D view's coordinates, in plain numbers (no three.js, so Node tests them): the plot's window
// is the square [-1, 1] x [-1, 1] of the scene, z up; the camera orbits a target at an azimuth
// (degrees from +x towards +y), an elevation (degrees above the plane) and a distance.
import type { ViewWindow } from '../../experiment/types';
import type { Camera3d } from '../../state/view3d';

const RAD = Math.PI / 180;

/** Data x or y to scene units: the window's ends go to -1 and 1. */
export function toScene(v: number, [a, b]: [number, number]): number {
  return (2 * (v - a)) / (b - a) - 1;
}

/** Scene units back to data. */
export function fromScene(s: number, [a, b]: [number, number]): number {
  return a + ((s + 1) * (b - a)) / 2;
}

export function cameraPosition(c: Camera3d): [number, number, number] {
  const az = c.azimuth * RAD;
  const el = c.elevation * RAD;
  const [tx, ty, tz] = c.target;
  return [tx + c.distance * Math.cos(el) * Math.cos(az), ty + c.distance * Math.cos(el) * Math.sin(az), tz + c.distance * Math.sin(el)];
}

/** The camera at `position` looking at `target` (unrounded; sanitizeCamera rounds it). */
export function cameraFrom(position: readonly number[], target: readonly number[]): Camera3d {
  const dx = position[0] - target[0];
  const dy = position[1] - target[1];
  const dz = position[2] - target[2];
  const distance = Math.hypot(dx, dy, dz);
  return {
    azimuth: Math.atan2(dy, dx) / RAD,
    elevation: distance > 0 ? Math.asin(Math.max(-1, Math.min(1, dz / distance))) / RAD : 0,
    distance,
    target: [target[0], target[1], target[2]],
  };
}

/** Whether data point (x, y) lies in the window. */
export function inWindow(x: number, y: number, v: ViewWindow): boolean {
  return x >= v.x[0] && x <= v.x[1] && y >= v.y[0] && y <= v.y[1];
}
