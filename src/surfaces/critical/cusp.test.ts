// The cusp test: the tip of a cone is one; a smooth point, even right next to a critical point,
// is not.
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue';
import type { Surface } from '../types';
import { classifyCusp } from './cusp';

const cone: Surface = {
  ...CATALOGUE.saddle,
  f: (x, y) => Math.hypot(x, y),
  grad(x, y, out) {
    const r = Math.hypot(x, y);
    out[0] = r === 0 ? 0 : x / r;
    out[1] = r === 0 ? 0 : y / r;
  },
};

/** |x| - |y|: two creases crossing, a nonsmooth saddle. */
const creases: Surface = {
  ...CATALOGUE.saddle,
  f: (x, y) => Math.abs(x) - Math.abs(y),
  grad(x, y, out) {
    out[0] = Math.sign(x);
    out[1] = -Math.sign(y);
  },
};

describe('classifyCusp', () => {
  it('recognises a cone tip, pointing down or up, and a crossing of creases', () => {
    expect(classifyCusp(cone, 1e-13, -2e-13, 1e-6)).toBe('minimum');
    const flipped: Surface = {
      ...cone,
      f: (x, y) => -cone.f(x, y),
      grad(x, y, out) {
        cone.grad(x, y, out);
        out[0] *= -1;
        out[1] *= -1;
      },
    };
    expect(classifyCusp(flipped, 1e-13, 0, 1e-6)).toBe('maximum');
    expect(classifyCusp(creases, 3e-14, 1e-14, 1e-6)).toBe('saddle');
  });

  it('recognises Ackley\'s tip', () => {
    expect(classifyCusp(CATALOGUE.ackley, 1e-12, 1e-12, 1e-5)).toBe('minimum');
  });

  it('rejects a smooth point next to a critical point, where the ring gradients surround 0', () => {
    // Beale's saddle (0.100537937, -2.644513585), approached to 1e-7: the hull test alone would
    // pass on both rings; the gradients' spread shrinking with the radius gives it away.
    expect(classifyCusp(CATALOGUE.beale, 0.100537937 + 1e-7, -2.644513585, 1e-5)).toBeNull();
    expect(classifyCusp(CATALOGUE.himmelblau, 3 + 1e-9, 2, 1e-5)).toBeNull();
  });

  it('rejects an ordinary point and a point on a single crease', () => {
    expect(classifyCusp(CATALOGUE.himmelblau, 1, 1, 1e-5)).toBeNull();
    const crease: Surface = {
      ...CATALOGUE.saddle,
      f: (x, y) => Math.abs(x) + y,
      grad(x, _y, out) {
        out[0] = Math.sign(x);
        out[1] = 1;
      },
    };
    expect(classifyCusp(crease, 0, 0.3, 1e-5)).toBeNull();
  });
});
