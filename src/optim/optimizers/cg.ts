// Nonlinear conjugate gradients with a strong-Wolfe line search (Nocedal and Wright 5.2;
// src/optim/quasiNewton/cg.ts): d = -g + beta d_prev, beta by Fletcher-Reeves, Polak-Ribiere+
// or Hestenes-Stiefel, restarted with steepest descent every dim steps and whenever d is not a
// descent direction.
//
// No GLSL form: the line search evaluates f and the gradient along a direction, and beta is a
// ratio of dot products over all coordinates; the fused WebGL program has one gradient per
// pixel per step.
import { CG_DEFAULTS, ConjugateGradient, type CgBeta } from '../quasiNewton/cg';
import type { OptimizerDef } from '../types';
import { c2Spec, LINE_SEARCH_TRAITS, lineSearchInstance } from './lineSearchStep';
import { lr } from './paramSpec';

const BETAS: readonly CgBeta[] = ['fletcherReeves', 'polakRibierePlus', 'hestenesStiefel'];

export const cg: OptimizerDef = {
  id: 'cg',
  spec: {
    name: 'Conjugate gradients',
    about: 'Nonlinear conjugate gradients (Fletcher-Reeves 1964, Polak-Ribiere 1969, Hestenes-Stiefel 1952) with a strong-Wolfe line search and restarts.',
    params: {
      lr: lr(CG_DEFAULTS.lr),
      beta: { type: 'choice', default: CG_DEFAULTS.beta, options: BETAS, help: "the formula for beta: fletcherReeves, polakRibierePlus (max(0, PR)) or hestenesStiefel" },
      c2: c2Spec(CG_DEFAULTS.lineSearch.c2!, '0.1 for CG; Fletcher-Reeves needs c2 < 1/2 to guarantee descent'),
    },
  },
  torch: null,
  ...LINE_SEARCH_TRAITS,
  create(p, dim) {
    const method = new ConjugateGradient(dim, { lr: p.lr as number, beta: p.beta as CgBeta, lineSearch: { c2: p.c2 as number } });
    return lineSearchInstance('cg', method, {
      notDescent: (n) => `CG restarted with steepest descent at ${n} step${n === 1 ? '' : 's'} where d was not a descent direction`,
    });
  },
};
