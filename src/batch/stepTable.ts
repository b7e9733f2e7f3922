// Per-step numbers that depend only on the step and the parameters (an optimizer's step scalars,
// a schedule's learning rate), computed once per step into a table that every pixel of a
// pixel-outer map reads: a map of 256^2 starts would otherwise compute Adam's two bias
// corrections (deterministic pow) 256^2 times per step. The table is filled from the very
// sequence a single run would use, in order, so a replay gives that run's values bit for bit.
import type { StepScalarSequence } from '../optim/types';

/** `width` numbers per step, filled on demand, in step order, by `produce`. */
export class StepTable {
  private data: Float64Array;
  /** Steps filled so far. */
  private filled = 0;

  constructor(
    readonly width: number,
    /** Writes the next step's values into `out` (called for steps 0, 1, 2, ... in order). */
    private readonly produce: (out: Float64Array) => void,
  ) {
    this.data = new Float64Array(Math.max(1, width) * 64);
  }

  /** The table's storage, holding step t at [t * width, (t + 1) * width) once reach(t) has run. */
  get values(): Float64Array {
    return this.data;
  }

  /** Makes steps 0 .. t available (fills the missing ones, growing the storage by doubling). */
  reach(t: number): void {
    if (t < this.filled) return;
    const w = this.width;
    if ((t + 1) * w > this.data.length) {
      const grown = new Float64Array(Math.max(this.data.length * 2, (t + 1) * w));
      grown.set(this.data);
      this.data = grown;
    }
    while (this.filled <= t) {
      this.produce(this.data.subarray(this.filled * w, (this.filled + 1) * w));
      this.filled++;
    }
  }
}

/** A table of a StepScalarSequence: step t holds the sequence's (t + 1)-th next(). */
export function scalarTable(sequence: StepScalarSequence, width: number): StepTable {
  return new StepTable(width, (out) => out.set(sequence.next()));
}

/**
 * One run's reading of a scalar table: next() returns the values of its own next step, as the
 * sequence the table was made from would (the returned array is reused, as a sequence's is).
 */
export class TableReplay implements StepScalarSequence {
  private step = 0;
  private readonly out: Float64Array;

  constructor(private readonly table: StepTable) {
    this.out = new Float64Array(table.width);
  }

  next(): Float64Array {
    const { table, out } = this;
    const w = out.length;
    const t = this.step++;
    table.reach(t);
    const v = table.values;
    for (let k = 0; k < w; k++) out[k] = v[t * w + k];
    return out;
  }
}
