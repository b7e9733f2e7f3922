import type { Lesson } from '../types';

export const bfgsAndSaddles: Lesson = {
  id: 'bfgs-and-saddles',
  title: "BFGS keeps a positive-definite model and descends away from the saddle that attracts Newton's method",
  steps: [
    {
      link: 'v=1&surface=doubleWell&r0=newton,lr:1,start:0.5;0.3&r1=bfgs,start:0.5;0.3&r2=lbfgs,lineSearch:strongWolfe,start:0.5;0.3&steps=100&tol=0.0001&seed=0',
      text:
        "Newton's step uses the true Hessian, which is indefinite near the double well's saddle, and goes to the critical point of " +
        'that model: from (0.5, 0.3) it reaches the saddle in 3 steps, going uphill on the way. BFGS (Nocedal and Wright, ch. 6) ' +
        "builds its own inverse-Hessian model H from the steps' changes of gradient. H starts positive definite and each update " +
        "keeps it so while y's > 0, which the strong Wolfe line search guarantees (an update with y's <= 0 is skipped, and the " +
        'verdict says so). So -H g is always a descent direction and the line search makes f fall at every step: BFGS and L-BFGS ' +
        'go down to the minimum at (0, 1). A descent method is not immune to saddles: started on the line y = 0, where the ' +
        'gradient has no y part, it stays on the line and stops at the saddle, as gradient descent does.',
    },
    {
      link: 'v=1&surface=himmelblau&r0=newton,lr:1,start:0;0&r1=bfgs,start:0;0&r2=cg,start:0;0&steps=100&tol=0.0001&seed=0',
      text:
        "On Himmelblau's function from the origin Newton's method climbs to the maximum at (-0.27, -0.92), f = 181.6. BFGS from " +
        'the same point descends to the minimum at (3, 2) without a step that raises f; nonlinear conjugate gradients with the ' +
        "same line search, from the origin too, end there as well. Switch the charts' x axis to evaluations to " +
        'compare them fairly: a line search spends two or more evaluations of f and its gradient a step.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'saddle', endsNear: [0, 0], maxSteps: 10, fRises: { min: 1 } } },
    { step: 0, run: 1, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [0, 1], fRises: { max: 0 } } },
    { step: 0, run: 2, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [0, 1], fRises: { max: 0 } } },
    { step: 1, run: 0, expect: { reason: 'gradTol', kind: 'maximum', endsNear: [-0.2708, -0.923], fAbove: 181 } },
    { step: 1, run: 1, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [3, 2], fRises: { max: 0 } } },
    { step: 1, run: 2, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [3, 2] } },
  ],
};
