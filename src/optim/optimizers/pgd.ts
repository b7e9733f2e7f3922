// Perturbed gradient descent (Jin, Ge, Netrapalli, Kakade, Jordan 2017, Algorithm 2 without the
// termination test): gradient steps, except that when ||g|| <= gThreshold and no perturbation
// happened in the last tThreshold steps, the iterate is moved to a point drawn uniformly from
// the ball of the given radius around it.
//
// The perturbing step adds the perturbation only and takes no gradient step: the paper's
// x_{t+1} = x~ - lr grad f(x~) with x~ = x_t + xi needs the gradient at x~, which the engine
// evaluates at the next step. So a perturbation costs one recorded step (the point x~ itself),
// and the gradient steps after it are exactly the paper's.
import { pow } from '../../numeric';
import type { Rng } from '../rng';
import type { OptimizerDef } from '../types';
import { lr } from './paramSpec';
import { NO_STEP_SCALARS } from './stepScalars';

/** Adds to x a point uniform in the ball of `radius` in dim dimensions: direction from normals, radius r U^(1/dim). */
export function addUniformBall(x: Float64Array, radius: number, rng: Rng, scratch: Float64Array): void {
  const dim = x.length;
  let sq = 0;
  do {
    sq = 0;
    for (let i = 0; i < dim; i++) {
      scratch[i] = rng.normal();
      sq += scratch[i] * scratch[i];
    }
  } while (sq === 0); // a zero vector has no direction (probability 0, but exact arithmetic allows it)
  const r = radius * pow(rng.uniform(), 1 / dim); // detMath: the same bits on every engine
  const scale = r / Math.sqrt(sq);
  for (let i = 0; i < dim; i++) x[i] += scale * scratch[i];
}

export const pgd: OptimizerDef = {
  id: 'pgd',
  spec: {
    name: 'Perturbed GD',
    about: 'Gradient descent that adds a random kick from a ball when the gradient is small (Jin et al. 2017).',
    params: {
      lr: lr(0.05),
      radius: { type: 'number', default: 0.1, min: 0, max: 1e3, log: true, help: 'radius of the perturbation ball' },
      gThreshold: { type: 'number', default: 1e-3, min: 0, max: 1e3, log: true, help: 'perturb when ||grad f|| is at most this' },
      tThreshold: { type: 'number', default: 200, min: 1, max: 100_000, integer: true, help: 'steps to wait after a perturbation before the next' },
    },
  },
  torch: null,
  // the perturbation test reads the norm of the whole gradient
  separable: false,
  needsHessian: false,
  drawsRandom: true,
  stepScalars: NO_STEP_SCALARS,
  create(p, dim) {
    const radius = p.radius as number;
    const gThreshold = p.gThreshold as number;
    const tThreshold = p.tThreshold as number;
    const scratch = new Float64Array(dim);
    let t = 0;
    let lastPerturbation = -Infinity;
    return {
      step(x, g, { lr, rng }) {
        let sq = 0;
        for (let i = 0; i < dim; i++) sq += g[i] * g[i];
        const perturb = Math.sqrt(sq) <= gThreshold && t - lastPerturbation > tThreshold;
        if (perturb) {
          lastPerturbation = t;
          addUniformBall(x, radius, rng, scratch);
        } else {
          for (let i = 0; i < dim; i++) x[i] -= lr * g[i];
        }
        t++;
        return perturb;
      },
    };
  },
  // aux: the step of the last perturbation (-1e30: none yet); the ball has radius r U^(1/2).
  // The shader draws from its own hash streams, so a GPU pixel agrees in distribution only.
  glsl: {
    params: ['radius', 'gThreshold', 'tThreshold'],
    step: () => `
    if (t == 0) aux = -1.0e30;
    if (length(g) <= p_gThreshold && float(t) - aux > p_tThreshold) {
      aux = float(t);
      vec2 dir = spNormal2(pixel, t, 3u);
      float r = p_radius * sqrt(spUniform(pixel, t, 4u));
      x += (r / length(dir)) * dir;
    } else {
      x -= lr * g;
    }`,
    constants: [],
    prelude: '',
  },
};
