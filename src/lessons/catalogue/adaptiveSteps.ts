import type { Lesson } from '../types';

const PLANE = 'v=1&expr=x%20+%202*y';

export const adaptiveSteps: Lesson = {
  id: 'adaptive-steps',
  title: 'Adaptive steps: Adagrad, RMSprop and Adam against gradient descent',
  steps: [
    {
      link: 'v=1&surface=beale&r0=sgd,lr:0.01&r1=adagrad,lr:0.5&r2=rmsprop,lr:0.01&r3=adam,lr:0.05&steps=5000&tol=0.0001&seed=0',
      text:
        'Beale\'s function from (1, 1.5), each method at a working learning rate. Adam (Kingma and Ba 2015) reaches the minimum at ' +
        '(3, 0.5) first, in about half the steps of gradient descent; Adagrad (Duchi, Hazan and Singer 2011) gets there too. ' +
        'RMSprop (Tieleman and Hinton 2012) never does: it divides the gradient by a moving average of its own size, so near the ' +
        'minimum its steps stay about lr long however small the gradient, and it rattles around (3, 0.5), f rising at two steps in five. ' +
        'Compare the ||grad f|| charts: RMSprop\'s never reaches the eps line.',
    },
    {
      link: `${PLANE}&r0=sgd,lr:0.01,start:0;0&r1=adagrad,lr:0.01,start:0;0&r2=rmsprop,lr:0.01,start:0;0&r3=adam,lr:0.01,start:0;0&steps=1000&tol=0.0001&seed=0`,
      text:
        'On the plane f = x + 2y the gradient never changes, so any change of step length is the method\'s own. Gradient descent\'s ' +
        'steps are all lr ||grad f||. Adagrad divides by the root of the sum of all past squared gradients, which only grows: its ' +
        'steps shrink like 1/sqrt(t), and step 800 is half as long as step 200. RMSprop\'s and Adam\'s averages forget, and their steps ' +
        'settle at about lr in each coordinate. Notice also the direction: the adaptive methods step by about lr in each coordinate and head along the ' +
        'diagonal, not down the gradient (1, 2).',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'minimum' } },
    { step: 0, run: 1, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [3, 0.5] } },
    { step: 0, run: 2, expect: { reason: 'maxSteps', endsNear: [3, 0.5], within: 0.05, fRises: { min: 1000 } } },
    { step: 0, run: 3, expect: { reason: 'gradTol', kind: 'minimum', endsNear: [3, 0.5], fasterThan: { run: 0 }, maxSteps: 1300 } },
    { step: 1, run: 0, expect: { stepLengthRatio: { from: 200, to: 800, min: 0.999, max: 1.001 } } },
    { step: 1, run: 1, expect: { stepLengthRatio: { from: 200, to: 800, min: 0.45, max: 0.55 } } },
    { step: 1, run: 2, expect: { stepLengthRatio: { from: 200, to: 800, min: 0.9, max: 1 } } },
    { step: 1, run: 3, expect: { stepLengthRatio: { from: 200, to: 800, min: 0.999, max: 1.001 }, endsNear: [-10, -10], within: 0.01 } },
  ],
};
