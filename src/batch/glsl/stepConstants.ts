// Scalars of a step that depend only on the step count and the optimizer's parameters (bias
// corrections, NAdam's momentum products, RAdam's rectification). In lockstep every pixel has
// the same step count, so unless a sweep varies a parameter they depend on, they are computed
// here in float64, exactly as the JS definitions compute them, and handed to the shader per
// step (u_stepc). That matters: float32 1 - 0.999^s loses four digits to cancellation, enough
// to move RAdam's switch rho_t > 5 by a step (rho_5 = 4.996), and GLSL's log is only accurate
// to an absolute 2^-21 near 1. A sweep that varies one of their parameters gets a table per
// axis value, still in float64; only a constant that depends on BOTH swept parameters (NAdam's
// beta1 x momentumDecay) falls back to the in-shader float32 `glsl` formula.
import type { OptimizerId, ParamValue } from '../../experiment/types';
import type { BatchJob } from '../batchJob';

export interface StepConstantSpec {
  /** Parameters it depends on (a sweep over one of them forces the in-shader formula). */
  deps: string[];
  /** The same value in GLSL, from p_<name>, s = float(t + 1) and (NAdam) the running product aux. */
  glsl: string;
}

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

/** Up to four per optimizer; snippets refer to constant i as `$Ki$`. */
export function stepConstantSpecs(optimizer: OptimizerId): StepConstantSpec[] {
  switch (optimizer) {
    case 'adam':
    case 'adamw':
      return [
        { deps: ['beta1'], glsl: 'spBiasCorrection(p_beta1c, s)' },
        { deps: ['beta2'], glsl: 'sqrt(spBiasCorrection(p_beta2c, s))' },
      ];
    case 'adamax':
      return [{ deps: ['beta1'], glsl: 'spBiasCorrection(p_beta1c, s)' }];
    case 'nadam':
      return [
        { deps: ['beta2'], glsl: 'spBiasCorrection(p_beta2c, s)' },
        { deps: ['beta1', 'momentumDecay'], glsl: '(1.0 - mu) / (1.0 - aux)' },
        { deps: ['beta1', 'momentumDecay'], glsl: 'muNext / (1.0 - aux * muNext)' },
      ];
    case 'radam':
      return [
        { deps: ['beta1'], glsl: 'spBiasCorrection(p_beta1c, s)' },
        { deps: ['beta2'], glsl: 'sqrt(spBiasCorrection(p_beta2c, s))' },
        { deps: ['beta2'], glsl: 'spRadamRect(p_beta2c, s)' },
      ];
    default:
      return [];
  }
}

/** RAdam's rectification factor at step s, or 0 while rho_t <= 5 (GLSL twin of radam.ts), from c = 1 - beta2. */
export const RADAM_PRELUDE = `
float spRadamRect(float c, float s) {
  float bc2 = spBiasCorrection(c, s);
  float rhoInf = 2.0 / c - 1.0;
  float rhoT = rhoInf - (2.0 * s * (1.0 - bc2)) / bc2;
  if (!(rhoT > 5.0)) return 0.0;
  return sqrt(((rhoT - 4.0) * (rhoT - 2.0) * rhoInf) / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT));
}
`;

/** The constants for steps t0 .. t0 + count - 1, four floats per step, computed in order. */
export class StepConstantTable {
  private t = 0;
  private muProduct = 1;

  constructor(
    private readonly optimizer: OptimizerId,
    private readonly params: Record<string, ParamValue>,
  ) {}

  fill(t0: number, count: number, out: Float32Array): void {
    if (t0 < this.t) {
      this.t = 0;
      this.muProduct = 1;
    }
    while (this.t < t0) this.values(this.t++);
    for (let k = 0; k < count; k++) {
      const v = this.values(this.t++);
      for (let i = 0; i < 4; i++) out[4 * k + i] = v[i] ?? 0;
    }
  }

  /** The constants of step t (the optimizer's step count is s = t + 1); advances NAdam's product. */
  private values(t: number): number[] {
    const s = t + 1;
    const [beta1, beta2] = (this.params.betas as number[] | undefined) ?? [0, 0];
    switch (this.optimizer) {
      case 'adam':
      case 'adamw':
        return [1 - beta1 ** s, Math.sqrt(1 - beta2 ** s)];
      case 'adamax':
        return [1 - beta1 ** s];
      case 'nadam': {
        const psi = this.params.momentumDecay as number;
        const mu = beta1 * (1 - 0.5 * 0.96 ** (s * psi));
        const muNext = beta1 * (1 - 0.5 * 0.96 ** ((s + 1) * psi));
        this.muProduct *= mu;
        return [1 - beta2 ** s, (1 - mu) / (1 - this.muProduct), muNext / (1 - this.muProduct * muNext)];
      }
      case 'radam': {
        const bc2 = 1 - beta2 ** s;
        const rhoInf = 2 / (1 - beta2) - 1;
        const rhoT = rhoInf - (2 * s * beta2 ** s) / bc2;
        const rect = rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        return [1 - beta1 ** s, Math.sqrt(bc2), rect];
      }
      default:
        return [];
    }
  }
}
