// The census's first half, the one that costs: solving a share of the starts. Each start's search
// (solve.ts) is independent of every other, so the starts can be cut into shares solved anywhere
// (one loop in the CLI, a pool of workers in the app) and the shares' answers merged afterwards
// (census.ts, mergeCensus) into exactly the census one loop gives: the merge orders the answers by
// start index, and the spectrum it reports for a point is the one computed here at that start's
// converged weights, whoever computed it.
import { exactSpectrum, type SpectrumResult } from '../spectrum/spectrum';
import type { NetObjective } from '../objective';
import { canonicalWeights } from './canonical';
import { findCriticalPoint, type SolverOptions, type SolverOutcome } from './solve';
import type { CensusStart } from './starts';

/** A converged search's point: the solver's weights, their canonical copy, and the exact spectrum there. */
export interface FoundPoint {
  raw: Float64Array;
  canonical: Float64Array;
  loss: number;
  gradNorm: number;
  spectrum: SpectrumResult;
}

/** What the search from start `start` (an index into the census's starts) gave. */
export interface SolvedStart {
  start: number;
  outcome: SolverOutcome;
  /** null unless the search converged. */
  point: FoundPoint | null;
}

/**
 * Share `k` of `shares`: the start indices k, k + shares, k + 2 shares, ... below `total`.
 * Interleaved rather than in blocks so that each share gets its part of the random starts and of
 * the path starts (which sit at the end and converge in fewer iterations).
 */
export function censusShare(total: number, shares: number, k: number): number[] {
  const out: number[] = [];
  for (let i = k; i < total; i += shares) out.push(i);
  return out;
}

/** Searches from the starts at `indices` (in that order); `onEach(done)` after each one. */
export function solveStarts(
  objective: NetObjective,
  starts: readonly CensusStart[],
  indices: readonly number[],
  opts: SolverOptions,
  onEach?: (done: number) => void,
): SolvedStart[] {
  return indices.map((start, k) => {
    const r = findCriticalPoint(objective, starts[start].w, opts);
    const point: FoundPoint | null =
      r.outcome === 'converged'
        ? { raw: r.w, canonical: canonicalWeights(objective.net, r.w), loss: r.loss, gradNorm: r.gradNorm, spectrum: exactSpectrum(objective, r.w) }
        : null;
    onEach?.(k + 1);
    return { start, outcome: r.outcome, point };
  });
}
