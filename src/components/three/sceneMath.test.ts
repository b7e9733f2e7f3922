import { describe, expect, it } from 'vitest';
import { sanitizeCamera } from '../../experiment/view3d';
import { cameraFrom, cameraPosition, fromScene, toScene } from './sceneMath';

describe('the 3D view coordinates', () => {
  it('maps the window onto [-1, 1] and back', () => {
    expect(toScene(-2, [-2, 6])).toBe(-1);
    expect(toScene(6, [-2, 6])).toBe(1);
    expect(toScene(2, [-2, 6])).toBe(0);
    expect(fromScene(toScene(1.25, [-2, 6]), [-2, 6])).toBeCloseTo(1.25, 14);
  });

  it('puts the camera where its angles say, and reads them back', () => {
    const [x, y, z] = cameraPosition({ azimuth: 90, elevation: 0, distance: 2, target: [0, 0, 0.5] });
    expect([x, y, z].map((v) => Number(v.toFixed(12)))).toStrictEqual([0, 2, 0.5]);
    for (const c of [
      { azimuth: -60, elevation: 32, distance: 3.6, target: [0, 0, 0.3] as [number, number, number] },
      { azimuth: 135.5, elevation: -12.3, distance: 2.25, target: [0.125, -0.5, 0.3] as [number, number, number] },
      { azimuth: -179.9, elevation: 88, distance: 0.5, target: [1, 1, 1] as [number, number, number] },
    ]) {
      expect(sanitizeCamera(cameraFrom(cameraPosition(c), c.target))).toStrictEqual(c);
    }
  });
});
