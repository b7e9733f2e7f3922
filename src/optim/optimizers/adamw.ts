// torch.optim.AdamW (2.x): Adam with decoupled weight decay, see adam.ts.
import type { OptimizerDef } from '../types';
import { createAdam } from './adam';

export const adamw: OptimizerDef = {
  id: 'adamw',
  create: (p, dim) => createAdam(p, dim, true),
};
