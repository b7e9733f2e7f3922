// A network run's initial weights (Run.init): layer l of a network with sizes
// [2, ...hidden, 1] is { W: sizes[l+1] rows of sizes[l] numbers, b: sizes[l+1] numbers }, the
// layout of the CLI's --with-data "weights" (src/cli/netData.ts), so exported weights come back
// as a run's start. The schema bounds their size; this checks them against the architecture,
// which only the problem knows. Not part of the share link (a link would be kilobytes of digits):
// an experiment with init travels as JSON.
import type { LayerWeights, NetworkProblem } from './types';

/** The layer sizes of the problem's network: 2 inputs, the hidden widths, 1 output (a logit). */
export function networkSizes(problem: Pick<NetworkProblem, 'hidden'>): number[] {
  return [2, ...problem.hidden, 1];
}

/** The first way `init` does not fit the problem's network, as one printable line; null when it fits. */
export function initShapeError(problem: Pick<NetworkProblem, 'hidden'>, init: readonly LayerWeights[]): string | null {
  const sizes = networkSizes(problem);
  const arch = sizes.join('-');
  if (init.length !== sizes.length - 1) return `the weights have ${init.length} layers; the network ${arch} has ${sizes.length - 1}`;
  for (let l = 0; l < init.length; l++) {
    const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
    const { W, b } = init[l];
    const wrongRow = W.findIndex((row) => row.length !== fanIn);
    if (W.length !== fanOut || wrongRow >= 0) {
      const got = wrongRow >= 0 ? `row ${wrongRow} has ${W[wrongRow].length} numbers` : `W has ${W.length} rows`;
      return `layer ${l + 1}: W must be ${fanOut} x ${fanIn} (outputs x inputs) for the network ${arch}; ${got}`;
    }
    if (b.length !== fanOut) return `layer ${l + 1}: b must have ${fanOut} numbers for the network ${arch}; it has ${b.length}`;
  }
  return null;
}
