import type { Lesson } from '../types';

// Matyas: f = 0.26 (x^2 + y^2) - 0.48 x y, a quadratic with Hessian [[0.52, -0.48], [-0.48, 0.52]],
// eigenvalues 0.04 (along (1, 1)) and 1 (along (1, -1)): the bound is 2 / lambda_max = 2.
const START = 'start:3;-2';

export const divergenceBound: Lesson = {
  id: 'divergence-bound',
  title: 'Gradient descent diverges past lr = 2 / lambda_max',
  steps: [
    {
      link: `v=1&surface=matyas&r0=sgd,lr:1.9,${START}&r1=sgd,lr:2,${START}&r2=sgd,lr:2.1,${START}&steps=1000&tol=0.0001&seed=0`,
      text:
        'On a quadratic, gradient descent multiplies the error along each eigenvector of the Hessian by 1 - lr lambda, so it converges ' +
        'exactly when |1 - lr lambda| < 1 for every eigenvalue: lr < 2 / lambda_max (Nesterov 2004, section 1.2.3). Matyas\' function ' +
        'has lambda_max = 1. At lr = 1.9 the factor is -0.9 and the run zig-zags in; at lr = 2 it is -1 and the component along (1, -1) ' +
        'flips sign forever, the run ending at (2.5, -2.5) after an even number of steps; at lr = 2.1 it grows by 1.1 a step until the ' +
        'run leaves the window and is stopped as diverged, with the bound in its message. The flat direction (lambda = 0.04) plays no part.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [0, 0] } },
    { step: 0, run: 1, expect: { reason: 'maxSteps', endsNear: [2.5, -2.5], within: 1e-9 } },
    { step: 0, run: 2, expect: { reason: 'diverged', maxSteps: 100 } },
  ],
};
