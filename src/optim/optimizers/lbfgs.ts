// L-BFGS as torch.optim.LBFGS with max_iter = 1: one L-BFGS iteration per engine step, the
// (s, y) history kept across steps (src/optim/quasiNewton/lbfgs.ts, ported from torch 1.13's
// lbfgs.py operation for operation; fixtures/torch/lbfgs.json replays torch's trajectories through
// the engine). torch's early exits (tolerance_grad, tolerance_change) are off: the engine's own
// stopping rules decide. With lineSearch 'none' the step is t = lr along the two-loop direction
// (min(1, 1/||g||_1) lr on the first step), without further evaluations; with 'strongWolfe' it is
// torch's _strong_wolfe (src/optim/lineSearch.ts) from that trial step.
//
// No GLSL form: the line search evaluates f and the gradient along a direction, and even without
// it the two-loop recursion couples the coordinates through dot products of the history; the
// fused WebGL program has one gradient per pixel per step and no such state.
import { Lbfgs, LBFGS_DEFAULTS, type LineSearchKind } from '../quasiNewton/lbfgs';
import type { OptimizerDef } from '../types';
import { LINE_SEARCH_TRAITS, lineSearchInstance } from './lineSearchStep';
import { lr } from './paramSpec';

const LINE_SEARCHES: readonly LineSearchKind[] = ['none', 'strongWolfe'];

export const lbfgs: OptimizerDef = {
  id: 'lbfgs',
  spec: {
    name: 'L-BFGS',
    about: 'Limited-memory BFGS (Nocedal 1980) as torch.optim.LBFGS: the two-loop recursion over the last historySize (s, y) pairs, optionally with a strong-Wolfe line search.',
    params: {
      lr: lr(LBFGS_DEFAULTS.lr),
      historySize: { type: 'number', default: LBFGS_DEFAULTS.historySize, min: 1, max: 1000, integer: true, help: 'number of (s, y) pairs kept (torch\'s history_size)' },
      lineSearch: { type: 'choice', default: LBFGS_DEFAULTS.lineSearch, options: LINE_SEARCHES, help: "'none': the step lr; 'strongWolfe': torch's strong-Wolfe line search from lr (torch's line_search_fn)" },
    },
  },
  torch: 'torch.optim.LBFGS',
  ...LINE_SEARCH_TRAITS,
  create(p, dim) {
    const method = new Lbfgs(dim, { lr: p.lr as number, historySize: p.historySize as number, lineSearch: p.lineSearch as LineSearchKind });
    return lineSearchInstance('lbfgs', method, {
      historySkipped: (n) => `L-BFGS stored no (s, y) pair at ${n} step${n === 1 ? '' : 's'} where y's <= 1e-10 (torch's rule)`,
    });
  },
};
