// A 2D test surface: its expression, and value, gradient and Hessian as float64 functions.
// Gradient and Hessian write into caller-owned arrays so the engine's hot loop allocates nothing.
import type { ViewWindow } from '../experiment/types';

export interface Surface {
  /** Catalogue id, or 'custom' for a typed expression. */
  id: string;
  name: string;
  /**
   * The surface in the expression syntax of ./expr (parseExpression): its single definition.
   * The formula shown in the UI is this text, and the GPU program is generated from it. A
   * catalogue surface's f, grad and hessian are closed forms of it (the fast path), which
   * closedForms.test.ts proves equal to the expression's own derivatives.
   */
  expression: string;
  /** One sentence on what this surface teaches. */
  teaches: string;
  /** Default view window (for a catalogue surface, the domain of its critical-point fixture). */
  view: ViewWindow;
  /** Default start of a run. */
  start: [number, number];
  /**
   * A learning rate for gradient descent (lr times the gradient: SGD, perturbed and noisy GD) that
   * shows this surface's lesson within the default step budget (2,000 steps): stable where the
   * surface is bounded below, and large enough to get somewhere. A run switched onto the surface
   * while on a default learning rate takes it. Catalogue surfaces have one; typed ones do not.
   */
  recommendedLr?: number;
  /** Global minimum value where known (for the f - f* chart). */
  globalMin?: number;
  f(x: number, y: number): number;
  /** out[0] = df/dx, out[1] = df/dy. */
  grad(x: number, y: number, out: Float64Array): void;
  /** out[0] = d2f/dx2, out[1] = d2f/dxdy, out[2] = d2f/dy2. */
  hessian(x: number, y: number, out: Float64Array): void;
}

/** A catalogue entry: a Surface that has its recommended learning rate. */
export type CatalogueSurface = Surface & { recommendedLr: number };
