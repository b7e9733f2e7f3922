import type { CatalogueSurface } from '../types';

// f = P * Q with P = 1 + u^2 p, Q = 30 + v^2 q, where
//   u = x + y + 1, p = 19 - 14x + 3x^2 - 14y + 6xy + 3y^2,
//   v = 2x - 3y,   q = 18 - 32x + 12x^2 + 48y - 36xy + 27y^2.
// Each factor is (linear)^2 * (quadratic), so its derivatives follow from the product rule:
//   (w^2 r)_i  = 2 w w_i r + w^2 r_i
//   (w^2 r)_ij = 2 w_i w_j r + 2 w (w_i r_j + w_j r_i) + w^2 r_ij
// and f_ij = P_ij Q + P_i Q_j + P_j Q_i + P Q_ij.

interface Factor {
  value: number;
  dx: number;
  dy: number;
  dxx: number;
  dxy: number;
  dyy: number;
}

/** w^2 r and its derivatives, w linear (gradient wx, wy), r quadratic (constant Hessian). */
function squareTimes(
  w: number, wx: number, wy: number,
  r: number, rx: number, ry: number, rxx: number, rxy: number, ryy: number,
): Factor {
  const w2 = w * w;
  return {
    value: w2 * r,
    dx: 2 * w * wx * r + w2 * rx,
    dy: 2 * w * wy * r + w2 * ry,
    dxx: 2 * wx * wx * r + 4 * w * wx * rx + w2 * rxx,
    dxy: 2 * wx * wy * r + 2 * w * (wx * ry + wy * rx) + w2 * rxy,
    dyy: 2 * wy * wy * r + 4 * w * wy * ry + w2 * ryy,
  };
}

function first(x: number, y: number): Factor {
  const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const px = -14 + 6 * x + 6 * y;
  const py = -14 + 6 * x + 6 * y;
  const t = squareTimes(x + y + 1, 1, 1, p, px, py, 6, 6, 6);
  t.value += 1;
  return t;
}

function second(x: number, y: number): Factor {
  const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  const qx = -32 + 24 * x - 36 * y;
  const qy = 48 - 36 * x + 54 * y;
  const t = squareTimes(2 * x - 3 * y, 2, -3, q, qx, qy, 24, -36, 54);
  t.value += 30;
  return t;
}

export const goldsteinPrice: CatalogueSurface = {
  id: 'goldsteinPrice',
  name: 'Goldstein-Price',
  expression:
    '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))' +
    ' * (30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
  teaches: 'Values spanning six orders of magnitude: a learning rate safe on the floor explodes on the walls.',
  view: { x: [-2, 2], y: [-2, 2] },
  start: [-0.5, 1],
  recommendedLr: 1e-5,
  globalMin: 3,
  f: (x, y) => first(x, y).value * second(x, y).value,
  grad(x, y, out) {
    const p = first(x, y);
    const q = second(x, y);
    out[0] = p.dx * q.value + p.value * q.dx;
    out[1] = p.dy * q.value + p.value * q.dy;
  },
  hessian(x, y, out) {
    const p = first(x, y);
    const q = second(x, y);
    out[0] = p.dxx * q.value + 2 * p.dx * q.dx + p.value * q.dxx;
    out[1] = p.dxy * q.value + p.dx * q.dy + p.dy * q.dx + p.value * q.dxy;
    out[2] = p.dyy * q.value + 2 * p.dy * q.dy + p.value * q.dyy;
  },
};
