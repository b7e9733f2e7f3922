import type { Lesson } from '../types';

export const saddleFreeNewton: Lesson = {
  id: 'saddle-free-newton',
  title: 'Saddle-free Newton leaves the saddle that Newton converges to',
  steps: [
    {
      link: 'v=1&surface=doubleWell&r0=newton,start:0.5;0.000001&r1=saddleFreeNewton,start:0.5;0.000001&steps=200&tol=0.000001&seed=0',
      text:
        "Both runs start at (0.5, 1e-6), a hair off the x axis. Newton's step -H^-1 g goes to the critical point of the local " +
        'quadratic model; along y the Hessian is negative, so it steps towards the top of that direction and lands on the saddle ' +
        "at the origin in one step. Saddle-free Newton rescales the gradient by |H|^-1 (each eigenvalue replaced by its absolute " +
        'value): along negative curvature it then steps downhill, away from the saddle, and it reaches the minimum at (0, 1). ' +
        'Look at the two paths and the stop verdicts (saddle against minimum). Source: Dauphin et al. (2014), "Identifying and ' +
        'attacking the saddle point problem in high-dimensional non-convex optimization".',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'saddle', endsNear: [0, 0], maxSteps: 5 } },
    { step: 0, run: 1, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [0, 1] } },
  ],
};
