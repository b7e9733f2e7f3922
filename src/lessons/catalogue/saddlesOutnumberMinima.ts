import type { Lesson } from '../types';

export const saddlesOutnumberMinima: Lesson = {
  id: 'saddles-outnumber-minima',
  title: 'Saddles outnumber minima',
  steps: [
    {
      link: 'v=1&surface=rastrigin&r0=sgd,lr:0.001&steps=2000&tol=0.0001&seed=0',
      text:
        "Rastrigin's function is a sum of one function of x and one of y, each with 11 minima and 10 maxima in the window. A critical " +
        'point of the sum pairs a critical point of each: 11 x 11 = 121 minima, 10 x 10 = 100 maxima, and 2 x 11 x 10 = 220 saddles, ' +
        'a minimum in one coordinate and a maximum in the other. Show the critical points and count them. In d dimensions only ' +
        '(11/21)^d of the critical points are minima: almost all are saddles, the picture Dauphin et al. (2014) draw for the ' +
        'loss surfaces of networks (after Bray and Dean 2007). Gradient descent from the default start stops at the first minimum it meets, ' +
        'a local one with f near 19.9, far above the global minimum 0.',
    },
    {
      link: 'v=1&surface=ackley&r0=sgd,lr:0.001&steps=2000&tol=0.0001&seed=0&view=-3.2;3.2;-3.2;3.2',
      text:
        "Ackley's function is not a sum of a function of x and one of y, yet its critical points still form a grid: in the window " +
        '[-3.2, 3.2]^2 the search finds 49 minima ' +
        '(7 x 7), 36 maxima (6 x 6) and 84 saddles (2 x 7 x 6). The global minimum at the origin is the tip of a cone, where f has no ' +
        'gradient; the search counts it as a minimum by the slopes around it. Gradient descent from the default start stops at a ' +
        'local minimum with f near 9.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { criticalPointCounts: { minimum: 121, saddle: 220, maximum: 100 } } },
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'minimum', fAbove: 19 } },
    { step: 1, run: 0, expect: { criticalPointCounts: { minimum: 49, saddle: 84, maximum: 36 } } },
    { step: 1, run: 0, expect: { reason: 'gradTol', kind: 'minimum', fAbove: 8 } },
  ],
};
