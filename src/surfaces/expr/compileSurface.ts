// A typed expression as a Surface: the same parse tree gives f (plain closures) and the exact
// gradient and Hessian (forward-mode automatic differentiation).
import type { ViewWindow } from '../../experiment/types';
import type { Surface } from '../types';
import { compileDerivatives } from './compileDerivatives';
import { compileValue } from './compileValue';
import { parseExpression } from './parse';

export type CompileSurfaceResult =
  | { ok: true; surface: Surface }
  | { ok: false; message: string; column?: number };

/** Defaults only: the UI and the engine use the experiment's view and run starts when given. */
export const CUSTOM_VIEW: Readonly<ViewWindow> = { x: [-2, 2], y: [-2, 2] };
export const CUSTOM_START: readonly [number, number] = [1.5, 1.0];

export function compileSurface(expr: string): CompileSurfaceResult {
  const parsed = parseExpression(expr);
  if (!parsed.ok) return parsed;
  const derivatives = compileDerivatives(parsed.tree);
  return {
    ok: true,
    surface: {
      id: 'custom',
      name: 'Custom',
      expression: expr.trim(),
      teaches: 'A surface of your own, typed as an expression in x and y.',
      // Fresh arrays each time, so a caller that edits them cannot change the defaults.
      view: { x: [CUSTOM_VIEW.x[0], CUSTOM_VIEW.x[1]], y: [CUSTOM_VIEW.y[0], CUSTOM_VIEW.y[1]] },
      start: [CUSTOM_START[0], CUSTOM_START[1]],
      f: compileValue(parsed.tree),
      grad: derivatives.grad,
      hessian: derivatives.hessian,
    },
  };
}
