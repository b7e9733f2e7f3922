import { describe, expect, it } from 'vitest';
import { roundView, zoomView } from './viewMath';

describe('zoom arithmetic', () => {
  it('keeps the point under the pointer fixed', () => {
    const v = zoomView({ x: [-2, 2], y: [-1, 3] }, 1, 1, 0.5);
    expect(v).toEqual({ x: [-0.5, 1.5], y: [0, 2] });
  });

  it('never collapses a window by rounding, even deep in a zoom far from the origin', () => {
    let v = { x: [12340, 12350] as [number, number], y: [-5, 5] as [number, number] };
    for (let i = 0; i < 40; i++) {
      v = roundView(zoomView(v, 12346.3, 0, 0.6));
      expect(v.x[1] - v.x[0]).toBeGreaterThan(0);
      expect(v.y[1] - v.y[0]).toBeGreaterThan(0);
    }
  });
});
