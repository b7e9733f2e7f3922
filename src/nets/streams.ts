// Where every random draw of a network experiment comes from. Runs use streams 0..255
// (runStream(seed, run's stream id): optimizer noise, gradNoise, pgd's kicks; LIMITS.stream), so the network's own
// streams sit far above them at 1000+: adding, removing or reordering runs never changes the
// data, the initial weights or the minibatch order, and every run of a race shares them.
import { runStream, type Rng } from '../optim/rng';

export const STREAM = {
  /** The dataset: clean points, their noise, then the shuffle that decides the held-out split. */
  dataset: 1000,
  /** Glorot-uniform initial weights, shared by every run. */
  init: 1001,
  /**
   * Minibatch order. Each run opens its own copy of this stream, so every optimizer of a race
   * sees the same sequence of minibatches (a fair race: same data, same order).
   */
  minibatch: 1002,
  /** Start vector of the Lanczos iteration that estimates the Hessian's extreme eigenvalues. */
  lanczos: 1003,
  /** The two random directions of a loss-landscape slice (filter-normalized, Li et al. 2018). */
  directions: 1004,
} as const;

export function netStream(seed: number, which: keyof typeof STREAM): Rng {
  return runStream(seed, STREAM[which]);
}
