import type { CatalogueSurface } from '../types';

const A = 1;
const B = 100;

export const rosenbrock: CatalogueSurface = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  expression: '(1 - x)^2 + 100*(y - x^2)^2',
  teaches: 'A long curved valley: gradient descent crawls along its floor, momentum and adaptive methods race it.',
  view: { x: [-2, 2], y: [-1, 3] },
  start: [-1.5, 1.5],
  recommendedLr: 1e-3,
  globalMin: 0,
  f: (x, y) => {
    const r = y - x * x;
    return (A - x) * (A - x) + B * r * r;
  },
  grad(x, y, out) {
    const r = y - x * x;
    out[0] = -2 * (A - x) - 4 * B * x * r;
    out[1] = 2 * B * r;
  },
  hessian(x, y, out) {
    out[0] = 2 - 4 * B * (y - x * x) + 8 * B * x * x;
    out[1] = -4 * B * x;
    out[2] = 2 * B;
  },
};
