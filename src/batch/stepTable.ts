// Per-step numbers that depend only on the step and the parameters (an optimizer's step scalars,
// a schedule's learning rate), computed once per step into a table that every pixel of a
// pixel-outer map reads: a map of 256^2 starts would otherwise compute Adam's two bias
// corrections (deterministic pow) 256^2 times per step. The table is filled from the very
// sequence a single run would use, in order, so a replay gives that run's values bit for bit.
import type { StepScalarSequence } from '../optim/types';

/** `width` numbers per step, filled on demand, in step order, by `produce`. */
export class StepTable {
  /** Step t's values (one small array per step, so a reader gets them without a copy). */
  readonly steps: Float64Array[] = [];

  constructor(
    readonly width: number,
    /** Writes the next step's values into `out` (called for steps 0, 1, 2, ... in order). */
    private readonly produce: (out: Float64Array) => void,
  ) {}

  /** Step t's values, filling the steps up to t first where needed. */
  at(t: number): Float64Array {
    const steps = this.steps;
    while (steps.length <= t) {
      const out = new Float64Array(this.width);
      this.produce(out);
      steps.push(out);
    }
    return steps[t];
  }
}

/** A table of a StepScalarSequence: step t holds the sequence's (t + 1)-th next(). */
export function scalarTable(sequence: StepScalarSequence, width: number): StepTable {
  return new StepTable(width, (out) => out.set(sequence.next()));
}

/**
 * One run's reading of a scalar table: next() returns the values of its own next step, as the
 * sequence the table was made from would. The array is the table's: the caller only reads it.
 */
export class TableReplay implements StepScalarSequence {
  private step = 0;

  constructor(private readonly table: StepTable) {}

  next(): Float64Array {
    const t = this.step++;
    const steps = this.table.steps;
    return t < steps.length ? steps[t] : this.table.at(t);
  }
}
