// How often the gradient's components change sign along a line, counted so that no sample
// spacing can hide an oscillation. A regular grid misses an oscillation whose period is near its
// step: sin(100x) sin(100y) sampled 64 times over [-2, 2] (a step of 6.35 rad, almost one period)
// looks nearly constant, and the search seeded 24 points per axis where 127 critical points lie
// along a line. So the probe also counts along jittered lines, each sample moved by a random
// fraction of the step: where the step resolves the oscillation the count is the same, and where
// it does not, the signs come out at random and change about every other sample, which reads as
// "look finer" (or, at the finest probe, "unresolved") instead of "nothing here". The jitter is a
// hash of the sample's index (deterministic, and without the regular differences of a
// low-discrepancy sequence, which would alias in its turn).
// Density is judged on stretches of a line, not only on the whole line: an oscillation confined
// to part of the area (x^2 + 0.001 sin(1000x) crosses zero only where |x| < 1/2) changes sign
// every other sample there and hardly at all elsewhere.
import type { ViewWindow } from '../../experiment/types';
import type { Surface } from '../types';

/** Jittered rows, and as many columns, spread over the area between the probe's own lines. */
const JITTERED_LINES = 32;
/** Samples in the stretch of a line whose sign changes give the local density. */
const MIN_STRETCH = 16;

/** Sign changes along a line, and the most within any stretch of it (see stretchFor). */
export interface LineCount {
  changes: number;
  densest: number;
}

/** Samples per stretch on a line of `count` samples: an eighth, and at least MIN_STRETCH. */
export function stretchFor(count: number): number {
  return Math.min(count, Math.max(MIN_STRETCH, count >> 3));
}

/**
 * Sign changes of values[start + k * stride], k < count (zeros and NaN skipped), and the most
 * of them between two samples at most stretchFor(count) - 1 apart.
 */
export function countLine(values: Float64Array, start: number, stride: number, count: number): LineCount {
  const stretch = stretchFor(count);
  // Where each change happened (the later sample's index), to slide the stretch over them.
  const at: number[] = [];
  let previous = 0;
  for (let k = 0; k < count; k++) {
    const sign = Math.sign(values[start + k * stride]);
    if (sign === 0 || Number.isNaN(sign)) continue;
    if (previous !== 0 && sign !== previous) at.push(k);
    previous = sign;
  }
  let densest = 0;
  for (let first = 0, last = 0; last < at.length; last++) {
    while (at[last] - at[first] >= stretch) first++;
    densest = Math.max(densest, last - first + 1);
  }
  return { changes: at.length, densest };
}

/** The larger counts of two lines. */
export function mostOf(a: LineCount, b: LineCount): LineCount {
  return { changes: Math.max(a.changes, b.changes), densest: Math.max(a.densest, b.densest) };
}

/**
 * Most sign changes of df/dx or df/dy (and densest stretch) along JITTERED_LINES rows and as many
 * columns, each sampled `n` times, sample i anywhere in the i-th of n equal steps.
 */
export function jitteredLines(surface: Surface, area: ViewWindow, n: number): LineCount {
  const g = new Float64Array(2);
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  let most: LineCount = { changes: 0, densest: 0 };
  for (let line = 0; line < JITTERED_LINES; line++) {
    const across = (line + 0.5) / JITTERED_LINES;
    for (const row of [true, false]) {
      for (let i = 0; i < n; i++) {
        const t = (i + unitHash(i + 2 * n * line + (row ? 0 : n))) / n;
        if (row) surface.grad(lerp(area.x, t), lerp(area.y, across), g);
        else surface.grad(lerp(area.x, across), lerp(area.y, t), g);
        gx[i] = g[0];
        gy[i] = g[1];
      }
      most = mostOf(most, mostOf(countLine(gx, 0, 1, n), countLine(gy, 0, 1, n)));
    }
  }
  return most;
}

/** A number in [0, 1) from an integer: MurmurHash3's 32-bit finalizer (Appleby, smhasher). */
function unitHash(i: number): number {
  let z = (i + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return (z >>> 0) / 4294967296;
}

export function lerp([lo, hi]: readonly [number, number], t: number): number {
  return lo + (hi - lo) * t;
}
