// Seeded randomness: one independent stream per run, derived from (seed, the run's stream id) by
// jumping a xoroshiro128+ generator. The id is the run's `stream` (its index when it has none:
// src/experiment/streamIds.ts), so adding or removing a run never changes another run's numbers.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { cos, log, sin } from '../numeric';

export class Rng {
  private spare: number | null = null;
  constructor(private readonly gen: JumpableRandomGenerator) {}

  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /**
   * Standard normal by the Box-Muller transform (the second value is kept for the next call).
   * log, sin and cos are detMath's, so the stream is the same bits in Node and in the browser.
   */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    const r = Math.sqrt(-2 * log(u));
    const t = 2 * Math.PI * this.uniform();
    this.spare = r * sin(t);
    return r * cos(t);
  }
}

/** The random stream `runIndex` (a run's stream id: runStreamId) of an experiment with `seed`. */
export function runStream(seed: number, runIndex: number): Rng {
  const gen = xoroshiro128plus(seed >>> 0);
  for (let i = 0; i <= runIndex; i++) gen.jump();
  return new Rng(gen);
}
