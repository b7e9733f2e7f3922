// The optimizer registry, keyed by the ids of experiment-v1.md.
// An optimizer not implemented yet is absent: the engine reports it by name.
import type { OptimizerId } from '../../experiment/types';
import type { OptimizerDef } from '../types';
import { sgd } from './sgd';

export const OPTIMIZERS: Partial<Record<OptimizerId, OptimizerDef>> = {
  sgd,
};
