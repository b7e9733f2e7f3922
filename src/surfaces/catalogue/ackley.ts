import { cos, exp, sin } from '../../numeric';
import type { CatalogueSurface } from '../types';

const A = 20;
const B = 0.2;
const C = 2 * Math.PI;

/**
 * The first term, -A exp(-B s) with s = |(x, y)| / sqrt(2), is a cone at the origin: its gradient
 * has length A B / sqrt(2) on every ray and no limit there, and its curvature across the rays
 * grows like 1 / s. At the exact origin (a cusp, and the global minimum) we return the gradient
 * 0, the value every symmetric subgradient rule gives, and cap the curvature at 1 / (2 S_FLOOR)
 * in every direction: "infinitely curved upward", yet finite so that eigenvalues stay numbers.
 */
const S_FLOOR = 1e-150;

export const ackley: CatalogueSurface = {
  id: 'ackley',
  name: 'Ackley',
  expression: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
  teaches: 'A funnel under a field of ripples, with a cusp at the bottom: the gradient never shrinks near the minimum, so fixed steps circle it.',
  view: { x: [-5, 5], y: [-5, 5] },
  start: [3.3, -2.6],
  recommendedLr: 0.01,
  globalMin: 0,
  f(x, y) {
    const s = Math.hypot(x, y) / Math.SQRT2;
    return -A * exp(-B * s) - exp((cos(C * x) + cos(C * y)) / 2) + Math.E + A;
  },
  grad(x, y, out) {
    const rho = Math.hypot(x, y);
    // Cone term: (A B exp(-B s) / sqrt(2)) * unit radial vector; 0 at the cusp.
    const cone = rho === 0 ? 0 : (A * B * exp((-B * rho) / Math.SQRT2)) / Math.SQRT2 / rho;
    const ripple = (C / 2) * exp((cos(C * x) + cos(C * y)) / 2);
    out[0] = cone * x + ripple * sin(C * x);
    out[1] = cone * y + ripple * sin(C * y);
  },
  hessian(x, y, out) {
    const rho = Math.hypot(x, y);
    const s = rho / Math.SQRT2;
    const c = A * B * exp(-B * s);
    // Cone term: c [ (I - u u^T) / (2 s) - (B / 2) u u^T ], u the unit radial vector. Written with
    // u (not x / s^3) so that nothing overflows until s reaches the floor.
    const across = c / (2 * Math.max(s, S_FLOOR));
    const along = (-c * B) / 2;
    const ux = rho === 0 ? 0 : x / rho;
    const uy = rho === 0 ? 0 : y / rho;
    // Ripple term -E with E = exp((cos cx + cos cy) / 2).
    const sx = sin(C * x);
    const sy = sin(C * y);
    const e = exp((cos(C * x) + cos(C * y)) / 2);
    const k = (C * C) / 4;
    out[0] = across * (1 - ux * ux) + along * ux * ux + k * e * (2 * cos(C * x) - sx * sx);
    out[1] = (along - across) * ux * uy - k * e * sx * sy;
    out[2] = across * (1 - uy * uy) + along * uy * uy + k * e * (2 * cos(C * y) - sy * sy);
  },
};
