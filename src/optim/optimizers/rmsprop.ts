// torch.optim.RMSprop (2.x, single-tensor path): a moving average of squared gradients; centered
// subtracts the square of a moving average of gradients (2.x updates it with lerp_, 1.13 with
// mul_/add_); momentum keeps a buffer of scaled steps that starts at zero.
import type { OptimizerDef } from '../types';
import { lerp } from './lerp';

export const rmsprop: OptimizerDef = {
  id: 'rmsprop',
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
};
