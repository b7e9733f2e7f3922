// torch.optim.RAdam (2.x, single-tensor path): Adam whose adaptive term is switched on only once
// the approximated length of the SMA, rho_t, exceeds 5, and then scaled by the rectification
// factor; before that the step is plain momentum SGD with bias correction.
// The powers are detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import { pow } from '../../numeric';
import type { OptimizerDef, StepScalars } from '../types';
import { biasCorrectionConstant, DECAYED, MOMENT_PARAMS } from './glsl';
import { lerp } from './lerp';
import { betas, eps, lr, weightDecay } from './paramSpec';
import { stepScalars } from './stepScalars';

/**
 * rect is the rectification factor, or 0 while rho_t <= 5. (When rho_t > 5, rho_inf > rho_t > 5
 * makes every factor positive, so rect > 0 exactly when torch's test rho_t > 5 holds.)
 */
const radamScalars: StepScalars = stepScalars(['biasCorrection1', 'biasCorrection2Sqrt', 'rect'], (p) => {
  const [beta1, beta2] = p.betas as number[];
  const rhoInf = 2 / (1 - beta2) - 1;
  return (s, out) => {
    const biasCorrection2 = 1 - pow(beta2, s);
    const rhoT = rhoInf - (2 * s * pow(beta2, s)) / biasCorrection2;
    out[0] = 1 - pow(beta1, s);
    out[1] = Math.sqrt(biasCorrection2);
    out[2] = rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
  };
});

/** RAdam's rectification factor at step s, or 0 while rho_t <= 5 (GLSL twin of radamScalars), from c = 1 - beta2. */
const RADAM_PRELUDE = `
float spRadamRect(float c, float s) {
  float bc2 = spBiasCorrection(c, s);
  float rhoInf = 2.0 / c - 1.0;
  float rhoT = rhoInf - (2.0 * s * (1.0 - bc2)) / bc2;
  if (!(rhoT > 5.0)) return 0.0;
  return sqrt(((rhoT - 4.0) * (rhoT - 2.0) * rhoInf) / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT));
}
`;

export const radam: OptimizerDef = {
  id: 'radam',
  spec: {
    name: 'RAdam',
    about: 'Adam with a rectified adaptive learning rate: torch.optim.RAdam.',
    params: { lr: lr(1e-3), betas: betas(), eps: eps(1e-8), weightDecay: weightDecay() },
  },
  torch: 'torch.optim.RAdam',
  separable: true,
  needsHessian: false,
  stepScalars: radamScalars,
  create(p, dim, scalars = radamScalars.start(p)) {
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
        const biasCorrection1 = sc[0];
        const bc2Sqrt = sc[1];
        const rect = sc[2];
        for (let i = 0; i < dim; i++) {
          const d = weightDecay !== 0 ? g[i] + weightDecay * x[i] : g[i];
          expAvg[i] = lerp(expAvg[i], d, w1);
          expAvgSq[i] = expAvgSq[i] * beta2 + w2 * d * d;
          const corrected = expAvg[i] / biasCorrection1;
          if (rect > 0) {
            const adaptiveLr = bc2Sqrt / (Math.sqrt(expAvgSq[i]) + eps);
            x[i] += -(corrected * lr * adaptiveLr * rect);
          } else {
            x[i] += -(corrected * lr);
          }
        }
        return false;
      },
    };
  },
  // expAvg is `a`, expAvgSq `b`
  glsl: {
    params: MOMENT_PARAMS,
    step: () => `
    // rect: the rectification factor, 0 while rho_t <= 5 (see stepConstants.ts)
    float s = float(t + 1);
    ${DECAYED}
    a = spLerp(a, d, p_beta1c);
    b = b * p_beta2 + p_beta2c * d * d;
    vec2 corrected = a / $K0$;
    float rect = $K2$;
    if (rect > 0.0) {
      vec2 adaptiveLr = $K1$ / (sqrt(b) + p_eps);
      x += -(corrected * lr * adaptiveLr * rect);
    } else {
      x += -(corrected * lr);
    }`,
    constants: [
      biasCorrectionConstant('beta1', 0, false),
      biasCorrectionConstant('beta2', 1, true),
      { deps: ['beta2'], value: (v) => v[2], glsl: 'spRadamRect(p_beta2c, s)' },
    ],
    prelude: RADAM_PRELUDE,
  },
};
