import type { CatalogueSurface } from '../types';

export const himmelblau: CatalogueSurface = {
  id: 'himmelblau',
  name: 'Himmelblau',
  expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  teaches: 'Four equal minima, four saddles and a maximum: where a run ends depends on where it starts.',
  view: { x: [-5, 5], y: [-5, 5] },
  start: [0, -1],
  recommendedLr: 0.01,
  globalMin: 0,
  f: (x, y) => {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return a * a + b * b;
  },
  grad(x, y, out) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * x * a + 2 * b;
    out[1] = 2 * a + 4 * y * b;
  },
  hessian(x, y, out) {
    out[0] = 12 * x * x + 4 * y - 42;
    out[1] = 4 * (x + y);
    out[2] = 4 * x + 12 * y * y - 26;
  },
};
