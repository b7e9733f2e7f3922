// torch.optim.Adam (2.x, single-tensor path, capturable = differentiable = False), with AMSGrad.
// AdamW is the same update with decoupled weight decay (param.mul_(1 - lr * weight_decay) before
// the moments instead of an L2 term in the gradient), so both share this code.
// beta^t is detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import type { ParamValue } from '../../experiment/types';
import { pow } from '../../numeric';
import type { OptimizerDef, OptimizerInstance } from '../types';
import { lerp } from './lerp';

export function createAdam(p: Record<string, ParamValue>, dim: number, decoupled: boolean): OptimizerInstance {
  const [beta1, beta2] = p.betas as number[];
  const eps = p.eps as number;
  const amsgrad = p.amsgrad as boolean;
  const weightDecay = p.weightDecay as number;
  const expAvg = new Float64Array(dim);
  const expAvgSq = new Float64Array(dim);
  const maxExpAvgSq = new Float64Array(dim);
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  let step = 0;
  return {
    step(x, g, { lr }) {
      step++;
      const biasCorrection1 = 1 - pow(beta1, step);
      const biasCorrection2 = 1 - pow(beta2, step);
      const stepSize = lr / biasCorrection1;
      const bc2Sqrt = Math.sqrt(biasCorrection2);
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

export const adam: OptimizerDef = {
  id: 'adam',
  create: (p, dim) => createAdam(p, dim, false),
};
