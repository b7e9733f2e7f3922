// Every learning-rate schedule of experiment-v1.md is affine in the base rate: step, exponential
// and inverse-time multiply it by a factor, cosine annealing maps it to etaMin + c_t (lr - etaMin).
// So lr_t = a_t * lr + b_t with a_t, b_t the schedule's values for base rates 1 and 0, which
// lets one table serve every pixel of a sweep that varies lr (the fused shader reads it).
import type { Schedule } from '../experiment/types';
import { LrSchedule } from '../optim/schedule';

export class AffineSchedule {
  private readonly one: LrSchedule;
  private readonly zero: LrSchedule;

  constructor(private readonly schedule: Schedule | null) {
    this.one = new LrSchedule(1, schedule ?? undefined);
    this.zero = new LrSchedule(0, schedule ?? undefined);
  }

  /** Writes (a_t, b_t) for t = t0 .. t0 + count - 1 into out, interleaved. */
  fill(t0: number, count: number, out: Float32Array): void {
    for (let k = 0; k < count; k++) {
      if (!this.schedule || this.schedule.kind === 'constant') {
        out[2 * k] = 1;
        out[2 * k + 1] = 0;
        continue;
      }
      const b = this.zero.at(t0 + k);
      out[2 * k] = this.one.at(t0 + k) - b;
      out[2 * k + 1] = b;
    }
  }
}
