// torch.optim.AdamW (2.x): Adam with decoupled weight decay, see adam.ts.
import type { OptimizerDef } from '../types';
import { adamGlsl, adamParams, adamScalars, createAdam } from './adam';

export const adamw: OptimizerDef = {
  id: 'adamw',
  spec: {
    name: 'AdamW',
    about: 'Adam with decoupled weight decay: torch.optim.AdamW.',
    params: adamParams(1e-2),
  },
  torch: 'torch.optim.AdamW',
  separable: true,
  needsHessian: false,
  stepScalars: adamScalars,
  create: (p, dim, scalars) => createAdam(p, dim, true, scalars),
  glsl: adamGlsl(true),
};
