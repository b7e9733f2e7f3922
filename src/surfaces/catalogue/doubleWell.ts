import type { CatalogueSurface } from '../types';

export const doubleWell: CatalogueSurface = {
  id: 'doubleWell',
  name: 'Double well',
  expression: 'x^2/2 + (y^2 - 1)^2/4',
  teaches: 'One saddle between two minima: gradient descent started on y = 0 never leaves that line and stops at the saddle.',
  view: { x: [-2, 2], y: [-2, 2] },
  start: [1.5, 0],
  recommendedLr: 0.1,
  globalMin: 0,
  f: (x, y) => (x * x) / 2 + ((y * y - 1) * (y * y - 1)) / 4,
  grad(x, y, out) {
    out[0] = x;
    out[1] = y * (y * y - 1);
  },
  hessian(_x, y, out) {
    out[0] = 1;
    out[1] = 0;
    out[2] = 3 * y * y - 1;
  },
};
