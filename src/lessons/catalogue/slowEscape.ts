import type { Lesson } from '../types';

/**
 * Steps for gradient descent to grow a displacement delta along the saddle's unstable direction
 * to order 1: each step multiplies it by 1 + lr |lambda_min|, so log(1/delta) / log(1 + lr |lambda_min|).
 */
const escapeSteps = (delta: number, lr: number, lambdaMin: number): number => Math.round(Math.log(1 / delta) / Math.log(1 + lr * Math.abs(lambdaMin)));

// The double well's saddle at the origin has lambda_min = -1.
const FAST_1E8 = escapeSteps(1e-8, 0.1, -1); // 193
const FAST_1E4 = escapeSteps(1e-4, 0.1, -1); // 97
const SLOW_1E8 = escapeSteps(1e-8, 0.01, -1); // 1851
/** The claims allow 10% either way: the estimate ignores the steps spent coming in and the cubic term. */
const around = (n: number) => ({ minStep: Math.round(0.9 * n), maxStep: Math.round(1.1 * n) });
const ESCAPE = { center: [0, 0] as [number, number], radius: 0.5 };

export const slowEscape: Lesson = {
  id: 'slow-escape',
  title: 'Saddles are escaped almost surely, but slowly',
  steps: [
    {
      link: 'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;1e-8&r1=sgd,lr:0.1,start:1.5;0.0001&r2=sgd,lr:0.1,start:1.5;0&steps=2000&tol=0.0001&seed=0',
      text:
        'The starts from which gradient descent converges to a strict saddle form its stable manifold, a set of measure zero ' +
        '(Lee, Simchowitz, Jordan and Recht 2016): here the line y = 0. Nudge the start by delta = 1e-8 in y and the run escapes, ' +
        'but the nudge grows only by a factor 1 + lr |lambda_min| = 1.1 a step, so leaving the saddle takes about ' +
        `log(1/delta) / log(1 + lr |lambda_min|) = ${FAST_1E8} steps; with delta = 1e-4, ${FAST_1E4}. Watch the runs stall near the origin, ` +
        'each for a time proportional to log(1/delta), and compare the ||grad f|| charts: a long plateau near zero.',
    },
    {
      link: 'v=1&surface=doubleWell&r0=sgd,lr:0.01,start:1.5;1e-8&steps=5000&tol=0.0001&seed=0',
      text:
        `With lr = 0.01 the factor is 1.01 and the same escape takes ${SLOW_1E8} steps. Near a flat saddle (small |lambda_min|) the time ` +
        'can grow without bound; Du et al. (2017) build surfaces where gradient descent needs exponential time to pass a chain of saddles.',
    },
  ],
  claims: [
    { step: 0, run: 0, expect: { leavesBall: { ...ESCAPE, ...around(FAST_1E8) }, reason: 'gradTol', kind: 'minimum' } },
    { step: 0, run: 1, expect: { leavesBall: { ...ESCAPE, ...around(FAST_1E4) }, reason: 'gradTol', kind: 'minimum' } },
    { step: 0, run: 2, expect: { reason: 'gradTol', kind: 'saddle' } },
    { step: 1, run: 0, expect: { leavesBall: { ...ESCAPE, ...around(SLOW_1E8) }, reason: 'gradTol', kind: 'minimum' } },
  ],
};
