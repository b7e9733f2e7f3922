import { describe, expect, it } from 'vitest';
import { throttledProgress, type StepProgress } from './stepProgress';

describe('throttledProgress', () => {
  it('forwards a new step or phase at once, the same phase at most every everyMs', () => {
    let clock = 0;
    const sent: StepProgress[] = [];
    const report = throttledProgress((p) => sent.push(p), 100, () => clock);
    const at = (ms: number, p: StepProgress) => {
      clock = ms;
      report(p);
    };
    at(0, { run: 0, step: 1, phase: 'hessian', fraction: 0.1 });
    at(50, { run: 0, step: 1, phase: 'hessian', fraction: 0.2 });
    at(120, { run: 0, step: 1, phase: 'hessian', fraction: 0.5 });
    at(130, { run: 0, step: 1, phase: 'update', fraction: 0 });
    at(140, { run: 1, step: 1, phase: 'hessian', fraction: 0.1 });
    at(150, { run: 1, step: 1, phase: 'hessian', fraction: 0.2 });
    at(160, { run: 1, step: 2, phase: 'hessian', fraction: 0.01 });
    expect(sent.map((p) => [p.run, p.step, p.phase, p.fraction])).toEqual([
      [0, 1, 'hessian', 0.1],
      [0, 1, 'hessian', 0.5],
      [0, 1, 'update', 0],
      [1, 1, 'hessian', 0.1],
      [1, 2, 'hessian', 0.01],
    ]);
  });
});
