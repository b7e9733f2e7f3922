// The random streams are part of every result: these exact values must never change. They were
// computed with Math.log/sin/cos on Node 20 before normal() moved to detMath, and detMath
// reproduces them bit for bit (its fdlibm ports match V8's on Node 20), so existing runs keep
// their trajectories; unlike Math, detMath gives the same bits in the browser too.
import { describe, expect, it } from 'vitest';
import { runStream } from './rng';

describe('Rng', () => {
  it('normal() gives the committed values for (seed 42, run 3)', () => {
    const r = runStream(42, 3);
    const got = Array.from({ length: 8 }, () => String(r.normal()));
    expect(got).toEqual([
      '1.0937081968781368', '1.3887778735110061', '0.35093640447010777', '-0.07796313513259139',
      '0.07451628866902817', '1.5170678906264392', '0.3580705221855537', '1.0239638455760658',
    ]);
  });

  it('normal() has mean 0 and variance 1', () => {
    const r = runStream(1, 0);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = r.normal();
      s += v;
      s2 += v * v;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });
});
