// The parameter table of every optimizer, taken from the optimizer modules. src/experiment
// (schema, link codec) imports this one module from outside itself: the agreed exception to
// "src/experiment imports nothing else", so that each optimizer's parameters are written once,
// in its own module.
import type { OptimizerId, ParamValue } from '../../experiment/types';
import { NEEDS_EVALUATOR, OPTIMIZERS } from './index';
import type { OptimizerSpec } from './paramSpec';

export type { OptimizerSpec, ParamSpec } from './paramSpec';

/** The optimizers that need one fixed, noise-free objective (line searches): consistency.ts refuses noise, clipping and minibatches for them. */
export { NEEDS_EVALUATOR };

export const OPTIMIZER_SPECS = Object.fromEntries(
  Object.values(OPTIMIZERS).map((def) => [def.id, def.spec]),
) as Record<OptimizerId, OptimizerSpec>;

/** The full parameter set of a run: its own values over the table's defaults. */
export function resolveParams(optimizer: OptimizerId, params: Record<string, ParamValue> | undefined): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(OPTIMIZER_SPECS[optimizer].params)) {
    const given = params?.[name];
    out[name] = given === undefined ? (Array.isArray(spec.default) ? [...spec.default] : spec.default) : given;
  }
  return out;
}
