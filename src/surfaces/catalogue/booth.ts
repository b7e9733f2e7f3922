import type { CatalogueSurface } from '../types';

export const booth: CatalogueSurface = {
  id: 'booth',
  name: 'Booth',
  expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
  teaches: 'A convex quadratic bowl with condition number 9: the baseline where every method should simply work.',
  view: { x: [-10, 10], y: [-10, 10] },
  start: [-8, -6],
  recommendedLr: 0.05,
  globalMin: 0,
  f(x, y) {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    return a * a + b * b;
  },
  grad(x, y, out) {
    out[0] = 10 * x + 8 * y - 34;
    out[1] = 8 * x + 10 * y - 38;
  },
  hessian(_x, _y, out) {
    out[0] = 10;
    out[1] = 8;
    out[2] = 10;
  },
};
