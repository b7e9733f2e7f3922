// The Styblinski-Tang function (Styblinski and Tang 1990): (1/2) sum_i (x_i^4 - 16 x_i^2 + 5 x_i).
// Separable with two minima per axis of different depths, so 2^d minima and 3^d critical points;
// the global one is at x_i = -2.9035... on every axis.
import { defineFunction } from './define';
import { monotoneRoots, separableInstance, type AxisTerm } from './separable';
import { MAX_DIM } from './types';

/** The same expressions, in the same order, as src/surfaces/catalogue/styblinskiTang.ts. */
const term: AxisTerm = {
  add(s, t) {
    const t2 = t * t;
    return s + t2 * t2 - 16 * t2 + 5 * t;
  },
  slope: (t) => 2 * t * t * t - 16 * t + 2.5,
  curvature: (t) => 6 * t * t - 16,
  critical() {
    // g'' = 6t^2 - 16 vanishes at +-sqrt(8/3); |g'| > 0 beyond |t| = 4.
    const knee = Math.sqrt(8 / 3);
    return monotoneRoots(term, [-4, -knee, knee, 4]);
  },
};

export const styblinskiTang = defineFunction({
  id: 'styblinskiTang',
  name: 'Styblinski-Tang',
  about: 'Separable quartic with 2^d minima of different depths and 3^d critical points, the deepest at x_i = -2.9035 (Styblinski and Tang 1990).',
  minDim: 2,
  maxDim: MAX_DIM,
  params: [],
  build(dim, params) {
    const start = new Float64Array(dim);
    // The 2D catalogue's start (1, 4), repeated.
    for (let i = 0; i < dim; i++) start[i] = i % 2 === 0 ? 1 : 4;
    return separableInstance({
      id: 'styblinskiTang',
      params,
      formula: '(1/2) sum_i (x_i^4 - 16 x_i^2 + 5 x_i)',
      axes: new Array<AxisTerm>(dim).fill(term),
      start: 0,
      finish: (s) => s / 2,
      defaultStart: start,
      // Curvature 6 t^2 - 16 is 80 at |t| = 4 (the start's largest coordinate): lr < 2 / 80.
      suggestedLr: 0.01,
      // Per axis t* = -2.903534027771177, g(t*) = -39.16616570377142 (as the 2D catalogue says).
      named: [{ label: 'global minimum', global: true, choice: () => 0 }],
      view: { axes: [0, 1], x: [-5, 5], y: [-5, 5] },
    });
  },
});
