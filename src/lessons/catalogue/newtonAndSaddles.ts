import type { Lesson } from '../types';

export const newtonAndSaddles: Lesson = {
  id: 'newton-and-saddles',
  title: "Newton's method is attracted to saddles; cubic regularization is not",
  steps: [
    {
      link: 'v=1&surface=doubleWell&r0=newton,lr:1,start:0.5;0.3&r1=cubic,lr:1,M:10,start:0.5;0.3&steps=100&tol=0.0001&seed=0',
      text:
        "Newton's method jumps to the critical point of the local quadratic model, whatever its kind. From (0.5, 0.3), where the " +
        "double well curves downward in y, that point is near the saddle, and Newton lands on it in a few steps. Cubic-regularized " +
        'Newton (Nesterov and Polyak 2006) minimizes the model plus (M/6)||s||^3, which has a minimizer even where the Hessian is ' +
        'indefinite, and goes down to the minimum at (0, 1). Dauphin et al. (2014) make the same point for high-dimensional problems.',
    },
    {
      link: 'v=1&surface=himmelblau&r0=newton,lr:1,start:0;0&r1=cubic,lr:1,M:10,start:0;0&steps=100&tol=0.0001&seed=0',
      text:
        "On Himmelblau's function from the origin, Newton's method converges to the maximum at (-0.27, -0.92), f = 181.6: a point with " +
        '||grad f|| = 0 is all it looks for. Cubic Newton goes to the minimum at (3.58, -1.85).',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'saddle', endsNear: [0, 0], maxSteps: 10 } },
    { step: 0, run: 1, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [0, 1] } },
    { step: 1, run: 0, expect: { reason: 'gradTol', kind: 'maximum', endsNear: [-0.2708, -0.9230], fAbove: 181 } },
    { step: 1, run: 1, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [3.5844, -1.8481] } },
  ],
};
