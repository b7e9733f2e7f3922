import type { CatalogueSurface } from '../types';

// f = r1^2 + r2^2 + r3^2 with r_k = c_k - x + x y^k: a sum of squares, so the gradient and the
// Hessian follow from the residuals and their derivatives (Gauss-Newton part + curvature part).
const C = [1.5, 2.25, 2.625] as const;

export const beale: CatalogueSurface = {
  id: 'beale',
  name: 'Beale',
  expression: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  teaches: 'Flat plateaus and sharp ridges around a narrow valley: step sizes that suit one region overshoot in another.',
  view: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  start: [1, 1.5],
  recommendedLr: 0.01,
  globalMin: 0,
  f(x, y) {
    const r1 = C[0] - x + x * y;
    const r2 = C[1] - x + x * y * y;
    const r3 = C[2] - x + x * y * y * y;
    return r1 * r1 + r2 * r2 + r3 * r3;
  },
  grad(x, y, out) {
    const y2 = y * y;
    const y3 = y2 * y;
    const r1 = C[0] - x + x * y;
    const r2 = C[1] - x + x * y2;
    const r3 = C[2] - x + x * y3;
    out[0] = 2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y3 - 1));
    out[1] = 2 * x * (r1 + 2 * r2 * y + 3 * r3 * y2);
  },
  hessian(x, y, out) {
    const y2 = y * y;
    const y3 = y2 * y;
    const r1 = C[0] - x + x * y;
    const r2 = C[1] - x + x * y2;
    const r3 = C[2] - x + x * y3;
    // d r_k / dx = y^k - 1, d r_k / dy = k x y^(k-1).
    const a1 = y - 1;
    const a2 = y2 - 1;
    const a3 = y3 - 1;
    const b1 = x;
    const b2 = 2 * x * y;
    const b3 = 3 * x * y2;
    out[0] = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
    // d2 r_k / dxdy = k y^(k-1); d2 r_k / dy2 = k (k-1) x y^(k-2).
    out[1] = 2 * (a1 * b1 + a2 * b2 + a3 * b3 + r1 + 2 * r2 * y + 3 * r3 * y2);
    out[2] = 2 * (b1 * b1 + b2 * b2 + b3 * b3 + 2 * r2 * x + 6 * r3 * x * y);
  },
};
