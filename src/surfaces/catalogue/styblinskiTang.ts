import type { CatalogueSurface } from '../types';

// Separable: f(x, y) = g(x) + g(y) with g(t) = (t^4 - 16t^2 + 5t) / 2, so the Hessian is diagonal.
// Its minimum per axis is at t* = -2.903534027771177 (Newton on g'), g(t*) = -39.16616570377142.
export const styblinskiTang: CatalogueSurface = {
  id: 'styblinskiTang',
  name: 'Styblinski-Tang',
  expression: '(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2',
  teaches: 'A separable landscape with four minima of different depths: the nearest minimum is rarely the deepest.',
  view: { x: [-5, 5], y: [-5, 5] },
  start: [1, 4],
  recommendedLr: 0.01,
  globalMin: -78.33233140754282,
  f(x, y) {
    const x2 = x * x;
    const y2 = y * y;
    return (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y) / 2;
  },
  grad(x, y, out) {
    out[0] = 2 * x * x * x - 16 * x + 2.5;
    out[1] = 2 * y * y * y - 16 * y + 2.5;
  },
  hessian(x, y, out) {
    out[0] = 6 * x * x - 16;
    out[1] = 0;
    out[2] = 6 * y * y - 16;
  },
};
