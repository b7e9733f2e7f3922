// torch.optim.Adamax (2.x, single-tensor path): Adam's first moment over an exponentially
// weighted infinity norm u = max(beta2 * u, |g| + eps) (eps inside the max, as torch has it).
// beta1^t is detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import { pow } from '../../numeric';
import type { OptimizerDef, StepScalars } from '../types';
import { biasCorrectionConstant, DECAYED, MOMENT_PARAMS } from './glsl';
import { lerp } from './lerp';
import { betas, eps, lr, weightDecay } from './paramSpec';
import { stepScalars } from './stepScalars';

/** bias_correction = 1 - beta1^s. */
const adamaxScalars: StepScalars = stepScalars(['biasCorrection1'], (p) => {
  const beta1 = (p.betas as number[])[0];
  return (s, out) => {
    out[0] = 1 - pow(beta1, s);
  };
});

export const adamax: OptimizerDef = {
  id: 'adamax',
  spec: {
    name: 'Adamax',
    about: 'Adam with the infinity norm in place of the second moment: torch.optim.Adamax.',
    params: { lr: lr(2e-3), betas: betas(), eps: eps(1e-8), weightDecay: weightDecay() },
  },
  torch: 'torch.optim.Adamax',
  separable: true,
  needsHessian: false,
  stepScalars: adamaxScalars,
  create(p, dim, scalars = adamaxScalars.start(p)) {
    const [beta1, beta2] = p.betas as number[];
    const eps = p.eps as number;
    const weightDecay = p.weightDecay as number;
    const expAvg = new Float64Array(dim);
    const expInf = new Float64Array(dim);
    const w1 = 1 - beta1;
    return {
      step(x, g, { lr }) {
        const clr = lr / scalars.next()[0];
        for (let i = 0; i < dim; i++) {
          const d = weightDecay !== 0 ? g[i] + weightDecay * x[i] : g[i];
          expAvg[i] = lerp(expAvg[i], d, w1);
          expInf[i] = Math.max(expInf[i] * beta2, Math.abs(d) + eps);
          x[i] += (-clr * expAvg[i]) / expInf[i];
        }
        return false;
      },
    };
  },
  // expAvg is `a`, expInf `b`
  glsl: {
    params: MOMENT_PARAMS,
    step: () => `
    float s = float(t + 1);
    float clr = lr / $K0$;
    ${DECAYED}
    a = spLerp(a, d, p_beta1c);
    b = max(b * p_beta2, abs(d) + p_eps);
    x += (-clr * a) / b;`,
    constants: [biasCorrectionConstant('beta1', 0, false)],
    prelude: '',
  },
};
