// The 3D surface's colours are the contour picture's: each sample gets the colour of the highest
// filled contour polygon (as d3-contour draws it) that contains the sample's point.
import { contours, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { CONTOUR_COUNT } from './contours';
import { heightField, subsampleField } from './heightField';
import { bandColor, logThresholds, logValue } from './valueScale';

/** Planar ray casting over every ring of a d3 contour multipolygon (holes flip the parity). */
function contains(rings: number[][][][], x: number, y: number): boolean {
  let inside = false;
  for (const polygon of rings) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

describe('heightField', () => {
  it('colours each sample as the filled contours colour its place', () => {
    const n = 24;
    const view = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] };
    // Rosenbrock: a curved valley whose values span many decades.
    const values = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const x = -2 + (4 * i) / (n - 1);
        const y = -1 + (4 * j) / (n - 1);
        values[j * n + i] = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
      }
    }
    const field = heightField(values, n, view);
    const scale = field.scale!;
    expect(scale.lo).toBe(Math.min(...values));
    const thresholds = logThresholds(scale, CONTOUR_COUNT);
    const polygons = contours().size([n, n]).thresholds(thresholds)(Array.from(values, (v) => logValue(scale, v)));
    const seen = new Set<number>();
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        // d3-contour puts sample (i, j) at (i + 0.5, j + 0.5); nudged off the polygons' edges.
        let k = polygons.length - 1;
        while (k > 0 && !contains(polygons[k].coordinates, i + 0.5001, j + 0.5002)) k--;
        seen.add(k);
        const c = rgb(bandColor(k / CONTOUR_COUNT));
        const at = 3 * (j * n + i);
        expect([field.colors[at], field.colors[at + 1], field.colors[at + 2]]).toStrictEqual([c.r, c.g, c.b]);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('has no scale on a flat window, and colours it all as the lowest level', () => {
    const field = heightField(new Float64Array(9).fill(3), 3, { x: [0, 1], y: [0, 1] });
    expect(field.scale).toBeNull();
    const c = rgb(bandColor(0));
    expect(Array.from(field.colors.slice(0, 3))).toStrictEqual([c.r, c.g, c.b]);
  });
});

describe('subsampleField', () => {
  const view = { x: [0, 1] as [number, number], y: [0, 1] as [number, number] };
  const n = 7;
  const values = Float64Array.from({ length: n * n }, (_, k) => (k % n) + 10 * Math.floor(k / n));
  const full = heightField(values, n, view);

  it('keeps every stride-th sample, both edges included, with the full grid colours and scale', () => {
    const sub = subsampleField(full, 3);
    expect(sub.n).toBe(3);
    expect(Array.from(sub.f)).toStrictEqual([0, 3, 6, 30, 33, 36, 60, 63, 66]);
    // Sample (i, j) = (1, 2) of the coarse grid is (3, 6) of the full one.
    const from = 6 * n + 3;
    expect(Array.from(sub.colors.subarray(3 * 7, 3 * 8))).toStrictEqual(Array.from(full.colors.subarray(3 * from, 3 * from + 3)));
    expect(sub.scale).toStrictEqual(full.scale);
    expect(sub.view).toStrictEqual(view);
  });

  it('returns the field whole when the stride would lose its far edge', () => {
    expect(subsampleField(full, 4)).toBe(full);
    expect(subsampleField(full, 1)).toBe(full);
  });
});
