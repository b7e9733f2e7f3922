// f and g of a batched job's objective, called once per pixel-step from one call site of the
// batched kernels (lockstep and pixel-outer), whatever the surface.
import { eigenSym2 } from '../surfaces/classify';
import type { Objective2 } from '../surfaces/objective';

/** f and g of one objective, as methods of a class of its own (see evaluatorOf). */
export interface Evaluator {
  f(x: number, y: number): number;
  grad(x: number, y: number, out: Float64Array): void;
}

const evaluators = new WeakMap<Objective2['f'], Evaluator>();

/**
 * The kernel calls f and g once per pixel-step from one call site, whatever the surface. A
 * worker that has run maps of several surfaces would see several functions there, and V8 then
 * stops inlining them: each call boxes its numbers, and a basin map ran at half speed after a
 * map of another surface. Called as methods of a class made for each function, the call site
 * sees one receiver map per surface, and V8 inlines up to four of them (its polymorphic limit;
 * beyond, the calls are generic again). One class per f, so repeated jobs on a surface reuse it.
 */
export function evaluatorOf(objective: Objective2): Evaluator {
  let ev = evaluators.get(objective.f);
  if (!ev) {
    const { f, grad } = objective;
    const OwnClass = class {
      f(x: number, y: number): number {
        return f(x, y);
      }
      grad(x: number, y: number, out: Float64Array): void {
        grad(x, y, out);
      }
    };
    ev = new OwnClass();
    evaluators.set(objective.f, ev);
  }
  return ev;
}

/** The Hessian at (px, py) as the 2 x 2 row-major matrix the optimizers read (h3: scratch for the objective's [fxx, fxy, fyy]). */
export function hessian2x2(objective: Objective2, px: number, py: number, h3: Float64Array, h4: Float64Array): void {
  objective.hessian(px, py, h3);
  h4[0] = h3[0];
  h4[1] = h3[1];
  h4[2] = h3[1];
  h4[3] = h3[2];
}

/** lambda_min of the Hessian at (px, py): the second-order stop test of both kernels. */
export function lambdaMinAt(objective: Objective2, px: number, py: number, h3: Float64Array): number {
  objective.hessian(px, py, h3);
  return eigenSym2(h3[0], h3[1], h3[2]).values[0];
}
