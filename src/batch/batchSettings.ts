// The basin and sweep maps' settings as the batched engine reads them. Their type, limits,
// defaults and sanitizer are the link's (src/experiment/maps.ts, re-exported here under the same
// names); what needs the optimizer table or the engine's arithmetic lives here: which parameters
// an axis may sweep, an axis's default scale, and the value at each cell.
import { OPTIMIZER_SPECS } from '../optim/optimizers/params';
import type { AxisScale, SweepAxis } from '../experiment/maps';
import type { OptimizerId } from '../experiment/types';

export {
  type AxisScale,
  axisRangeError,
  type BasinSettings,
  BATCH_LIMITS,
  type BatchSettings,
  DEFAULT_BATCH_SETTINGS,
  defaultBatchSettings,
  sanitizeBatchSettings,
  type SweepAxis,
  type SweepColor,
  type SweepSettings,
} from '../experiment/maps';

/** The parameters a sweep axis may vary for this optimizer (numbers only; booleans stay fixed). */
export function sweepableParams(optimizer: OptimizerId): string[] {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(OPTIMIZER_SPECS[optimizer].params)) {
    if (spec.type === 'number') out.push(name);
    else if (spec.type === 'pair' && name === 'betas') out.push('beta1', 'beta2');
  }
  out.push('gradNoise');
  return out;
}

/** The scale a new axis on this parameter starts with. */
export function defaultScale(param: string, optimizer: OptimizerId): AxisScale {
  if (param === 'gradNoise') return 'log';
  if (param === 'beta1' || param === 'beta2' || param === 'momentum' || param === 'alpha' || param === 'rho') return 'log1m';
  const spec = OPTIMIZER_SPECS[optimizer].params[param];
  return spec?.type === 'number' && spec.log ? 'log' : 'linear';
}

/** The value at cell i of n (cell centres, so the cells tile [min, max] exactly). */
export function axisValue(axis: SweepAxis, i: number, n: number): number {
  const t = (i + 0.5) / n;
  switch (axis.scale) {
    case 'linear':
      return axis.min + t * (axis.max - axis.min);
    case 'log':
      return Math.exp(Math.log(axis.min) + t * (Math.log(axis.max) - Math.log(axis.min)));
    case 'log1m':
      // from 1 - min down to 1 - max, so the value rises with i
      return 1 - Math.exp(Math.log(1 - axis.min) + t * (Math.log(1 - axis.max) - Math.log(1 - axis.min)));
  }
}
