// Damped Newton's method: x <- x - lr (H + damping I)^-1 g. It goes to the critical point of the
// local quadratic model, whatever its kind, so it is attracted to saddles and maxima as well.
//
// A singular (H + damping I) has no Newton step. The step then sets x to NaN, which the engine
// reports as a divergence ("the step produced a non-finite point") and undoes, keeping the last
// finite point; a nearly singular one gives a huge step, which the engine's bound catches.
// Nothing throws.
import type { OptimizerDef } from '../types';
import { solve2x2, solveInPlace } from './linalg';
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
    return {
      step(x, g, { lr, hessian }) {
        if (!hessian) throw new Error('newton needs the Hessian in its step context');
        let ok: boolean;
        if (dim === 2) {
          // the surfaces' case, without copies (solve2x2 is solveInPlace's arithmetic)
          ok = solve2x2(hessian[0] + damping, hessian[1], hessian[2], hessian[3] + damping, g[0], g[1], z);
        } else {
          for (let i = 0; i < dim * dim; i++) a[i] = hessian[i];
          for (let i = 0; i < dim; i++) {
            a[i * dim + i] += damping;
            z[i] = g[i];
          }
          ok = solveInPlace(a, z, dim);
        }
        if (!ok) {
          x.fill(NaN);
          return false;
        }
        for (let i = 0; i < dim; i++) x[i] -= lr * z[i];
        return false;
      },
    };
  },
};
