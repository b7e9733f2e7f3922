import { describe, expect, it } from 'vitest';
import { pickFaster, probeJob } from './pathChoice';

describe('pathChoice', () => {
  it('keeps the faster path and says why', () => {
    expect(pickFaster(100, 300, 2)).toMatchObject({ path: 'webgl', reason: 'fused WebGL 100 ms vs JS on 2 workers 300 ms on the probe' });
    expect(pickFaster(300, 100, 4)).toMatchObject({ path: 'js', reason: 'JS on 4 workers 100 ms vs fused WebGL 300 ms on the probe' });
  });

  it('probes a fixed amount of work: no early stops, a small grid', () => {
    const job = probeJob();
    expect(job.gradTol).toBe(0);
    expect(job.grid.nx * job.grid.ny * job.maxSteps).toBe(64 * 64 * 100);
  });
});
