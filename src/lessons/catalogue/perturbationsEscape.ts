import type { Lesson } from '../types';

export const perturbationsEscape: Lesson = {
  id: 'perturbations-escape',
  title: 'Noise and perturbations escape saddles',
  steps: [
    {
      link:
        'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0,label:GD&r1=pgd,lr:0.1,radius:0.1,gThreshold:0.001,tThreshold:200,start:1.5;0' +
        '&r2=noisySgd,lr:0.1,sigma:0.01,start:1.5;0&r3=sgd,lr:0.1,start:1.5;0,noise:0.01,label:GD%20+%20gradient%20noise&steps=3000&tol=0.0001&seed=0',
      text:
        'Four runs from the start that traps gradient descent at the saddle. Perturbed gradient descent (Jin, Ge, Netrapalli, Kakade and ' +
        'Jordan 2017) adds a kick from a ball of radius 0.1 when ||grad f|| falls below 0.001; noisy gradient descent (Ge, Huang, Jin and ' +
        'Yuan 2015) adds Gaussian noise to every step, as does gradient noise, the model of a stochastic gradient. All three leave the ' +
        'line y = 0 and stop at a minimum; plain gradient descent stops at the saddle. Look for the perturbation marker on the PGD path: ' +
        'one kick at the saddle is enough.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { reason: 'gradTol', kind: 'saddle' } },
    { step: 0, run: 1, expect: { reason: 'gradTol', kind: 'minimum', fBelow: 1e-6, perturbations: { min: 1, max: 1 } } },
    { step: 0, run: 2, expect: { reason: 'gradTol', kind: 'minimum', fBelow: 1e-6 } },
    { step: 0, run: 3, expect: { reason: 'gradTol', kind: 'minimum', fBelow: 1e-6 } },
  ],
};
