// Rastrigin's function in d dimensions (Rastrigin 1974; the d-dimensional form of Muehlenbein,
// Schomisch and Born 1991): 10 d + sum_i (x_i^2 - 10 cos(2 pi x_i)). Separable, so its critical
// points are all products of the 1-D ones, and a minimum of the bowl sits in every dimple.
import { acos, cos, sin } from '../numeric';
import { defineFunction } from './define';
import { monotoneRoots, separableInstance, type AxisTerm } from './separable';
import { MAX_DIM } from './types';

const A = 10;
const TWO_PI = 2 * Math.PI;

/** The same expressions, in the same order, as src/surfaces/catalogue/rastrigin.ts. */
const term: AxisTerm = {
  add: (s, t) => s + t * t - A * cos(TWO_PI * t),
  slope: (t) => 2 * t + TWO_PI * A * sin(TWO_PI * t),
  curvature: (t) => 2 + TWO_PI * TWO_PI * A * cos(TWO_PI * t),
  critical() {
    // g'' = 2 + 4 pi^2 A cos(2 pi t) vanishes where cos(2 pi t) = -1 / (2 pi^2 A): between those
    // points g' is monotone. |g'| >= 2|t| - 2 pi A > 0 beyond |t| = pi A + 1, so no zero there.
    const edge = Math.ceil(Math.PI * A) + 1;
    const phase = acos(-1 / (2 * Math.PI * Math.PI * A)) / TWO_PI;
    const breaks: number[] = [-edge];
    for (let m = -edge; m <= edge; m++) {
      for (const t of [m - phase, m + phase]) if (t > -edge && t < edge) breaks.push(t);
    }
    breaks.push(edge);
    return monotoneRoots(term, breaks);
  },
};

export const rastrigin = defineFunction({
  id: 'rastrigin',
  name: 'Rastrigin',
  about: 'A bowl covered in an egg-box of 125^d critical points (63^d minima), whose index ranges over 0..d (Rastrigin 1974; Muehlenbein et al. 1991).',
  minDim: 2,
  maxDim: MAX_DIM,
  params: [],
  build(dim, params) {
    const start = new Float64Array(dim);
    // The 2D catalogue's start (3.7, -2.3), repeated: the same run in d = 2.
    for (let i = 0; i < dim; i++) start[i] = i % 2 === 0 ? 3.7 : -2.3;
    return separableInstance({
      id: 'rastrigin',
      params,
      formula: '10 d + sum_i (x_i^2 - 10 cos(2 pi x_i))',
      axes: new Array<AxisTerm>(dim).fill(term),
      start: A * dim,
      defaultStart: start,
      // Curvature is at most 2 + 4 pi^2 A = 396.8 (every x): lr < 2 / 396.8 keeps GD stable.
      suggestedLr: 0.002,
      named: [{ label: 'global minimum (origin)', global: true, choice: (axis) => axis.findIndex((p) => p.t === 0) }],
      view: { axes: [0, 1], x: [-5.12, 5.12], y: [-5.12, 5.12] },
    });
  },
});
