// torch.optim.NAdam (2.x, single-tensor path): Adam with Nesterov momentum and the momentum
// schedule mu_t = beta1 (1 - 0.5 * 0.96^(t psi)). The product of the mu's follows 2.x:
// mu_product_next = mu_product * mu_next. (torch 1.13 computed mu_product * mu * mu_next, a bug
// fixed in 2.0.) The product is kept in float64, as torch does when float64 is the default dtype.
// The powers are detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import { pow } from '../../numeric';
import type { OptimizerDef } from '../types';
import { lerp } from './lerp';

export const nadam: OptimizerDef = {
  id: 'nadam',
  create(p, dim) {
    const [beta1, beta2] = p.betas as number[];
    const eps = p.eps as number;
    const psi = p.momentumDecay as number;
    const weightDecay = p.weightDecay as number;
    const expAvg = new Float64Array(dim);
    const expAvgSq = new Float64Array(dim);
    const w1 = 1 - beta1;
    const w2 = 1 - beta2;
    let step = 0;
    let muProduct = 1;
    return {
      step(x, g, { lr }) {
        step++;
        const biasCorrection2 = 1 - pow(beta2, step);
        const mu = beta1 * (1 - 0.5 * pow(0.96, step * psi));
        const muNext = beta1 * (1 - 0.5 * pow(0.96, (step + 1) * psi));
        muProduct *= mu;
        const muProductNext = muProduct * muNext;
        const gradScale = (-lr * (1 - mu)) / (1 - muProduct);
        const avgScale = (-lr * muNext) / (1 - muProductNext);
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
};
