// SurfaceRun.advance(steps, reuse): chunks written into the previous chunk's arrays hold the same
// numbers as fresh ones, and arrays transferred away (detached) are never written again.
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/types';
import { createEngine, type RunChunk } from './engine';

const exp: Experiment = {
  v: 1,
  problem: { kind: 'surface', id: 'rosenbrock' },
  runs: [{ optimizer: 'adam', params: { lr: 0.01 }, start: [-1.5, 1.5] }],
  stop: { maxSteps: 1000, gradTol: 0 },
  seed: 3,
};

/** Every chunk's numbers, copied out at once; `reuse` as given to advance. */
function record(reuse: boolean, steps: number, transfer = false): number[][] {
  const created = createEngine(exp);
  if (!created.ok) throw new Error('engine');
  const out: number[][] = [];
  while (!created.engine.done) {
    for (const c of created.engine.advance(steps, reuse)) {
      out.push([c.start, ...c.xy, ...c.f, ...c.gradNorm, ...c.evals]);
      if (transfer) detach(c);
    }
  }
  return out;
}

function detach(c: RunChunk): void {
  structuredClone(c, { transfer: [c.xy.buffer, c.f.buffer, c.gradNorm.buffer, c.evals.buffer] as ArrayBuffer[] });
}

describe('SurfaceRun.advance with reuse', () => {
  it('gives the numbers of fresh arrays, the last (short) chunk included', () => {
    const fresh = record(false, 300);
    expect(record(true, 300)).toEqual(fresh);
    expect(fresh.at(-1)!.length).toBe(1 + 5 * 101); // 1001 points: three chunks of 300 and one of 101
  });

  it('writes into the previous arrays only when asked, and never into transferred ones', () => {
    const created = createEngine(exp);
    if (!created.ok) throw new Error('engine');
    const [a] = created.engine.advance(100);
    const [b] = created.engine.advance(100, true);
    expect(b.f.buffer).not.toBe(a.f.buffer); // the first chunk was not lent
    const [c] = created.engine.advance(100, true);
    expect(c.f.buffer).toBe(b.f.buffer);
    detach(c);
    const [d] = created.engine.advance(100, true);
    expect(d.f.length).toBe(100);
    expect(d.f.buffer).not.toBe(c.f.buffer);
    expect(record(true, 250, true)).toEqual(record(false, 250));
  });
});
