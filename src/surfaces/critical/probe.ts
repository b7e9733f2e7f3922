// A first look at a surface over the search window, before any Newton step: the typical size of
// its gradient and curvature (the yardsticks of every tolerance of the search, so that the search
// behaves the same on a surface and on 1000 times that surface) and how often the gradient's
// components change sign along a grid line (how many critical points a line may cross, which sets
// the density of the seed grid).
import type { ViewWindow } from '../../experiment/types';
import type { Surface } from '../types';

export interface SurfaceProbe {
  /** Median of ||grad f|| over the probe grid. */
  gradScale: number;
  /** Median of the Hessian's spectral norm over the probe grid. */
  curvatureScale: number;
  /** Most sign changes of df/dx or df/dy seen along one row or column of the probe grid. */
  maxSignChanges: number;
  /** Points per axis of the probe grid that gave these numbers. */
  resolution: number;
}

const START_RESOLUTION = 64;
const MAX_RESOLUTION = 512;

export function probeSurface(surface: Surface, area: ViewWindow): SurfaceProbe {
  let resolution = START_RESOLUTION;
  for (;;) {
    const probe = probeAt(surface, area, resolution);
    // A line that changes sign on more than a quarter of its samples may alias faster
    // oscillations: look again at twice the resolution.
    if (probe.maxSignChanges <= resolution / 4 || resolution >= MAX_RESOLUTION) return probe;
    resolution *= 2;
  }
}

function probeAt(surface: Surface, area: ViewWindow, n: number): SurfaceProbe {
  const gx = new Float64Array(n * n);
  const gy = new Float64Array(n * n);
  const gradNorms: number[] = [];
  const curvatures: number[] = [];
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  for (let j = 0; j < n; j++) {
    const y = lerp(area.y, j / (n - 1));
    for (let i = 0; i < n; i++) {
      const x = lerp(area.x, i / (n - 1));
      surface.grad(x, y, g);
      surface.hessian(x, y, h);
      gx[j * n + i] = g[0];
      gy[j * n + i] = g[1];
      const norm = Math.hypot(g[0], g[1]);
      if (Number.isFinite(norm)) gradNorms.push(norm);
      // Spectral norm of [[a, b], [b, c]]: |mean| + radius.
      const spectral = Math.abs((h[0] + h[2]) / 2) + Math.hypot((h[0] - h[2]) / 2, h[1]);
      if (Number.isFinite(spectral)) curvatures.push(spectral);
    }
  }
  let maxSignChanges = 0;
  for (let line = 0; line < n; line++) {
    for (const values of [gx, gy]) {
      maxSignChanges = Math.max(
        maxSignChanges,
        signChanges(values, line * n, 1, n), // along a row
        signChanges(values, line, n, n), // along a column
      );
    }
  }
  return { gradScale: median(gradNorms), curvatureScale: median(curvatures), maxSignChanges, resolution: n };
}

function signChanges(values: Float64Array, start: number, stride: number, count: number): number {
  let changes = 0;
  let previous = 0;
  for (let k = 0; k < count; k++) {
    const sign = Math.sign(values[start + k * stride]);
    if (sign === 0 || Number.isNaN(sign)) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[values.length >> 1];
}

export function lerp([lo, hi]: readonly [number, number], t: number): number {
  return lo + (hi - lo) * t;
}

const homeScales = new WeakMap<Surface, number>();

/**
 * The curvature that counts as "ordinary" on this surface, for telling a zero eigenvalue from a
 * small one: the median curvature over the surface's home window (its `view`), not over the
 * window searched. A point's kind is a property of the function, so it must not change when the
 * plot zooms out (over the double well at +-6,000 the typical curvature is 3y^2 ~ 1e7, which made
 * the saddle's eigenvalues -1 and 1 read as zero) or in. Falls back to the searched window's
 * probe where the home window is not a usable window.
 */
export function homeCurvatureScale(surface: Surface, searched: SurfaceProbe): number {
  const home = surface.view;
  const usable = home && [home.x, home.y].every(([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi) && lo < hi);
  if (!usable) return searched.curvatureScale;
  let scale = homeScales.get(surface);
  if (scale === undefined) {
    scale = probeSurface(surface, home).curvatureScale;
    homeScales.set(surface, scale);
  }
  return scale;
}
