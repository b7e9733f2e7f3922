// Noisy gradient descent (Ge, Huang, Jin, Yuan 2015): x <- x - lr (g + sigma N(0, I)), with the
// normals drawn from the run's own stream. Unlike the run-level gradNoise (a model of stochastic
// gradients, added before clipping), this noise is part of the algorithm and is never clipped.
import type { OptimizerDef } from '../types';

export const noisySgd: OptimizerDef = {
  id: 'noisySgd',
  create(p, dim) {
    const sigma = p.sigma as number;
    return {
      step(x, g, { lr, rng }) {
        for (let i = 0; i < dim; i++) x[i] -= lr * (g[i] + sigma * rng.normal());
        return false;
      },
    };
  },
};
