// Damped Newton's method: x <- x - lr (H + damping I)^-1 g. It goes to the critical point of the
// local quadratic model, whatever its kind, so it is attracted to saddles and maxima as well.
//
// A singular (H + damping I) has no Newton step. The step then sets x to NaN, which the engine
// reports as a divergence ("the step produced a non-finite point") and undoes, keeping the last
// finite point; a nearly singular one gives a huge step, which the engine's bound catches.
// Nothing throws.
import type { OptimizerDef } from '../types';
import { solve2, solveInPlace } from './linalg';
import { lr } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

export const newton: OptimizerDef = {
  id: 'newton',
  spec: {
    name: 'Newton',
    about: "Damped Newton's method: x <- x - lr (H + damping I)^-1 grad f. Attracted to saddles.",
    params: {
      lr: lr(1),
      damping: { type: 'number', default: 0, min: 0, max: 1e6, help: "added to the Hessian's diagonal" },
    },
  },
  torch: null,
  // the solve couples the coordinates
  separable: false,
  needsHessian: true,
  stepScalars: NO_STEP_SCALARS,
  // JS only: the step needs the Hessian, which the shader does not compute
  glsl: null,
  create(p, dim) {
    const damping = p.damping as number;
    const a = new Float64Array(dim * dim);
    const z = new Float64Array(dim);
    // The surfaces' case has a step of its own: the general one's loops and its call of
    // solveInPlace would use up V8's inlining budget in the engine's step loop (linalg.solve2).
    if (dim === 2) {
      return {
        step(x, g, { lr, hessian }) {
          const h = required(hessian);
          a[0] = h[0] + damping;
          a[1] = h[1];
          a[2] = h[2];
          a[3] = h[3] + damping;
          z[0] = g[0];
          z[1] = g[1];
          if (!solve2(a, z)) return singular(x);
          x[0] -= lr * z[0];
          x[1] -= lr * z[1];
          return false;
        },
      };
    }
    return {
      step(x, g, { lr, hessian }) {
        const h = required(hessian);
        for (let i = 0; i < dim * dim; i++) a[i] = h[i];
        for (let i = 0; i < dim; i++) {
          a[i * dim + i] += damping;
          z[i] = g[i];
        }
        if (!solveInPlace(a, z, dim)) return singular(x);
        for (let i = 0; i < dim; i++) x[i] -= lr * z[i];
        return false;
      },
    };
  },
};

function required(hessian: Float64Array | undefined): Float64Array {
  if (!hessian) throw new Error('newton needs the Hessian in its step context');
  return hessian;
}

/** No Newton step: x becomes NaN, which the engine reports as a divergence and undoes. */
function singular(x: Float64Array): false {
  x.fill(NaN);
  return false;
}
