import type { Experiment } from './types';

export const DEFAULT_STOP = { maxSteps: 2000, gradTol: 1e-4 } as const;
export const DEFAULT_SEED = 0;
/** rho of the second-order stopping rule when it is switched on without one (stop.secondOrder). */
export const DEFAULT_RHO = 1;

/**
 * The decoders' fallback, part of the version-1 link contract: an empty link, a link of an
 * unknown version and a rejected problem or run list decode to (parts of) this experiment, and
 * fixtures/links/v1.json pins what they decode to. So it never changes; what the app opens with
 * is openingExperiment below. Plain gradient descent on Rosenbrock's banana valley.
 */
export function defaultExperiment(): Experiment {
  return {
    v: 1,
    problem: { kind: 'surface', id: 'rosenbrock' },
    runs: [{ optimizer: 'sgd', params: { lr: 1e-3 }, start: [-1.5, 1.5] }],
    stop: { ...DEFAULT_STOP },
    seed: DEFAULT_SEED,
  };
}

/**
 * What the app opens with: the race that is the point of the tool. On the double well from
 * (1.5, 0), the surface's default start, gradient descent stops at the saddle (eps-stationary,
 * not a minimum), perturbed and noisy gradient descent escape it to a minimum, and cubic-
 * regularized Newton reaches a minimum directly. Learning rates are the double well's recommended
 * one (src/surfaces/catalogue/doubleWell.ts); every field is explicit, so its link is too.
 */
export function openingExperiment(): Experiment {
  return {
    v: 1,
    problem: { kind: 'surface', id: 'doubleWell' },
    runs: [
      { optimizer: 'sgd', params: { lr: 0.1 } },
      { optimizer: 'pgd', params: { lr: 0.1 } },
      { optimizer: 'noisySgd', params: { lr: 0.1 } },
      { optimizer: 'cubic', params: {} },
    ],
    stop: { ...DEFAULT_STOP },
    seed: DEFAULT_SEED,
  };
}
