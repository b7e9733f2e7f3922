import type { CatalogueSurface } from '../types';

export const monkeySaddle: CatalogueSurface = {
  id: 'monkeySaddle',
  name: 'Monkey saddle',
  expression: 'x^3 - 3*x*y^2',
  teaches: 'A degenerate critical point: the Hessian vanishes at the origin, so the second-order test is silent and every method slows down there.',
  view: { x: [-2, 2], y: [-2, 2] },
  start: [1.5, 0.1],
  recommendedLr: 1e-3,
  // Unbounded below: no global minimum.
  f: (x, y) => x * x * x - 3 * x * y * y,
  grad(x, y, out) {
    out[0] = 3 * x * x - 3 * y * y;
    out[1] = -6 * x * y;
  },
  hessian(x, y, out) {
    out[0] = 6 * x;
    out[1] = -6 * y;
    out[2] = -6 * x;
  },
};
