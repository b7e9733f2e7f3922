// A first look at a surface over the search region, before any Newton step: the typical size of
// its gradient and curvature (the yardsticks of every tolerance of the search, so that the search
// behaves the same on a surface and on 1000 times that surface) and how often the gradient's
// components change sign along a grid line (how many critical points a line may cross, which sets
// the density of the seed grid), with checks against aliasing (oscillation.ts) and a rough count
// of the critical points to expect (census.ts).
import type { ViewWindow } from '../../experiment/types';
import type { Surface } from '../types';
import { windingCensus, type Census } from './census';
import { countLine, jitteredLines, lerp, mostOf, stretchFor, type LineCount } from './oscillation';

/** Where a probe or seed grid puts its t-th point along [lo, hi] (defined beside the jittered lines). */
export { lerp };

export interface SurfaceProbe {
  /** Median of ||grad f|| over the probe grid. */
  gradScale: number;
  /** Median of the Hessian's spectral norm over the probe grid. */
  curvatureScale: number;
  /** Most sign changes of df/dx or df/dy seen along one row or column of the probe grid. */
  maxSignChanges: number;
  /** Points per axis of the probe grid that gave these numbers. */
  resolution: number;
  /** The same along jittered lines (see oscillation.ts), which a regular grid's aliasing cannot hide. */
  jitteredSignChanges: number;
  /** Most sign changes within a stretch of stretchFor(resolution) samples, grid or jittered lines. */
  densestStretch: number;
  /**
   * false when even the finest probe is too coarse for the gradient's oscillation: its counts
   * are then lower bounds, and the census is no count.
   */
  resolved: boolean;
  /** Critical points counted by winding on the probe grid (see census.ts). */
  census: Census;
}

const START_RESOLUTION = 64;
const MAX_RESOLUTION = 512;
/**
 * Sign changes a sample, in the densest stretch, up to which the finest probe is trusted: random
 * signs give 0.5 (and more in the densest of hundreds of stretches); sin(100x) sin(100y) over
 * [-2, 2] at 512 points gives 0.25.
 */
const MAX_DENSITY = 0.4;

export function probeSurface(surface: Surface, area: ViewWindow): SurfaceProbe {
  let resolution = START_RESOLUTION;
  for (;;) {
    const { lines, ...probe } = probeAt(surface, area, resolution);
    const jittered = jitteredLines(surface, area, resolution);
    const most = mostOf(lines, jittered);
    const counts = { ...probe, jitteredSignChanges: jittered.changes, densestStretch: most.densest };
    // A line, or a stretch of one, that changes sign on more than a quarter of its samples may
    // alias faster oscillations: look again at twice the resolution.
    const stretch = stretchFor(resolution);
    if (most.changes <= resolution / 4 && most.densest <= stretch / 4) return { ...counts, resolved: true };
    // The finest probe still counts right up to about one sign change every other sample (Nyquist);
    // random signs (the jittered lines' where the oscillation is finer than the step) change about
    // as often, so only a density well under that is taken as counted.
    if (resolution >= MAX_RESOLUTION) return { ...counts, resolved: most.densest <= MAX_DENSITY * stretch };
    resolution *= 2;
  }
}

type GridProbe = Pick<SurfaceProbe, 'gradScale' | 'curvatureScale' | 'maxSignChanges' | 'resolution' | 'census'> & { lines: LineCount };

function probeAt(surface: Surface, area: ViewWindow, n: number): GridProbe {
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
  let lines: LineCount = { changes: 0, densest: 0 };
  for (let line = 0; line < n; line++) {
    for (const values of [gx, gy]) {
      lines = mostOf(lines, mostOf(countLine(values, line * n, 1, n), countLine(values, line, n, n))); // a row, a column
    }
  }
  return {
    gradScale: median(gradNorms),
    curvatureScale: median(curvatures),
    maxSignChanges: lines.changes,
    resolution: n,
    lines,
    census: windingCensus(gx, gy, n),
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[values.length >> 1];
}

const homeScales = new WeakMap<Surface, number>();

/**
 * The curvature that counts as "ordinary" on this surface, for telling a zero eigenvalue from a
 * small one: the median curvature over the surface's home region (its `view`), not over the
 * region searched. A point's kind is a property of the function, so it must not change when the
 * plot zooms out (over the double well at +-6,000 the typical curvature is 3y^2 ~ 1e7, which made
 * the saddle's eigenvalues -1 and 1 read as zero) or in. Falls back to the searched region's
 * probe where the home region is not a usable region.
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
