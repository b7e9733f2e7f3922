// How a network problem's `samples` points split into a training set and a held-out set: a pure
// function of samples, defined once here so that the data sets (src/nets/datasets.ts), the job
// estimate (src/nets/cost.ts) and the rule that a minibatch fits the training set
// (consistency.ts; src/experiment may not import src/nets) all use the same numbers.

/** The share of the (shuffled) points held out of training. */
export const HELD_OUT_FRACTION = 0.2;

/** Held-out size for a dataset of n points: 20%, rounded, and at least one point. */
export const heldOutCount = (n: number): number => Math.max(1, Math.round(HELD_OUT_FRACTION * n));

/** Training-set size for a dataset of n points: the rest. A batch of this size is the full batch. */
export const trainCount = (n: number): number => n - heldOutCount(n);
