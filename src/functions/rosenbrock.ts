// Rosenbrock's function in d dimensions, the chained form (Rosenbrock 1960; the "extended"
// d-dimensional sum as in Dixon and Szegő 1978):
//   f(x) = sum_{i<d-1} (1 - x_i)^2 + 100 (x_{i+1} - x_i^2)^2.
// A curved valley through all coordinates to the global minimum (1, ..., 1). Not separable: the
// Hessian is tridiagonal, the sum of one 2x2 block per term. For 4 <= d <= 7 there is also a
// local minimum near (-1, 1, ..., 1) (Shang and Qiu 2006), found by search, not listed here.
import { defineFunction } from './define';
import { MAX_DIM, type Instance } from './types';

const A = 1;
const B = 100;

/** Term i's value, in the 2D catalogue's order (src/surfaces/catalogue/rosenbrock.ts). */
function term(x: number, y: number): number {
  const r = y - x * x;
  return (A - x) * (A - x) + B * r * r;
}

/** Term i's Hessian block [[h00, h01], [h01, h11]] over (x_i, x_{i+1}), in the catalogue's order. */
function block(x: number, y: number, out: Float64Array): void {
  out[0] = 2 - 4 * B * (y - x * x) + 8 * B * x * x;
  out[1] = -4 * B * x;
  out[2] = 2 * B;
}

export const rosenbrock = defineFunction({
  id: 'rosenbrock',
  name: 'Rosenbrock',
  about: 'A long curved valley through every coordinate to the minimum at (1, ..., 1): GD crawls its floor (Rosenbrock 1960, chained form).',
  minDim: 2,
  maxDim: MAX_DIM,
  params: [],
  build(dim, params): Instance {
    const h = new Float64Array(3);
    const start = new Float64Array(dim);
    for (let i = 0; i < dim; i++) start[i] = i % 2 === 0 ? -1.5 : 1.5; // the catalogue's (-1.5, 1.5), repeated
    const f = (x: Float64Array): number => {
      let s = 0;
      for (let i = 0; i + 1 < dim; i++) s += term(x[i], x[i + 1]);
      return s;
    };
    const ones = new Float64Array(dim).fill(1);
    return {
      id: 'rosenbrock',
      dim,
      params,
      formula: 'sum_{i<d-1} (1 - x_i)^2 + 100 (x_{i+1} - x_i^2)^2',
      f,
      grad(x, out) {
        out.fill(0);
        let s = 0;
        for (let i = 0; i + 1 < dim; i++) {
          const xi = x[i];
          const r = x[i + 1] - xi * xi;
          s += term(xi, x[i + 1]);
          out[i] += -2 * (A - xi) - 4 * B * xi * r;
          out[i + 1] += 2 * B * r;
        }
        return s;
      },
      hvp(x, v, out) {
        out.fill(0);
        for (let i = 0; i + 1 < dim; i++) {
          block(x[i], x[i + 1], h);
          out[i] += h[0] * v[i] + h[1] * v[i + 1];
          out[i + 1] += h[1] * v[i] + h[2] * v[i + 1];
        }
      },
      hessian(x, out) {
        out.fill(0);
        for (let i = 0; i + 1 < dim; i++) {
          block(x[i], x[i + 1], h);
          out[i * dim + i] += h[0];
          out[i * dim + i + 1] += h[1];
          out[(i + 1) * dim + i] += h[1];
          out[(i + 1) * dim + i + 1] += h[2];
        }
      },
      defaultStart: () => start.slice(),
      // The start's largest curvature is about 2300 (term block 2102 plus the previous term's
      // 200): lr < 2 / 2300.
      suggestedLr: 5e-4,
      globalMin: 0,
      criticalPoints: {
        named: [{ label: 'global minimum (1, ..., 1)', x: ones.slice(), kind: 'minimum', index: 0, value: f(ones) }],
        complete: false,
      },
      view: { axes: [0, 1], center: ones.slice(), x: [-2, 2], y: [-1, 3] },
    };
  },
});
