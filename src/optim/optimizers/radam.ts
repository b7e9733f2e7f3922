// torch.optim.RAdam (2.x, single-tensor path): Adam whose adaptive term is switched on only once
// the approximated length of the SMA, rho_t, exceeds 5, and then scaled by the rectification
// factor; before that the step is plain momentum SGD with bias correction.
// The powers are detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import { pow } from '../../numeric';
import type { OptimizerDef } from '../types';
import { lerp } from './lerp';

export const radam: OptimizerDef = {
  id: 'radam',
  create(p, dim) {
    const [beta1, beta2] = p.betas as number[];
    const eps = p.eps as number;
    const weightDecay = p.weightDecay as number;
    const expAvg = new Float64Array(dim);
    const expAvgSq = new Float64Array(dim);
    const w1 = 1 - beta1;
    const w2 = 1 - beta2;
    const rhoInf = 2 / (1 - beta2) - 1;
    let step = 0;
    return {
      step(x, g, { lr }) {
        step++;
        const biasCorrection1 = 1 - pow(beta1, step);
        const biasCorrection2 = 1 - pow(beta2, step);
        const rhoT = rhoInf - (2 * step * pow(beta2, step)) / biasCorrection2;
        const rectified = rhoT > 5;
        const rect = rectified
          ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
          : 0;
        const bc2Sqrt = Math.sqrt(biasCorrection2);
        for (let i = 0; i < dim; i++) {
          const d = weightDecay !== 0 ? g[i] + weightDecay * x[i] : g[i];
          expAvg[i] = lerp(expAvg[i], d, w1);
          expAvgSq[i] = expAvgSq[i] * beta2 + w2 * d * d;
          const corrected = expAvg[i] / biasCorrection1;
          if (rectified) {
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
};
