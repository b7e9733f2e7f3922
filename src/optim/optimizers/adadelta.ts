// torch.optim.Adadelta (2.x, single-tensor path): the step is the gradient scaled by the ratio of
// the running RMS of past steps to the running RMS of gradients, then multiplied by lr.
import type { OptimizerDef } from '../types';
import { DECAYED } from './glsl';
import { eps, lr, weightDecay } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

export const adadelta: OptimizerDef = {
  id: 'adadelta',
  spec: {
    name: 'Adadelta',
    about: 'Steps scaled by the ratio of running RMS of updates and gradients: torch.optim.Adadelta.',
    params: {
      lr: lr(1.0),
      rho: { type: 'number', default: 0.9, min: 0, max: 1, help: 'decay of the running averages' },
      eps: eps(1e-6),
      weightDecay: weightDecay(),
    },
  },
  torch: 'torch.optim.Adadelta',
  separable: true,
  needsHessian: false,
  stepScalars: NO_STEP_SCALARS,
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
  // squareAvg is `a`, accDelta `b`
  glsl: {
    params: ['rho', 'eps', 'weightDecay'],
    step: () => `
    ${DECAYED}
    a = a * p_rho + (1.0 - p_rho) * d * d;
    vec2 std = sqrt(a + p_eps);
    vec2 delta = (sqrt(b + p_eps) / std) * d;
    b = b * p_rho + (1.0 - p_rho) * delta * delta;
    x += -lr * delta;`,
    constants: [],
    prelude: '',
  },
};
