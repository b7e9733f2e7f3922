import type { CatalogueSurface } from '../types';

export const sixHumpCamel: CatalogueSurface = {
  id: 'sixHumpCamel',
  name: 'Six-hump camel',
  expression: '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
  teaches: 'Six minima, two of them global and mirror images: the symmetric start decides nothing, noise decides.',
  view: { x: [-3, 3], y: [-2, 2] },
  start: [-1.5, -1],
  recommendedLr: 0.03,
  globalMin: -1.0316284534898774,
  f(x, y) {
    const x2 = x * x;
    const y2 = y * y;
    return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
  },
  grad(x, y, out) {
    const x2 = x * x;
    out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
    out[1] = x - 8 * y + 16 * y * y * y;
  },
  hessian(x, y, out) {
    const x2 = x * x;
    out[0] = 8 - 25.2 * x2 + 10 * x2 * x2;
    out[1] = 1;
    out[2] = -8 + 48 * y * y;
  },
};
