// The optimizer registry, keyed by the ids of experiment-v1.md.
// An optimizer not implemented yet is absent: the engine reports it by name.
import type { OptimizerId } from '../../experiment/types';
import type { OptimizerDef } from '../types';
import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamax } from './adamax';
import { adamw } from './adamw';
import { cubic } from './cubic';
import { nadam } from './nadam';
import { newton } from './newton';
import { noisySgd } from './noisySgd';
import { pgd } from './pgd';
import { radam } from './radam';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

export const OPTIMIZERS: Partial<Record<OptimizerId, OptimizerDef>> = {
  sgd,
  adagrad,
  rmsprop,
  adadelta,
  adam,
  adamw,
  adamax,
  nadam,
  radam,
  pgd,
  noisySgd,
  newton,
  cubic,
};
