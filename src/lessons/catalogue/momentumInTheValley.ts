import type { Lesson } from '../types';

const START = 'start:-1.5;1.5';

export const momentumInTheValley: Lesson = {
  id: 'momentum-in-the-valley',
  title: "Momentum in Rosenbrock's valley: heavy ball oscillates, Nesterov damps it",
  steps: [
    {
      link: `v=1&surface=rosenbrock&r0=sgd,lr:0.001,${START}&r1=sgd,lr:0.001,momentum:0.9,${START}&r2=sgd,lr:0.001,momentum:0.9,nesterov:true,${START}&steps=3000&tol=0.0001&seed=0`,
      text:
        'The valley of Rosenbrock\'s function is steep across and flat along. Plain gradient descent at lr = 0.001 creeps along it and is ' +
        'not eps-stationary after 3000 steps. The heavy ball (Polyak 1964), momentum 0.9, gets there in under 2000, but its velocity carries ' +
        'it up the valley walls: f rises at dozens of steps. Nesterov\'s momentum (Nesterov 1983; Sutskever, Martens, Dahl and Hinton 2013) ' +
        'takes the gradient at the point the velocity is heading to, which brakes before the wall: f rises at almost no step. ' +
        'Look at the f chart, where the heavy ball\'s curve is jagged.',
    },
    {
      link: `v=1&surface=rosenbrock&r0=sgd,lr:0.001,momentum:0.97,${START}&r1=sgd,lr:0.001,momentum:0.97,nesterov:true,${START}&steps=3000&tol=0.0001&seed=0`,
      text:
        'With momentum 0.97 both are faster and both overshoot: the paths run past the minimum at (1, 1), to x > 1.7, and come back. ' +
        'The heavy ball still oscillates more, and Nesterov still arrives first.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'maxSteps' } },
    { step: 0, run: 1, expect: { reason: 'gradTol', kind: 'minimum', fasterThan: { run: 0 }, fRises: { min: 20 } } },
    { step: 0, run: 2, expect: { reason: 'gradTol', kind: 'minimum', fasterThan: { run: 0 }, fRises: { max: 3 } } },
    { step: 1, run: 0, expect: { reason: 'gradTol', xAbove: 1.7, fRises: { min: 200 } } },
    { step: 1, run: 1, expect: { reason: 'gradTol', xAbove: 1.7, fasterThan: { run: 0 }, fRises: { max: 199 } } },
  ],
};
