import type { Lesson } from '../types';

// Himmelblau's function has four minima, all with f = 0.
const MINIMA: [number, number][] = [
  [3, 2],
  [-2.805118, 3.131312],
  [-3.779310, -3.283186],
  [3.584428, -1.848126],
];

export const basins: Lesson = {
  id: 'basins',
  title: 'Where a run ends depends on where it starts',
  steps: [
    {
      link:
        'v=1&surface=himmelblau&r0=sgd,lr:0.01,start:1;1&r1=sgd,lr:0.01,start:-1;1&r2=sgd,lr:0.01,start:-1;-1&r3=sgd,lr:0.01,start:1;-1' +
        '&steps=2000&tol=0.0001&seed=0',
      text:
        "Himmelblau's function has four minima, four saddles and a maximum (Himmelblau 1972). Gradient descent from four starts " +
        'around the origin, one per quadrant, ends in four different minima: each start lies in the basin of attraction of one ' +
        'of them, and the basins are separated by the stable manifolds of the saddles. Open the basin map to see the four regions.',
    },
  ],
  claims: MINIMA.map((m, run) => ({ step: 0, run, expect: { reason: 'gradTol' as const, kind: 'minimum' as const, endsNear: m } })),
};
