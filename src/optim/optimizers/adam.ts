// torch.optim.Adam (2.x, single-tensor path, capturable = differentiable = False), with AMSGrad.
// AdamW is the same update with decoupled weight decay (param.mul_(1 - lr * weight_decay) before
// the moments instead of an L2 term in the gradient), so both share this code.
// beta^t is detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import type { ParamValue } from '../../experiment/types';
import { pow } from '../../numeric';
import type { GlslForm, OptimizerDef, OptimizerInstance, StepScalars, StepScalarSequence } from '../types';
import { biasCorrectionConstant, MOMENT_PARAMS } from './glsl';
import { lerp } from './lerp';
import { amsgrad, betas, eps, lr, type ParamSpec, weightDecay } from './paramSpec';
import { stepScalars } from './stepScalars';

/** Adam's and AdamW's parameters; they differ only in the default weight decay. */
export const adamParams = (decay: number): Record<string, ParamSpec> => ({
  lr: lr(1e-3),
  betas: betas(),
  eps: eps(1e-8),
  amsgrad: amsgrad(),
  weightDecay: weightDecay(decay),
});

/** bias_correction1 = 1 - beta1^s and bias_correction2_sqrt = sqrt(1 - beta2^s), as torch names them. */
export const adamScalars: StepScalars = stepScalars(['biasCorrection1', 'biasCorrection2Sqrt'], (p) => {
  const [beta1, beta2] = p.betas as number[];
  return (s, out) => {
    out[0] = 1 - pow(beta1, s);
    out[1] = Math.sqrt(1 - pow(beta2, s));
  };
});

export function createAdam(
  p: Record<string, ParamValue>,
  dim: number,
  decoupled: boolean,
  scalars: StepScalarSequence = adamScalars.start(p),
): OptimizerInstance {
  const [beta1, beta2] = p.betas as number[];
  const eps = p.eps as number;
  const amsgrad = p.amsgrad as boolean;
  const weightDecay = p.weightDecay as number;
  const expAvg = new Float64Array(dim);
  const expAvgSq = new Float64Array(dim);
  const maxExpAvgSq = new Float64Array(dim);
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  return {
    step(x, g, { lr }) {
      const sc = scalars.next();
      const stepSize = lr / sc[0];
      const bc2Sqrt = sc[1];
      const decay = 1 - lr * weightDecay;
      for (let i = 0; i < dim; i++) {
        let d = g[i];
        if (weightDecay !== 0) {
          if (decoupled) x[i] *= decay;
          else d += weightDecay * x[i];
        }
        expAvg[i] = lerp(expAvg[i], d, w1);
        expAvgSq[i] = expAvgSq[i] * beta2 + w2 * d * d;
        let v = expAvgSq[i];
        if (amsgrad) {
          // torch.maximum propagates NaN, as Math.max does.
          maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], v);
          v = maxExpAvgSq[i];
        }
        const denom = Math.sqrt(v) / bc2Sqrt + eps;
        x[i] += (-stepSize * expAvg[i]) / denom;
      }
      return false;
    },
  };
}

/** expAvg is `a`, expAvgSq `b`, maxExpAvgSq `c`. */
export function adamGlsl(decoupled: boolean): GlslForm {
  const decay = decoupled ? 'x *= 1.0 - lr * p_weightDecay;' : 'd += p_weightDecay * x;';
  return {
    params: MOMENT_PARAMS,
    step: (flags) => `
    float s = float(t + 1);
    float stepSize = lr / $K0$;
    float bc2Sqrt = $K1$;
    vec2 d = g;
    if (p_weightDecay != 0.0) { ${decay} }
    a = spLerp(a, d, p_beta1c);
    b = b * p_beta2 + p_beta2c * d * d;
    ${flags.amsgrad ? 'c = max(c, b);\n    vec2 v = c;' : 'vec2 v = b;'}
    vec2 denom = sqrt(v) / bc2Sqrt + p_eps;
    x += (-stepSize * a) / denom;`,
    constants: [biasCorrectionConstant('beta1', 0, false), biasCorrectionConstant('beta2', 1, true)],
    prelude: '',
  };
}

export const adam: OptimizerDef = {
  id: 'adam',
  spec: {
    name: 'Adam',
    about: 'Bias-corrected first and second moment estimates: torch.optim.Adam.',
    params: adamParams(0),
  },
  torch: 'torch.optim.Adam',
  separable: true,
  needsHessian: false,
  stepScalars: adamScalars,
  create: (p, dim, scalars) => createAdam(p, dim, false, scalars),
  glsl: adamGlsl(false),
};
