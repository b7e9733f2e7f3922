// torch.optim.RMSprop (2.x, single-tensor path): a moving average of squared gradients; centered
// subtracts the square of a moving average of gradients (2.x updates it with lerp_, 1.13 with
// mul_/add_); momentum keeps a buffer of scaled steps that starts at zero.
import type { OptimizerDef } from '../types';
import { DECAYED } from './glsl';
import { lerp } from './lerp';
import { eps, lr, momentum, weightDecay } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

export const rmsprop: OptimizerDef = {
  id: 'rmsprop',
  spec: {
    name: 'RMSprop',
    about: 'Steps scaled by a moving average of squared gradients: torch.optim.RMSprop.',
    params: {
      lr: lr(1e-2),
      alpha: { type: 'number', default: 0.99, min: 0, max: 1, help: 'smoothing constant' },
      eps: eps(1e-8),
      momentum: momentum(),
      centered: { type: 'boolean', default: false, help: 'normalize by the estimated variance of the gradient' },
      weightDecay: weightDecay(),
    },
  },
  torch: 'torch.optim.RMSprop',
  separable: true,
  needsHessian: false,
  stepScalars: NO_STEP_SCALARS,
  create(p, dim) {
    const alpha = p.alpha as number;
    const eps = p.eps as number;
    const momentum = p.momentum as number;
    const centered = p.centered as boolean;
    const weightDecay = p.weightDecay as number;
    const squareAvg = new Float64Array(dim);
    const gradAvg = new Float64Array(dim);
    const buf = new Float64Array(dim);
    const w = 1 - alpha;
    return {
      step(x, g, { lr }) {
        for (let i = 0; i < dim; i++) {
          const d = weightDecay !== 0 ? g[i] + weightDecay * x[i] : g[i];
          squareAvg[i] = squareAvg[i] * alpha + w * d * d;
          let avg: number;
          if (centered) {
            gradAvg[i] = lerp(gradAvg[i], d, w);
            // square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_(): may be NaN when
            // rounding makes the variance estimate negative, exactly as in torch.
            avg = Math.sqrt(squareAvg[i] + -gradAvg[i] * gradAvg[i]) + eps;
          } else {
            avg = Math.sqrt(squareAvg[i]) + eps;
          }
          if (momentum > 0) {
            buf[i] = buf[i] * momentum + d / avg;
            x[i] += -lr * buf[i];
          } else {
            x[i] += (-lr * d) / avg;
          }
        }
        return false;
      },
    };
  },
  // squareAvg is `a`, gradAvg `b`, the momentum buffer `c`
  glsl: {
    params: ['alpha', 'eps', 'momentum', 'weightDecay'],
    step: (flags) => `
    ${DECAYED}
    a = a * p_alpha + (1.0 - p_alpha) * d * d;
    ${flags.centered ? 'b = spLerp(b, d, 1.0 - p_alpha);\n    vec2 avg = sqrt(a + -b * b) + p_eps;' : 'vec2 avg = sqrt(a) + p_eps;'}
    if (p_momentum > 0.0) {
      c = c * p_momentum + d / avg;
      x += -lr * c;
    } else {
      x += (-lr * d) / avg;
    }`,
    constants: [],
    prelude: '',
  },
};
