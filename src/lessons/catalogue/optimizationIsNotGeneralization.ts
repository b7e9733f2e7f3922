import type { Lesson } from '../types';

export const optimizationIsNotGeneralization: Lesson = {
  id: 'optimization-is-not-generalization',
  title: 'Optimization error is not generalization error',
  steps: [
    {
      link: 'v=1&data=circles&samples=60&noise=0.3&hidden=16;16&act=tanh&batch=0&r0=adam,lr:0.01&steps=400&tol=0.0001&seed=0',
      text:
        'Sixty noisy points on two circles and a network with two layers of 16 tanh units, which can fit them all. Adam drives the ' +
        'training loss down the whole run, but the loss on the held-out points is least early, below step 150, and then turns up ' +
        'to more than one and a half times that least value: the network fits the noise. A better optimizer lowers the optimization ' +
        'error only; what the learner gets is the sum of approximation, estimation and optimization errors (Bousquet and Bottou 2008). ' +
        "Early stopping would stop where the held-out curve is lowest (Goodfellow, Bengio and Courville 2016, section 7.8): find that " +
        'step on the held-out loss chart.',
    },
  ],
  claims: [{ step: 0, run: 0, expect: { reason: 'maxSteps', heldOutTurnsUp: { minRise: 0.5, minStep: 20, maxStep: 150 } } }],
};
