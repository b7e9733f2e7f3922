// torch.optim.Adagrad (2.x, single-tensor path): L2 weight decay added to the gradient, the rate
// decayed as lr / (1 + (step - 1) * lrDecay), and a running sum of squared gradients that starts
// at initialAccumulatorValue. Operations in torch's order so that the rounding agrees.
import type { OptimizerDef } from '../types';

export const adagrad: OptimizerDef = {
  id: 'adagrad',
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
};
