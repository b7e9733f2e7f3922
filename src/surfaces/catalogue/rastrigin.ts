import { cos, sin } from '../../numeric';
import type { CatalogueSurface } from '../types';

const A = 10;
const TWO_PI = 2 * Math.PI;

// Separable: each axis contributes t^2 - A cos(2 pi t), so the Hessian is diagonal.
export const rastrigin: CatalogueSurface = {
  id: 'rastrigin',
  name: 'Rastrigin',
  expression: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
  teaches: 'A bowl covered in a regular egg-box of 441 critical points: local methods stop in the first dimple they meet.',
  view: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  start: [3.7, -2.3],
  recommendedLr: 1e-3,
  globalMin: 0,
  f: (x, y) => 2 * A + x * x - A * cos(TWO_PI * x) + y * y - A * cos(TWO_PI * y),
  grad(x, y, out) {
    out[0] = 2 * x + TWO_PI * A * sin(TWO_PI * x);
    out[1] = 2 * y + TWO_PI * A * sin(TWO_PI * y);
  },
  hessian(x, y, out) {
    out[0] = 2 + TWO_PI * TWO_PI * A * cos(TWO_PI * x);
    out[1] = 0;
    out[2] = 2 + TWO_PI * TWO_PI * A * cos(TWO_PI * y);
  },
};
