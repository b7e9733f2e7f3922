// The step's gradient (experiment-v1.md, step 3): the true gradient plus optional Gaussian noise
// (a model of stochastic gradients), then optional clipping by L2 norm, as
// torch.nn.utils.clip_grad_norm_: g <- g * min(1, clip / ||g||).
import type { Rng } from './rng';

export function addGaussianNoise(g: Float64Array, sigma: number, rng: Rng): void {
  if (sigma === 0) return;
  for (let i = 0; i < g.length; i++) g[i] += sigma * rng.normal();
}

export function l2norm(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

export function clipByNorm(g: Float64Array, maxNorm: number): void {
  const norm = l2norm(g);
  // torch adds 1e-6 to the norm: clip_coef = max_norm / (total_norm + 1e-6), clamped to 1.
  const coef = maxNorm / (norm + 1e-6);
  if (coef < 1) for (let i = 0; i < g.length; i++) g[i] *= coef;
}
