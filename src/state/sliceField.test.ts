import { describe, expect, it } from 'vitest';
import type { LandscapeSlice } from '../nets/slice';
import { sliceBandColor, sliceBandOf, sliceLevels } from './sliceColors';
import { sliceHeightField, sliceLossAt, slicePaths } from './sliceField';
import { rgb } from 'd3';

/** A bowl L = 1 + a^2 + 4 b^2 on a 5 x 5 grid over [-2, 2] x [-1, 1], with one run's path. */
function bowl(): LandscapeSlice {
  const n = 5;
  const span: [number, number] = [2, 1];
  const a = Float64Array.from({ length: n }, (_, i) => -2 + i);
  const b = Float64Array.from({ length: n }, (_, j) => -1 + j / 2);
  const loss = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) loss[j * n + i] = 1 + a[i] ** 2 + 4 * b[j] ** 2;
  loss[n * n - 1] = Infinity; // a diverging corner
  return {
    n,
    span,
    a,
    b,
    loss,
    run: 0,
    step: 10,
    directions: 'pca',
    center: 1,
    paths: [{ run: 0, steps: [0, 5, 10], a: Float64Array.of(-2, -0.5, 0), b: Float64Array.of(1, 0.25, 0), offPlane: new Float64Array(3), distance: new Float64Array(3) }],
    maxRelativeOffPlane: 0,
    backend: 'js',
    ms: 1,
  };
}

describe('the slice in 3D', () => {
  it('colours each sample with its 2D band colour and spans the (a, b) window', () => {
    const slice = bowl();
    const field = sliceHeightField(slice);
    const levels = sliceLevels(slice.loss);
    expect(field.view).toStrictEqual({ x: [-2, 2], y: [-1, 1] });
    expect(field.n).toBe(5);
    for (const k of [0, 7, 12, 24]) {
      const c = rgb(sliceBandColor(sliceBandOf(levels, slice.loss[k]), levels.length));
      expect(Array.from(field.colors.subarray(3 * k, 3 * k + 3))).toStrictEqual([c.r, c.g, c.b]);
    }
    // The diverging corner is the top band; the minimum the bottom one.
    expect(sliceBandOf(levels, Infinity)).toBe(levels.length - 1);
    expect(sliceBandOf(levels, 1)).toBe(0);
    // Heights run from the lowest loss to the top level, not to the infinite corner.
    expect(field.scale!.lo).toBe(1);
    expect(field.scale!.hi).toBe(levels[levels.length - 1]);
  });

  it('reads the loss between samples bilinearly and lays the projected paths on it', () => {
    const slice = bowl();
    expect(sliceLossAt(slice, 0, 0)).toBe(1);
    expect(sliceLossAt(slice, -1, 0)).toBe(2);
    // Halfway between a = 0 (1) and a = 1 (2) at b = 0.
    expect(sliceLossAt(slice, 0.5, 0)).toBeCloseTo(1.5, 12);
    // Outside the grid: clamped to its edge.
    expect(sliceLossAt(slice, -5, 0)).toBe(5);
    const [path] = slicePaths(slice, ['#e6550d']);
    expect(path.length).toBe(3);
    expect(Array.from(path.xy)).toStrictEqual([-2, 1, -0.5, 0.25, 0, 0]);
    expect(path.f[0]).toBe(1 + 4 + 4);
    expect(path.f[2]).toBe(1);
    expect(path.color).toBe('#e6550d');
  });
});
