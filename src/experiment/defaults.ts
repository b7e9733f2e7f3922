import type { Experiment } from './types';

export const DEFAULT_STOP = { maxSteps: 2000, gradTol: 1e-4 } as const;
export const DEFAULT_SEED = 0;
/** rho of the second-order stopping rule when it is switched on without one (stop.secondOrder). */
export const DEFAULT_RHO = 1;

/** What the app opens with: plain gradient descent on Rosenbrock's banana valley. */
export function defaultExperiment(): Experiment {
  return {
    v: 1,
    problem: { kind: 'surface', id: 'rosenbrock' },
    runs: [{ optimizer: 'sgd', params: { lr: 1e-3 }, start: [-1.5, 1.5] }],
    stop: { ...DEFAULT_STOP },
    seed: DEFAULT_SEED,
  };
}
