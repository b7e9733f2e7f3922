// Issue 14, item 9: a critical-point search that cannot have found every point says so, with a
// reason, instead of returning a fraction of them as if it were all. sin(100x) sin(100y) over
// [-2, 2] used to give 905 of its ~32,500 points without a word: a 64-point probe samples it
// almost once a period (aliasing), so the seed grid stayed at 24 a side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SURFACE_IDS, type ViewWindow } from '../../experiment/types';
import { CATALOGUE } from '../catalogue';
import { compileSurface } from '../expr';
import type { Surface } from '../types';
import { searchCriticalPoints } from './index';
import { probeSurface } from './probe';

function surface(expr: string): Surface {
  const compiled = compileSurface(expr);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.surface;
}

/** Zeros of sin(k t + phase) for t strictly inside (lo, hi). */
function zeros(k: number, phase: number, [lo, hi]: readonly number[]): number {
  let count = 0;
  for (let m = Math.ceil((k * lo + phase) / Math.PI); m <= Math.floor((k * hi + phase) / Math.PI); m++) {
    const t = (m * Math.PI - phase) / k;
    if (t > lo && t < hi) count++;
  }
  return count;
}

/** No zero of sin(k t) or cos(k t) within 1e-6 of an edge (a point on the edge is in or out by rounding). */
function edgesClear(k: number, [lo, hi]: readonly number[]): boolean {
  const clear = (t: number) => Math.abs(Math.sin(2 * k * t)) > 2 * k * 1e-6;
  return clear(lo) && clear(hi);
}

/**
 * Critical points of sin(a x) sin(b y) inside w: the extrema, where cos(a x) = cos(b y) = 0, and
 * the saddles, where sin(a x) = sin(b y) = 0.
 */
function productCount(a: number, b: number, w: ViewWindow): number {
  return zeros(a, Math.PI / 2, w.x) * zeros(b, Math.PI / 2, w.y) + zeros(a, 0, w.x) * zeros(b, 0, w.y);
}

const square: ViewWindow = { x: [-2, 2], y: [-2, 2] };

describe('the critical-point search says when it may not have found every point', () => {
  it('sin(100x) sin(100y) over [-2, 2]: stops at 2,000 and says about how many there are', () => {
    const result = searchCriticalPoints(surface('sin(100*x)*sin(100*y)'), square);
    expect(result.points).toHaveLength(2000);
    expect(result.truncated).toBe(true);
    const expected = Number(/about (\d+) expected/.exec(result.truncatedReason ?? '')?.[1]);
    const exact = productCount(100, 100, square);
    expect(exact).toBeGreaterThan(32_000);
    expect(Math.abs(expected - exact)).toBeLessThanOrEqual(0.02 * exact);
  });

  it('refines the seed grid for a surface that aliases on the coarse probe, and finds every point', () => {
    // A strip of the same surface: 1,5xx points, within maxPoints. The old search found 610.
    const strip: ViewWindow = { x: [-2, 2], y: [0.013, 0.2] };
    const result = searchCriticalPoints(surface('sin(100*x)*sin(100*y)'), strip);
    expect(result.seedsPerAxis).toBeGreaterThan(200);
    expect(result.points).toHaveLength(productCount(100, 100, strip));
    expect(result).toMatchObject({ truncated: false, truncatedReason: null });
  });

  it('sees through a probe step that is an exact multiple of the period (jittered lines)', () => {
    // sin(802.6x): 512 regular samples over [-2, 2] all fall at one phase and see no sign change.
    const s = surface('sin(802.6*x)+y^2');
    const probe = probeSurface(s, square);
    expect(probe.maxSignChanges).toBeLessThan(5);
    expect(probe.resolved).toBe(false);
    const result = searchCriticalPoints(s, square);
    expect(result.truncated).toBe(true);
    expect(result.truncatedReason).toMatch(/^the surface varies faster than the search grid resolves \(.*\): \d+ critical points found, likely not all$/);
  });

  it('says so when the seed grid is held below what the surface asks for', () => {
    const result = searchCriticalPoints(surface('sin(10*x)*sin(10*y)'), square, { seedsPerAxis: 8 });
    expect(result.points.length).toBeLessThan(313);
    expect(result.truncatedReason).toBe(`the surface varies faster than the search grid resolves: about 313 critical points expected, ${result.points.length} found`);
    expect(productCount(10, 10, square)).toBe(313);
  });

  it('gives the reason of a search that stopped at maxPoints on a continuum', () => {
    const flat: Surface = { ...CATALOGUE.booth, f: () => 0, grad: (_x, _y, out) => out.fill(0), hessian: (_x, _y, out) => out.fill(0) };
    const result = searchCriticalPoints(flat, { x: [0, 1], y: [0, 1] }, { maxPoints: 50 });
    expect(result.truncatedReason).toBe('the search stopped at its limit of 50 critical points: the surface may have a curve of them');
  });

  it.each(SURFACE_IDS.map((id) => [id]))('%s over its view: complete, no reason', (id) => {
    const result = searchCriticalPoints(CATALOGUE[id], CATALOGUE[id].view);
    expect(result).toMatchObject({ truncated: false, truncatedReason: null });
  });

  it('sin(a x) sin(b y) on any window: every point, or a reason (fuzz)', () => {
    // Half the runs put the x frequency near the 64-point probe's sampling rate,
    // where a regular probe aliases; the other half anywhere up to 120.
    const step = (w: number) => w / 63;
    const aliased = fc.record({ m: fc.constant(1), off: fc.double({ min: -0.02, max: 0.02, noNaN: true }) });
    // Edges on a fine lattice shifted off every simple multiple of pi (then fc.pre rules out the
    // rare edge that still lands on a zero).
    const at = (lo: number, hi: number) => fc.integer({ min: 0, max: 1000 }).map((i) => lo + ((hi - lo) * i) / 1000 + 0.000123457);
    const window = fc.record({ x0: at(-2, 0), width: at(0.5, 2), y0: at(-2, 1), height: at(0.05, 0.4) });
    fc.assert(
      fc.property(window, fc.option(aliased, { nil: null }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 120 }), (wd, alias, ka, b) => {
        const w: ViewWindow = { x: [wd.x0, wd.x0 + wd.width], y: [wd.y0, wd.y0 + wd.height] };
        const a = alias ? ((2 * Math.PI * alias.m) / step(wd.width)) * (1 + alias.off) : ka;
        fc.pre(edgesClear(a, w.x) && edgesClear(b, w.y));
        const result = searchCriticalPoints(surface(`sin(${a}*x)*sin(${b}*y)`), w);
        if (result.truncated) expect(result.truncatedReason).toMatch(/^the (search|surface) /);
        else expect(result.points).toHaveLength(productCount(a, b, w));
      }),
      { numRuns: 4, seed: 14 },
    );
  });
});
