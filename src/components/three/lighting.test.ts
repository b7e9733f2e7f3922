import { describe, expect, it } from 'vitest';
import { shade, SUN } from './lighting';

/** The unit normal of z = h(x, y) from its slopes. */
const normal = (hx: number, hy: number) => {
  const n = Math.hypot(hx, hy, 1);
  return [-hx / n, -hy / n, 1 / n] as const;
};

describe('the surface light', () => {
  it('is brightest facing the sun and dimmest turned away', () => {
    const facing = shade(...SUN);
    expect(facing).toBeGreaterThan(shade(0, 0, 1));
    expect(shade(0, 0, 1)).toBeGreaterThan(shade(-SUN[0], -SUN[1], Math.abs(SUN[2]) * 0.1));
  });

  it('shades a saddle unlike a bowl: on x^2 - y^2 the slopes rising along x and falling along y take opposite light', () => {
    // Points at distance 0.5 along the diagonal towards the sun's side and away from it.
    const at = (x: number, y: number, saddle: boolean) => shade(...normal(2 * x, saddle ? -2 * y : 2 * y));
    const [sx, sy] = [SUN[0], SUN[1]].map((v) => v / Math.hypot(SUN[0], SUN[1]));
    // In a bowl the inner slope on the sun's side faces away from it (dark), the far one faces it (bright).
    expect(at(0.5 * sx, 0.5 * sy, false)).toBeLessThan(at(-0.5 * sx, -0.5 * sy, false));
    // On a saddle, along x and along y the two behave oppositely: the four slopes alternate light and dark.
    const alongX = at(0.5 * Math.sign(sx), 0, true) - at(-0.5 * Math.sign(sx), 0, true);
    const alongY = at(0, 0.5 * Math.sign(sy), true) - at(0, -0.5 * Math.sign(sy), true);
    expect(Math.sign(alongX)).toBe(-Math.sign(alongY));
  });
});
