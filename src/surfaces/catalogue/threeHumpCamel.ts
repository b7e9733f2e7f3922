import type { CatalogueSurface } from '../types';

export const threeHumpCamel: CatalogueSurface = {
  id: 'threeHumpCamel',
  name: 'Three-hump camel',
  expression: '2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2',
  teaches: 'Three minima separated by two saddles: the global one sits in the middle, and a start on a side hump stays there.',
  view: { x: [-5, 5], y: [-5, 5] },
  start: [-2.5, 2],
  recommendedLr: 0.05,
  globalMin: 0,
  f(x, y) {
    const x2 = x * x;
    return 2 * x2 - 1.05 * x2 * x2 + (x2 * x2 * x2) / 6 + x * y + y * y;
  },
  grad(x, y, out) {
    const x2 = x * x;
    out[0] = 4 * x - 4.2 * x2 * x + x2 * x2 * x + y;
    out[1] = x + 2 * y;
  },
  hessian(x, _y, out) {
    const x2 = x * x;
    out[0] = 4 - 12.6 * x2 + 5 * x2 * x2;
    out[1] = 1;
    out[2] = 2;
  },
};
