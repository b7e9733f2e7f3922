// torch.optim.SGD (2.x): weight decay, momentum with dampening, Nesterov.
// The momentum buffer's first step is the gradient itself, undampened, as in torch.
import type { OptimizerDef } from '../types';

export const sgd: OptimizerDef = {
  id: 'sgd',
  create(p, dim) {
    const momentum = p.momentum as number;
    const dampening = p.dampening as number;
    const nesterov = p.nesterov as boolean;
    const weightDecay = p.weightDecay as number;
    const buf = new Float64Array(dim);
    let first = true;
    return {
      step(x, g, { lr }) {
        for (let i = 0; i < dim; i++) {
          let d = g[i];
          if (weightDecay !== 0) d += weightDecay * x[i];
          if (momentum !== 0) {
            buf[i] = first ? d : momentum * buf[i] + (1 - dampening) * d;
            d = nesterov ? d + momentum * buf[i] : buf[i];
          }
          x[i] -= lr * d;
        }
        first = false;
        return false;
      },
    };
  },
};
