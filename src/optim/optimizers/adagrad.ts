// torch.optim.Adagrad (2.x, single-tensor path): L2 weight decay added to the gradient, the rate
// decayed as lr / (1 + (step - 1) * lrDecay), and a running sum of squared gradients that starts
// at initialAccumulatorValue. Operations in torch's order so that the rounding agrees.
// (The decayed rate depends on the scheduled lr, so it is not a per-step scalar.)
import type { OptimizerDef } from '../types';
import { DECAYED } from './glsl';
import { eps, lr, weightDecay } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

export const adagrad: OptimizerDef = {
  id: 'adagrad',
  spec: {
    name: 'Adagrad',
    about: 'Per-coordinate steps scaled by the sum of past squared gradients: torch.optim.Adagrad.',
    params: {
      lr: lr(1e-2),
      lrDecay: { type: 'number', default: 0, min: 0, max: 1e3, help: 'learning-rate decay' },
      initialAccumulatorValue: { type: 'number', default: 0, min: 0, max: 1e6, help: 'starting value of the squared-gradient sum' },
      eps: eps(1e-10),
      weightDecay: weightDecay(),
    },
  },
  torch: 'torch.optim.Adagrad',
  separable: true,
  needsHessian: false,
  stepScalars: NO_STEP_SCALARS,
  create(p, dim) {
    const lrDecay = p.lrDecay as number;
    const eps = p.eps as number;
    const weightDecay = p.weightDecay as number;
    const sum = new Float64Array(dim).fill(p.initialAccumulatorValue as number);
    let step = 0;
    return {
      step(x, g, { lr }) {
        step++;
        const clr = lr / (1 + (step - 1) * lrDecay);
        for (let i = 0; i < dim; i++) {
          const d = weightDecay !== 0 ? g[i] + weightDecay * x[i] : g[i];
          sum[i] += d * d; // state_sum.addcmul_(grad, grad, value=1)
          const std = Math.sqrt(sum[i]) + eps;
          x[i] += (-clr * d) / std; // param.addcdiv_(grad, std, value=-clr)
        }
        return false;
      },
    };
  },
  // the sum of squares is `a`
  glsl: {
    params: ['lrDecay', 'initialAccumulatorValue', 'eps', 'weightDecay'],
    step: () => `
    if (t == 0) a = vec2(p_initialAccumulatorValue);
    float clr = lr / (1.0 + float(t) * p_lrDecay);
    ${DECAYED}
    a += d * d;
    vec2 std = sqrt(a) + p_eps;
    x += (-clr * d) / std;`,
    constants: [],
    prelude: '',
  },
};
