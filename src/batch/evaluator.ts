// f and g of a batched job's objective, called once per pixel-step from one call site of the
// batched kernels (lockstep and pixel-outer), whatever the surface.
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
