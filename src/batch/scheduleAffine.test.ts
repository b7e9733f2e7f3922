import { describe, expect, it } from 'vitest';
import type { Schedule } from '../experiment/types';
import { scheduledLr } from '../optim/schedule';
import { AffineSchedule } from './scheduleAffine';

describe('AffineSchedule', () => {
  const schedules: Schedule[] = [
    { kind: 'constant' },
    { kind: 'step', stepSize: 7, gamma: 0.5 },
    { kind: 'exponential', gamma: 0.97 },
    { kind: 'inverseTime', decay: 0.1 },
    { kind: 'cosine', tMax: 30, etaMin: 0.002 },
  ];
  for (const s of schedules) {
    it(`gives the scalar engine's rate for any base lr: ${s.kind}`, () => {
      const affine = new AffineSchedule(s);
      const ab = new Float32Array(2 * 100);
      affine.fill(0, 100, ab);
      for (const lr of [1e-3, 0.05, 3]) {
        for (let t = 0; t < 100; t++) {
          const want = scheduledLr(lr, s, t);
          expect(Math.abs(ab[2 * t] * lr + ab[2 * t + 1] - want)).toBeLessThanOrEqual(1e-6 * Math.max(want, 1e-3));
        }
      }
    });
  }
});
