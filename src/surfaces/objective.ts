// A surface plus the problem's regularization, as the objective the optimizers minimize:
// f(x) + l1 (|x| + |y|) + (l2 / 2)(x^2 + y^2). The L1 subgradient at 0 is 0 (experiment-v1.md).
import type { Regularization } from '../experiment/types';
import type { Surface } from './types';

export interface Objective2 {
  surface: Surface;
  f(x: number, y: number): number;
  grad(x: number, y: number, out: Float64Array): void;
  hessian(x: number, y: number, out: Float64Array): void;
}

export function regularized(surface: Surface, reg: Regularization | undefined): Objective2 {
  const l1 = reg?.l1 ?? 0;
  const l2 = reg?.l2 ?? 0;
  if (l1 === 0 && l2 === 0) return { surface, f: surface.f, grad: surface.grad, hessian: surface.hessian };
  return {
    surface,
    f: (x, y) => surface.f(x, y) + l1 * (Math.abs(x) + Math.abs(y)) + 0.5 * l2 * (x * x + y * y),
    grad(x, y, out) {
      surface.grad(x, y, out);
      out[0] += l1 * Math.sign(x) + l2 * x;
      out[1] += l1 * Math.sign(y) + l2 * y;
    },
    hessian(x, y, out) {
      surface.hessian(x, y, out);
      out[0] += l2;
      out[2] += l2;
    },
  };
}

/** The regularized objective seen as a Surface (what the critical-point search takes). */
export function regularizedSurface(surface: Surface, reg: Regularization | undefined): Surface {
  const objective = regularized(surface, reg);
  return { ...surface, f: objective.f, grad: objective.grad, hessian: objective.hessian };
}
