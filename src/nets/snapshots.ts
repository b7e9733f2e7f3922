// A thinned record of a run's weights along its path, for the loss-landscape view (PCA
// directions and the projected trajectory). Keeping every step of a 10,000-weight network would
// cost megabytes per step, so the record keeps every stride-th step and, when full, drops every
// other snapshot and doubles the stride: at any time it spans the whole run evenly.

/** Floats kept per run at most (8 MB of float64), whatever the network's size. */
const FLOAT_BUDGET = 1_000_000;
const MAX_SNAPSHOTS = 200;
const MIN_SNAPSHOTS = 16;

export class Snapshots {
  readonly steps: number[] = [];
  readonly weights: Float64Array[] = [];
  private stride = 1;
  readonly capacity: number;

  constructor(dim: number) {
    this.capacity = Math.max(MIN_SNAPSHOTS, Math.min(MAX_SNAPSHOTS, Math.floor(FLOAT_BUDGET / Math.max(dim, 1))));
  }

  /** Offers the weights at `step` (steps come in increasing order); keeps a copy if due. */
  offer(step: number, w: Float64Array): void {
    if (step % this.stride !== 0) return;
    this.steps.push(step);
    this.weights.push(w.slice());
    if (this.steps.length <= this.capacity) return;
    this.stride *= 2;
    let kept = 0;
    for (let i = 0; i < this.steps.length; i++) {
      if (this.steps[i] % this.stride !== 0) continue;
      this.steps[kept] = this.steps[i];
      this.weights[kept] = this.weights[i];
      kept++;
    }
    this.steps.length = kept;
    this.weights.length = kept;
  }
}
