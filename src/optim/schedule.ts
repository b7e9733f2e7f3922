// Learning-rate schedules, as torch.optim.lr_scheduler's closed forms, stepped after each step:
// the rate used at step t (t = 0 uses the base rate).
import type { Schedule } from '../experiment/types';

export function scheduledLr(base: number, schedule: Schedule | undefined, t: number): number {
  if (!schedule) return base;
  switch (schedule.kind) {
    case 'constant':
      return base;
    case 'step':
      return base * schedule.gamma ** Math.floor(t / schedule.stepSize);
    case 'exponential':
      return base * schedule.gamma ** t;
    case 'inverseTime':
      return base / (1 + schedule.decay * t);
    case 'cosine':
      return schedule.etaMin + ((base - schedule.etaMin) * (1 + Math.cos((Math.PI * t) / schedule.tMax))) / 2;
  }
}
