// The optimizer registry, keyed by the ids of experiment-v1.md: complete, so every id has its
// definition, and every list about optimizers (parameter tables, separable ones, those with a
// GLSL form) is derived from it.
import type { OptimizerId } from '../../experiment/types';
import type { OptimizerDef } from '../types';
import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamax } from './adamax';
import { adamw } from './adamw';
import { bfgs } from './bfgs';
import { cg } from './cg';
import { cubic } from './cubic';
import { lbfgs } from './lbfgs';
import { nadam } from './nadam';
import { newton } from './newton';
import { noisySgd } from './noisySgd';
import { pgd } from './pgd';
import { radam } from './radam';
import { rmsprop } from './rmsprop';
import { saddleFreeNewton } from './saddleFreeNewton';
import { sgd } from './sgd';

export const OPTIMIZERS: Record<OptimizerId, OptimizerDef> = {
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
  saddleFreeNewton,
  lbfgs,
  bfgs,
  cg,
};

/** The ids whose definition satisfies `test`, in registry order. */
export function optimizersWhere(test: (def: OptimizerDef) => boolean): ReadonlySet<OptimizerId> {
  return new Set(Object.values(OPTIMIZERS).filter(test).map((def) => def.id));
}

/** Optimizers whose update of coordinate k reads only g[k] and its own state. */
export const SEPARABLE: ReadonlySet<OptimizerId> = optimizersWhere((def) => def.separable);

/** Optimizers whose step evaluates f and the gradient at other points (line searches): ctx.evaluate. */
export const NEEDS_EVALUATOR: ReadonlySet<OptimizerId> = optimizersWhere((def) => def.needsEvaluator === true);
