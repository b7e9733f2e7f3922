// torch.optim.Adadelta (2.x, single-tensor path): the step is the gradient scaled by the ratio of
// the running RMS of past steps to the running RMS of gradients, then multiplied by lr.
import type { OptimizerDef } from '../types';

export const adadelta: OptimizerDef = {
  id: 'adadelta',
  create(p, dim) {
    const rho = p.rho as number;
    const eps = p.eps as number;
    const weightDecay = p.weightDecay as number;
    const squareAvg = new Float64Array(dim);
    const accDelta = new Float64Array(dim);
    const w = 1 - rho;
    return {
      step(x, g, { lr }) {
        for (let i = 0; i < dim; i++) {
          const d = weightDecay !== 0 ? g[i] + weightDecay * x[i] : g[i];
          squareAvg[i] = squareAvg[i] * rho + w * d * d;
          const std = Math.sqrt(squareAvg[i] + eps);
          const delta = (Math.sqrt(accDelta[i] + eps) / std) * d;
          accDelta[i] = accDelta[i] * rho + w * delta * delta;
          x[i] += -lr * delta;
        }
        return false;
      },
    };
  },
};
