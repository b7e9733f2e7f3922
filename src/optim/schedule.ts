// Learning-rate schedules, exactly as torch.optim.lr_scheduler computes them (2.x).
//
// torch does not evaluate a closed form: each scheduler.step() derives the new rate from the
// optimizer's current one (the "chainable" get_lr), e.g. ExponentialLR multiplies by gamma every
// step and CosineAnnealingLR applies a ratio of cosines. The rounding of that recursion differs
// from the closed form, so a schedule here is a small state machine that repeats torch's
// arithmetic operation for operation. The rate for step t is the one the optimizer sees at its
// (t+1)-th step: t = 0 is the base rate, and scheduler.step() runs after every optimizer step.
// cos is detMath's (src/numeric), so the rates are the same bits on every JS engine.
import type { Schedule } from '../experiment/types';
import { cos } from '../numeric';

/** The rate after one more scheduler.step(): last_epoch goes from t - 1 to t (t >= 1). */
function nextLr(lr: number, base: number, s: Schedule, t: number): number {
  switch (s.kind) {
    case 'constant':
      return lr;
    case 'step':
      // StepLR.get_lr: group['lr'] * gamma when last_epoch is a positive multiple of step_size.
      return t % s.stepSize === 0 ? lr * s.gamma : lr;
    case 'exponential':
      // ExponentialLR.get_lr: group['lr'] * gamma.
      return lr * s.gamma;
    case 'inverseTime':
      // LambdaLR with lr_lambda = lambda t: 1 / (1 + decay * t): base_lr * lambda(last_epoch),
      // not chained, and the lambda's quotient is rounded before the product.
      return base * (1 / (1 + s.decay * t));
    case 'cosine': {
      // CosineAnnealingLR.get_lr (its _step_count == 1 branch only applies to a resumed
      // scheduler, which never happens here). JS % can return -0 where Python's returns 0;
      // both compare equal to 0, and every other result is non-zero in both languages.
      const T = s.tMax;
      const etaMin = s.etaMin;
      if ((t - 1 - T) % (2 * T) === 0) return lr + ((base - etaMin) * (1 - cos(Math.PI / T))) / 2;
      return ((1 + cos((Math.PI * t) / T)) / (1 + cos((Math.PI * (t - 1)) / T))) * (lr - etaMin) + etaMin;
    }
  }
}

/**
 * The learning rate of one run, stepped like a torch scheduler. at(t) is O(1) when called with
 * t = 0, 1, 2, ... in order (the engine's pattern); any other t replays the recursion from 0.
 */
export class LrSchedule {
  private t = 0;
  private lr: number;

  constructor(
    private readonly base: number,
    private readonly schedule: Schedule | undefined,
  ) {
    this.lr = base;
  }

  at(t: number): number {
    const s = this.schedule;
    if (!s || s.kind === 'constant') return this.base;
    if (t < this.t) {
      this.t = 0;
      this.lr = this.base;
    }
    while (this.t < t) {
      this.t++;
      this.lr = nextLr(this.lr, this.base, s, this.t);
    }
    return this.lr;
  }
}

function sameSchedule(a: Schedule, b: Schedule): boolean {
  switch (a.kind) {
    case 'constant':
      return b.kind === 'constant';
    case 'step':
      return b.kind === 'step' && a.stepSize === b.stepSize && a.gamma === b.gamma;
    case 'exponential':
      return b.kind === 'exponential' && a.gamma === b.gamma;
    case 'inverseTime':
      return b.kind === 'inverseTime' && a.decay === b.decay;
    case 'cosine':
      return b.kind === 'cosine' && a.tMax === b.tMax && a.etaMin === b.etaMin;
  }
}

// One stepper per (schedule object, base rate), so the engine's calls with t = 0, 1, 2, ... cost
// O(1) each. A stepper keeps a copy of the parameters it was built with and is rebuilt if the
// object was edited in place since; the replay from 0 makes every answer exact whatever the
// order of calls, so the cache changes speed only, never a value.
const steppers = new WeakMap<Schedule, { base: number; copy: Schedule; stepper: LrSchedule }>();

/** The rate used at step t (t = 0 is the base rate), as torch's scheduler gives it. */
export function scheduledLr(base: number, schedule: Schedule | undefined, t: number): number {
  if (!schedule || schedule.kind === 'constant') return base;
  let entry = steppers.get(schedule);
  if (!entry || entry.base !== base || !sameSchedule(entry.copy, schedule)) {
    const copy = { ...schedule };
    entry = { base, copy, stepper: new LrSchedule(base, copy) };
    steppers.set(schedule, entry);
  }
  return entry.stepper.at(t);
}
