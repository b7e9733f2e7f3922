// Noisy gradient descent (Ge, Huang, Jin, Yuan 2015): x <- x - lr (g + sigma N(0, I)), with the
// normals drawn from the run's own stream. Unlike the run-level gradNoise (a model of stochastic
// gradients, added before clipping), this noise is part of the algorithm and is never clipped.
import type { OptimizerDef } from '../types';
import { lr } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

export const noisySgd: OptimizerDef = {
  id: 'noisySgd',
  spec: {
    name: 'Noisy GD',
    about: 'Gradient descent plus isotropic Gaussian noise every step (Ge et al. 2015).',
    params: {
      lr: lr(0.05),
      sigma: { type: 'number', default: 0.01, min: 0, max: 1e3, log: true, help: 'standard deviation of the noise added to the gradient' },
    },
  },
  torch: null,
  // one normal per coordinate, drawn in coordinate order from the run's stream
  separable: true,
  needsHessian: false,
  drawsRandom: true,
  stepScalars: NO_STEP_SCALARS,
  create(p, dim) {
    const sigma = p.sigma as number;
    return {
      step(x, g, { lr, rng }) {
        for (let i = 0; i < dim; i++) x[i] -= lr * (g[i] + sigma * rng.normal());
        return false;
      },
    };
  },
  // the shader's normals come from its own hash streams: a GPU pixel agrees in distribution only
  glsl: {
    params: ['sigma'],
    step: () => `
    x -= lr * (g + p_sigma * spNormal2(pixel, t, 2u));`,
    constants: [],
    prelude: '',
  },
};
