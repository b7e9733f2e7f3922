// torch.optim.SGD (2.x): weight decay, momentum with dampening, Nesterov.
// The momentum buffer's first step is the gradient itself, undampened, as in torch.
import type { OptimizerDef } from '../types';
import { lr, momentum, weightDecay } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

export const sgd: OptimizerDef = {
  id: 'sgd',
  spec: {
    name: 'SGD',
    about: 'Gradient descent, with optional (Nesterov) momentum: torch.optim.SGD.',
    params: {
      lr: lr(1e-3),
      momentum: momentum(),
      dampening: { type: 'number', default: 0, min: 0, max: 1, help: 'dampening for momentum' },
      nesterov: { type: 'boolean', default: false, help: 'Nesterov momentum (needs momentum > 0 and dampening = 0)' },
      weightDecay: weightDecay(),
    },
  },
  torch: 'torch.optim.SGD',
  separable: true,
  needsHessian: false,
  stepScalars: NO_STEP_SCALARS,
  create(p, dim) {
    const momentum = p.momentum as number;
    const dampening = p.dampening as number;
    const nesterov = p.nesterov as boolean;
    const weightDecay = p.weightDecay as number;
    // Plain gradient descent (the same arithmetic: d = g[i]): without the per-coordinate tests and
    // the momentum buffer, a batched GD basin map runs ~15 % faster (bench/maps.bench.ts).
    if (momentum === 0 && weightDecay === 0) {
      return {
        step(x, g, { lr }) {
          for (let i = 0; i < dim; i++) x[i] -= lr * g[i];
          return false;
        },
      };
    }
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
  // the momentum buffer is `a`; t == 0 is torch's first step
  glsl: {
    params: ['momentum', 'dampening', 'weightDecay'],
    step: (flags) => `
    vec2 d = g;
    if (p_weightDecay != 0.0) d += p_weightDecay * x;
    if (p_momentum != 0.0) {
      a = t == 0 ? d : p_momentum * a + (1.0 - p_dampening) * d;
      d = ${flags.nesterov ? 'd + p_momentum * a' : 'a'};
    }
    x -= lr * d;`,
    constants: [],
    prelude: '',
  },
};
