// BFGS with a dense inverse-Hessian approximation H and a strong-Wolfe line search (Nocedal and
// Wright, Algorithm 6.1; src/optim/quasiNewton/bfgs.ts). H stays symmetric positive definite: the
// update is applied only when y's > 0 (the curvature condition the Wolfe conditions guarantee in
// exact arithmetic), and skipped otherwise, which the run's verdict states. So d = -H g is always
// a descent direction: BFGS moves downhill away from a saddle, where Newton's step, built on the
// indefinite true Hessian, is drawn to it (lesson bfgsAndSaddles).
//
// No GLSL form: the line search evaluates f and the gradient along a direction, and H couples
// the coordinates; the fused WebGL program has one gradient per pixel per step.
import { Bfgs, BFGS_DEFAULTS } from '../quasiNewton/bfgs';
import { STRONG_WOLFE_DEFAULTS } from '../lineSearch';
import type { OptimizerDef } from '../types';
import { c2Spec, LINE_SEARCH_TRAITS, lineSearchInstance } from './lineSearchStep';
import { lr } from './paramSpec';

export const bfgs: OptimizerDef = {
  id: 'bfgs',
  spec: {
    name: 'BFGS',
    about: 'BFGS (Broyden, Fletcher, Goldfarb, Shanno 1970): a dense positive-definite inverse-Hessian model updated from (s, y), with a strong-Wolfe line search.',
    params: {
      lr: lr(BFGS_DEFAULTS.lr),
      c2: c2Spec(STRONG_WOLFE_DEFAULTS.c2, '0.9, the usual choice for quasi-Newton methods; 0.1 searches more exactly'),
    },
  },
  torch: null,
  ...LINE_SEARCH_TRAITS,
  create(p, dim) {
    const method = new Bfgs(dim, { lr: p.lr as number, lineSearch: { c2: p.c2 as number } });
    return lineSearchInstance('bfgs', method, {
      updateSkipped: (n) => `BFGS skipped its inverse-Hessian update at ${n} step${n === 1 ? '' : 's'} where y's <= 0, or too small to divide by (to keep it positive definite)`,
      notDescent: (n) => `BFGS reset its model to the identity at ${n} step${n === 1 ? '' : 's'} where -H g was not a descent direction`,
    });
  },
};
