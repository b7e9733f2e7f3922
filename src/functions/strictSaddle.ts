// A strict saddle with k negative-curvature directions, built separable so that every critical
// point is known: a double well w(t) = t^4/4 - t^2/2 on the first k coordinates and a bowl
// b(t) = t^2/2 on the rest,
//   f(x) = sum_{i<k} (x_i^4/4 - x_i^2/2) + sum_{i>=k} x_i^2/2.
// w has critical points -1, 0, 1 (w'' = 3t^2 - 1: 2, -1, 2), b only 0 (b'' = 1). So the critical
// points are x with x_i in {-1, 0, 1} for i < k and x_i = 0 for i >= k, 3^k of them; the index is
// the number of zeros among the first k coordinates. The origin is the saddle of index k
// (Hessian diag(-1 x k, 1 x (d-k))), the 2^k points with every x_i = +-1 (i < k) are the global
// minima, f = -k/4. The first k coordinates that start at 0 stay 0 under gradient descent (w'(0)
// = 0): the default start lies on the saddle's stable manifold {x_i = 0, i < k}, so plain GD
// converges to the saddle, while any perturbation of those coordinates grows by (1 + lr) per
// step and escapes to a minimum (Lee et al. 2016, "Gradient descent only converges to minimizers").
import { defineFunction } from './define';
import { separableInstance, type AxisTerm } from './separable';
import { MAX_DIM } from './types';

const well: AxisTerm = {
  add(s, t) {
    const t2 = t * t;
    return s + t2 * t2 / 4 - t2 / 2;
  },
  slope: (t) => t * t * t - t,
  curvature: (t) => 3 * t * t - 1,
  critical: () => [-1, 0, 1].map((t) => ({ t, curvature: well.curvature(t) })),
};

const bowl: AxisTerm = {
  add: (s, t) => s + t * t / 2,
  slope: (t) => t,
  curvature: () => 1,
  critical: () => [{ t: 0, curvature: 1 }],
};

/** The index of `t` in an axis's critical points (they are exact here: -1, 0, 1). */
const at = (t: number) => (axis: readonly { t: number }[]) => axis.findIndex((p) => p.t === t);

export const strictSaddle = defineFunction({
  id: 'strictSaddle',
  name: 'Strict saddle (k directions down)',
  about: 'A separable strict saddle at the origin with k negative-curvature directions and 2^k global minima, whose stable manifold traps plain gradient descent (after Lee et al. 2016 and Ge et al. 2015).',
  minDim: 2,
  maxDim: MAX_DIM,
  params: [
    { key: 'k', label: 'negative directions k', about: 'How many coordinates have a double well (curvature -1 at the origin); 1 <= k <= d.', default: 1, min: 1, max: MAX_DIM, integer: true },
  ],
  build(dim, params) {
    const k = params.k;
    if (k > dim) return `k must be at most the dimension ${dim}, got ${k}`;
    const start = new Float64Array(dim);
    for (let i = k; i < dim; i++) start[i] = 1; // zeros on the k unstable coordinates: the stable manifold
    return separableInstance({
      id: 'strictSaddle',
      params,
      formula: `sum_{i<${k}} (x_i^4/4 - x_i^2/2) + sum_{i>=${k}} x_i^2/2`,
      axes: Array.from({ length: dim }, (_, i) => (i < k ? well : bowl)),
      start: 0,
      defaultStart: start,
      // Curvature <= 3 * 1.5^2 - 1 = 5.75 inside the view: lr < 2 / 5.75; 0.05 shows the crawl.
      suggestedLr: 0.05,
      named: [
        { label: `saddle at the origin (index ${k})`, choice: at(0) },
        { label: 'a global minimum (x_i = 1, i < k)', global: true, choice: (axis, i) => at(i < k ? 1 : 0)(axis) },
      ],
      view: { axes: [0, k < dim ? k : 1], center: new Float64Array(dim), x: [-1.6, 1.6], y: [-1.6, 1.6] },
    });
  },
});
