// Scalars of a step that depend only on the step count and the optimizer's parameters (bias
// corrections, NAdam's momentum products, RAdam's rectification). In lockstep every pixel has
// the same step count, so unless a sweep varies a parameter they depend on, they are computed
// here in float64, by the very StepScalars sequence the JS update reads (each optimizer's
// module), and handed to the shader per step (u_stepc). That matters: float32 1 - 0.999^s
// loses four digits to cancellation, enough to move RAdam's switch rho_t > 5 by a step
// (rho_5 = 4.996), and GLSL's log is only accurate to an absolute 2^-21 near 1. A sweep that
// varies one of their parameters gets a table per axis value, still in float64; only a
// constant that depends on BOTH swept parameters (NAdam's beta1 x momentumDecay) falls back to
// the in-shader float32 `glsl` formula.
import type { OptimizerId, ParamValue } from '../../experiment/types';
import { OPTIMIZERS } from '../../optim/optimizers';
import type { StepConstant, StepScalarSequence } from '../../optim/types';
import type { BatchJob } from '../batchJob';

/** A step constant: its dependencies and its in-shader formula (see StepConstant). */
export type StepConstantSpec = StepConstant;

/**
 * Where the shader reads constant i: one value per step for every pixel ('uniform'); per step
 * and per column or row of a sweep whose x or y axis varies a parameter it depends on ('x',
 * 'y', tables computed here in float64 per axis value); or, when it depends on both swept
 * parameters, the in-shader float32 formula ('shader').
 */
export type ConstantSource = 'uniform' | 'x' | 'y' | 'shader';

export function constantSources(job: BatchJob): ConstantSource[] {
  const g = job.grid;
  return stepConstantSpecs(job.optimizer).map((spec) => {
    if (g.kind !== 'sweep') return 'uniform';
    const onX = spec.deps.includes(g.x.param);
    const onY = spec.deps.includes(g.y.param);
    return onX && onY ? 'shader' : onX ? 'x' : onY ? 'y' : 'uniform';
  });
}

/** Up to four per optimizer (one vec4 per step); snippets refer to constant i as `$Ki$`. */
export function stepConstantSpecs(optimizer: OptimizerId): readonly StepConstantSpec[] {
  return OPTIMIZERS[optimizer].glsl?.constants ?? [];
}

/** The GLSL functions of the optimizers' own that their constants' formulas call (RAdam's spRadamRect, ...). */
export const OWN_PRELUDES = Object.values(OPTIMIZERS)
  .map((def) => def.glsl?.prelude ?? '')
  .join('');

/** OWN_PRELUDES under the name stepShader.ts includes it by (from when RAdam had the only one). */
export const RADAM_PRELUDE = OWN_PRELUDES;

/** The constants for steps t0 .. t0 + count - 1, four floats per step, computed in order. */
export class StepConstantTable {
  private t = 0;
  private scalars: StepScalarSequence;
  private readonly constants: readonly StepConstantSpec[];

  constructor(
    private readonly optimizer: OptimizerId,
    private readonly params: Record<string, ParamValue>,
  ) {
    this.constants = stepConstantSpecs(optimizer);
    this.scalars = this.start();
  }

  fill(t0: number, count: number, out: Float32Array): void {
    if (t0 < this.t) {
      this.t = 0;
      this.scalars = this.start();
    }
    for (; this.t < t0; this.t++) this.scalars.next();
    for (let k = 0; k < count; k++, this.t++) {
      const v = this.scalars.next();
      for (let i = 0; i < 4; i++) out[4 * k + i] = i < this.constants.length ? this.constants[i].value(v) : 0;
    }
  }

  private start(): StepScalarSequence {
    return OPTIMIZERS[this.optimizer].stepScalars.start(this.params);
  }
}
