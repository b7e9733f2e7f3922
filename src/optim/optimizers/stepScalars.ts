// How an optimizer module writes its per-step scalars (see StepScalars in ../types.ts).
import type { ParamValue } from '../../experiment/types';
import type { StepScalars } from '../types';

/** Writes the scalars of step count s into out; called for s = 1, 2, ... in order. */
type FillStep = (s: number, out: Float64Array) => void;

/** StepScalars named `names`, whose values for one run come from the `FillStep` that `begin(params)` returns. */
export function stepScalars(names: readonly string[], begin: (params: Record<string, ParamValue>) => FillStep): StepScalars {
  return {
    names,
    start(params) {
      const fill = begin(params);
      const out = new Float64Array(names.length);
      let s = 0;
      return {
        next() {
          fill(++s, out);
          return out;
        },
      };
    },
  };
}

/** For an update that has none (everything it needs comes from the parameters, the rate and its state). */
export const NO_STEP_SCALARS: StepScalars = stepScalars([], () => () => {});
