import type { Lesson } from '../types';

// f = x^2/2 + (y^2 - 1)^2/4: a saddle at the origin (f = 0.25), minima at (0, +-1) (f = 0).
export const stationaryIsNotMinimum: Lesson = {
  id: 'stationary-is-not-minimum',
  title: 'An eps-stationary point is not a minimum',
  steps: [
    {
      link: 'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0&steps=2000&tol=0.0001&seed=0',
      text:
        'Gradient descent stops when ||grad f|| <= eps, and that test is all it knows. Started on the line y = 0 of the double well, ' +
        'it stops after 92 steps at the origin: eps-stationary, yet a saddle (lambda = -1, 1) with f = 0.25, above the minima at f = 0. ' +
        'Look at the verdict and at the Hessian\'s eigenvalues. Only the second-order test tells the kinds apart (Nocedal and Wright 2006, section 2.1).',
    },
    {
      link: 'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0&steps=2000&tol=1e-8&seed=0',
      text:
        'A smaller eps does not help: with eps = 1e-8 the run only goes closer to the same saddle. The line y = 0 is invariant ' +
        '(df/dy = 0 on it), so no step of gradient descent ever leaves it.',
    },
    {
      link: 'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0.5&steps=2000&tol=0.0001&seed=0',
      text: 'Start off the line, at (1.5, 0.5), and the same method reaches the minimum at (0, 1) in as many steps.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'saddle', endsNear: [0, 0], fAbove: 0.24, minSteps: 92, maxSteps: 92 } },
    { step: 1, run: 0, expect: { reason: 'gradTol', kind: 'saddle', endsNear: [0, 0], within: 1e-7 } },
    { step: 2, run: 0, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [0, 1], fBelow: 1e-6 } },
  ],
};
