import type { CatalogueSurface } from '../types';

export const matyas: CatalogueSurface = {
  id: 'matyas',
  name: 'Matyas',
  expression: '0.26*(x^2 + y^2) - 0.48*x*y',
  teaches: 'A convex bowl with condition number 25: gradient descent zigzags across the valley and crawls along the line y = x.',
  view: { x: [-10, 10], y: [-10, 10] },
  start: [8, 3],
  recommendedLr: 0.5,
  globalMin: 0,
  f: (x, y) => 0.26 * (x * x + y * y) - 0.48 * x * y,
  grad(x, y, out) {
    out[0] = 0.52 * x - 0.48 * y;
    out[1] = 0.52 * y - 0.48 * x;
  },
  hessian(_x, _y, out) {
    out[0] = 0.52;
    out[1] = -0.48;
    out[2] = 0.52;
  },
};
