import type { CatalogueSurface } from '../types';

export const saddle: CatalogueSurface = {
  id: 'saddle',
  name: 'Saddle',
  expression: 'x^2 - y^2',
  teaches: 'The simplest strict saddle: descent along y never ends, and Newton\'s method jumps straight onto the saddle.',
  view: { x: [-2, 2], y: [-2, 2] },
  start: [1.5, 0.05],
  recommendedLr: 0.01,
  f: (x, y) => x * x - y * y,
  grad(x, y, out) {
    out[0] = 2 * x;
    out[1] = -2 * y;
  },
  hessian(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = -2;
  },
};
