// torch.optim.NAdam (2.x, single-tensor path): Adam with Nesterov momentum and the momentum
// schedule mu_t = beta1 (1 - 0.5 * 0.96^(t psi)). The product of the mu's follows 2.x:
// mu_product_next = mu_product * mu_next. (torch 1.13 computed mu_product * mu * mu_next, a bug
// fixed in 2.0.) The product is kept in float64, as torch does when float64 is the default dtype.
// The powers are detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import { pow } from '../../numeric';
import type { OptimizerDef, StepScalars } from '../types';
import { biasCorrectionConstant, DECAYED } from './glsl';
import { lerp } from './lerp';
import { betas, eps, lr, weightDecay } from './paramSpec';
import { stepScalars } from './stepScalars';

const nadamScalars: StepScalars = stepScalars(['biasCorrection2', 'mu', 'muNext', 'muProduct', 'muProductNext'], (p) => {
  const [beta1, beta2] = p.betas as number[];
  const psi = p.momentumDecay as number;
  let muProduct = 1;
  return (s, out) => {
    const mu = beta1 * (1 - 0.5 * pow(0.96, s * psi));
    const muNext = beta1 * (1 - 0.5 * pow(0.96, (s + 1) * psi));
    muProduct *= mu;
    out[0] = 1 - pow(beta2, s);
    out[1] = mu;
    out[2] = muNext;
    out[3] = muProduct;
    out[4] = muProduct * muNext;
  };
});

export const nadam: OptimizerDef = {
  id: 'nadam',
  spec: {
    name: 'NAdam',
    about: 'Adam with Nesterov momentum and a momentum schedule: torch.optim.NAdam (2.x).',
    params: {
      lr: lr(2e-3),
      betas: betas(),
      eps: eps(1e-8),
      momentumDecay: { type: 'number', default: 4e-3, min: 0, max: 1, help: 'momentum decay (psi)' },
      weightDecay: weightDecay(),
    },
  },
  torch: 'torch.optim.NAdam',
  separable: true,
  needsHessian: false,
  stepScalars: nadamScalars,
  create(p, dim, scalars = nadamScalars.start(p)) {
    const [beta1, beta2] = p.betas as number[];
    const eps = p.eps as number;
    const weightDecay = p.weightDecay as number;
    const expAvg = new Float64Array(dim);
    const expAvgSq = new Float64Array(dim);
    const w1 = 1 - beta1;
    const w2 = 1 - beta2;
    return {
      step(x, g, { lr }) {
        const sc = scalars.next();
        const biasCorrection2 = sc[0];
        const gradScale = (-lr * (1 - sc[1])) / (1 - sc[3]); // -lr (1 - mu) / (1 - muProduct)
        const avgScale = (-lr * sc[2]) / (1 - sc[4]); // -lr muNext / (1 - muProductNext)
        for (let i = 0; i < dim; i++) {
          const d = weightDecay !== 0 ? g[i] + weightDecay * x[i] : g[i];
          expAvg[i] = lerp(expAvg[i], d, w1);
          expAvgSq[i] = expAvgSq[i] * beta2 + w2 * d * d;
          const denom = Math.sqrt(expAvgSq[i] / biasCorrection2) + eps;
          // two addcdiv_ in sequence, each rounded
          x[i] += (gradScale * d) / denom;
          x[i] += (avgScale * expAvg[i]) / denom;
        }
        return false;
      },
    };
  },
  // expAvg is `a`, expAvgSq `b`
  glsl: {
    params: ['beta1', 'beta2', 'beta1c', 'beta2c', 'eps', 'momentumDecay', 'weightDecay'],
    step: () => `
    // aux: the running product of mu (used by the in-shader formulas when a sweep varies beta1)
    float s = float(t + 1);
    if (t == 0) aux = 1.0;
    float bc2 = $K0$;
    float mu = p_beta1 * (1.0 - 0.5 * pow(0.96, s * p_momentumDecay));
    float muNext = p_beta1 * (1.0 - 0.5 * pow(0.96, (s + 1.0) * p_momentumDecay));
    aux *= mu;
    float gradScale = -lr * $K1$;
    float avgScale = -lr * $K2$;
    ${DECAYED}
    a = spLerp(a, d, p_beta1c);
    b = b * p_beta2 + p_beta2c * d * d;
    vec2 denom = sqrt(b / bc2) + p_eps;
    x += (gradScale * d) / denom;
    x += (avgScale * a) / denom;`,
    constants: [
      biasCorrectionConstant('beta2', 0, false),
      { deps: ['beta1', 'momentumDecay'], value: (v) => (1 - v[1]) / (1 - v[3]), glsl: '(1.0 - mu) / (1.0 - aux)' },
      { deps: ['beta1', 'momentumDecay'], value: (v) => v[2] / (1 - v[4]), glsl: 'muNext / (1.0 - aux * muNext)' },
    ],
    prelude: '',
  },
};
