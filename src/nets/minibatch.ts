// The order in which minibatches visit the training split, as torch's DataLoader with
// shuffle=True and drop_last=False: every epoch a fresh random permutation, cut into consecutive
// batches of batchSize, the last one possibly smaller.
import type { Rng } from '../optim/rng';

export class MinibatchOrder {
  private readonly perm: Int32Array;
  private pos: number;

  constructor(
    private readonly n: number,
    private readonly batchSize: number,
    private readonly rng: Rng,
  ) {
    this.perm = new Int32Array(n);
    this.pos = n; // the first next() starts an epoch
  }

  /** Indices of the next minibatch (a view, valid until the next call). */
  next(): Int32Array {
    if (this.pos >= this.n) {
      for (let i = 0; i < this.n; i++) this.perm[i] = i;
      for (let i = this.n - 1; i > 0; i--) {
        const j = Math.floor(this.rng.uniform() * (i + 1));
        const t = this.perm[i];
        this.perm[i] = this.perm[j];
        this.perm[j] = t;
      }
      this.pos = 0;
    }
    const end = Math.min(this.n, this.pos + this.batchSize);
    const batch = this.perm.subarray(this.pos, end);
    this.pos = end;
    return batch;
  }
}
