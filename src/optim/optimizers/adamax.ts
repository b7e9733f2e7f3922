// torch.optim.Adamax (2.x, single-tensor path): Adam's first moment over an exponentially
// weighted infinity norm u = max(beta2 * u, |g| + eps) (eps inside the max, as torch has it).
// beta1^t is detMath's pow: ** is Math.pow, whose last bit differs between JS engines.
import { pow } from '../../numeric';
import type { OptimizerDef } from '../types';
import { lerp } from './lerp';

export const adamax: OptimizerDef = {
  id: 'adamax',
  create(p, dim) {
    const [beta1, beta2] = p.betas as number[];
    const eps = p.eps as number;
    const weightDecay = p.weightDecay as number;
    const expAvg = new Float64Array(dim);
    const expInf = new Float64Array(dim);
    const w1 = 1 - beta1;
    let step = 0;
    return {
      step(x, g, { lr }) {
        step++;
        const clr = lr / (1 - pow(beta1, step));
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
};
