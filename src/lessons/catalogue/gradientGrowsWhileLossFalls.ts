import type { Lesson } from '../types';

export const gradientGrowsWhileLossFalls: Lesson = {
  id: 'gradient-grows-while-loss-falls',
  title: 'In a network the gradient can grow while the loss falls',
  steps: [
    {
      link: 'v=1&data=xor&samples=200&noise=0.1&hidden=4&act=tanh&batch=0&r0=sgd,lr:0.5&steps=300&tol=0.0001&seed=0',
      text:
        'A small tanh network learns XOR by full-batch gradient descent. It starts on a plateau where the gradient is small; ' +
        'as it leaves the plateau the loss falls and ||grad L|| grows, more than doubling. The loss is going well, yet the run is ' +
        'farther from an eps-stationary point than it was at the start: ||grad L|| measures where the run is, not how training goes. ' +
        'Compare the loss chart with the ||grad L|| chart.',
    },
    {
      link: 'v=1&data=spiral&samples=200&noise=0.1&hidden=16;16&act=relu&batch=0&r0=adam,lr:0.01&steps=300&tol=0.0001&seed=0',
      text:
        'On the spiral, with Adam and two ReLU layers, the gradient norm grows more than tenfold while the training loss falls by half. ' +
        'Goodfellow, Bengio and Courville (2016, section 8.2, figure 8.1) show the same in a real network: the gradient norm rises ' +
        'through training while the error falls, so training seldom reaches a critical point of any kind, and the verdict here says ' +
        'so: no eps-stationary point, only the form of the Hessian where the run stopped.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'maxSteps', gradNormRises: { factor: 2 } } },
    { step: 1, run: 0, expect: { reason: 'maxSteps', gradNormRises: { factor: 10 } } },
  ],
};
