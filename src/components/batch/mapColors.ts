// Pixel colours of the basin and sweep maps (RGBA bytes for putImageData), and the colours of
// their legends, so that a swatch and the pixels it names always match.
import { color as d3color, interpolateViridis, schemeTableau10 } from 'd3';
import type { CriticalPoint } from '../../surfaces/critical';
import { CLASS, type BasinClasses } from '../../batch/classifyBasins';
import { type BatchOutcome, REASON } from '../../batch/outcome';

export type Rgb = [number, number, number];

export const DIVERGED_RGB: Rgb = [34, 34, 34];
export const NOT_CONVERGED_RGB: Rgb = [205, 205, 205];
export const ELSEWHERE_RGB: Rgb = [150, 150, 150];

function rgb(css: string): Rgb {
  const c = d3color(css)?.rgb();
  return c ? [c.r, c.g, c.b] : [128, 128, 128];
}

export const cssOf = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`;

const SADDLES = ['#6a3d9a', '#9e6ebd', '#3f007d', '#b7a0d8', '#54278f'];
const MAXIMA = ['#a50f15', '#de2d26', '#67000d', '#fb6a4a'];
const DEGENERATE = ['#8c510a', '#bf812d', '#543005'];

/**
 * One colour per critical point that ends some run: minima take the categorical palette in the
 * order of the search (by f), saddles shades of violet, maxima shades of red, degenerate points
 * browns, so a basin map of Newton's method (attracted to every kind) still reads at a glance.
 */
export function pointColors(points: readonly CriticalPoint[], counts: readonly number[]): Rgb[] {
  const used = { minimum: 0, saddle: 0, maximum: 0, degenerate: 0 };
  return points.map((p, i) => {
    if (counts[i] === 0) return [0, 0, 0];
    const k = used[p.kind]++;
    switch (p.kind) {
      case 'minimum':
        return rgb(schemeTableau10[k % schemeTableau10.length]);
      case 'saddle':
        return rgb(SADDLES[k % SADDLES.length]);
      case 'maximum':
        return rgb(MAXIMA[k % MAXIMA.length]);
      default:
        return rgb(DEGENERATE[k % DEGENERATE.length]);
    }
  });
}

/** Blends toward white by `amount` in [0, 1]. */
function pale([r, g, b]: Rgb, amount: number): Rgb {
  return [r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount];
}

/** Where `steps` lies between the fewest and the most steps of the map, on a log scale, in [0, 1]. */
export function stepShade(steps: number, fewest: number, most: number): number {
  const lo = Math.log1p(fewest);
  const hi = Math.log1p(most);
  return hi > lo ? Math.min(1, Math.max(0, (Math.log1p(steps) - lo) / (hi - lo))) : 0;
}

/**
 * Basin map: the end point's colour, paler the more steps the run took to get there (relative
 * to the map's own fastest and slowest runs, so the shading shows structure at any maxSteps).
 */
export function basinPixels(outcome: BatchOutcome, classes: BasinClasses, colors: readonly Rgb[]): Uint8ClampedArray {
  const n = outcome.reason.length;
  const out = new Uint8ClampedArray(4 * n);
  let fewest = Infinity;
  let most = 0;
  for (let p = 0; p < n; p++) {
    if (classes.classOf[p] < 0) continue;
    fewest = Math.min(fewest, outcome.steps[p]);
    most = Math.max(most, outcome.steps[p]);
  }
  for (let p = 0; p < n; p++) {
    const c = classes.classOf[p];
    const base =
      c >= 0 ? pale(colors[c], 0.65 * stepShade(outcome.steps[p], fewest, most))
        : c === CLASS.diverged ? DIVERGED_RGB
          : c === CLASS.elsewhere ? ELSEWHERE_RGB
            : NOT_CONVERGED_RGB;
    out.set([base[0], base[1], base[2], 255], 4 * p);
  }
  return out;
}

export type SweepColorMode = 'steps' | 'finalF';

/** The range a sweep's colour scale spans: log10 of steps, or of f - min f over the map. */
export interface SweepScale {
  mode: SweepColorMode;
  lo: number;
  hi: number;
  /** min f over the finite runs (finalF mode), the offset of the log scale. */
  fMin: number;
}

export function sweepScale(outcome: BatchOutcome, mode: SweepColorMode, maxSteps: number): SweepScale {
  if (mode === 'steps') return { mode, lo: 0, hi: Math.log10(Math.max(1, maxSteps)), fMin: 0 };
  let fMin = Infinity;
  let fMax = -Infinity;
  outcome.f.forEach((f, p) => {
    if (outcome.reason[p] === REASON.diverged || !Number.isFinite(f)) return;
    fMin = Math.min(fMin, f);
    fMax = Math.max(fMax, f);
  });
  if (!(fMin <= fMax)) return { mode, lo: 0, hi: 1, fMin: 0 };
  const floor = Math.max(1e-12, (fMax - fMin) * 1e-9);
  return { mode, lo: Math.log10(floor), hi: Math.log10(fMax - fMin + floor), fMin: fMin - floor };
}

/** Where value v sits on the scale, in [0, 1]. */
export function scalePosition(s: SweepScale, v: number): number {
  const x = s.mode === 'steps' ? Math.log10(Math.max(1, v)) : Math.log10(Math.max(v - s.fMin, 1e-300));
  return s.hi > s.lo ? Math.min(1, Math.max(0, (x - s.lo) / (s.hi - s.lo))) : 0;
}

export const viridis = (t: number): Rgb => rgb(interpolateViridis(t));

/**
 * Sweep map: viridis of steps to eps (few = dark) or of the final f; runs that used up maxSteps
 * are grey in steps mode (they never reached eps), diverged runs near-black in both.
 */
export function sweepPixels(outcome: BatchOutcome, scale: SweepScale): Uint8ClampedArray {
  const n = outcome.reason.length;
  const out = new Uint8ClampedArray(4 * n);
  for (let p = 0; p < n; p++) {
    const reason = outcome.reason[p];
    let c: Rgb;
    if (reason === REASON.diverged) c = DIVERGED_RGB;
    else if (scale.mode === 'steps') c = reason === REASON.gradTol ? viridis(scalePosition(scale, outcome.steps[p])) : NOT_CONVERGED_RGB;
    else c = viridis(scalePosition(scale, outcome.f[p]));
    out.set([c[0], c[1], c[2], 255], 4 * p);
  }
  return out;
}
