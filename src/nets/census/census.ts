// A census of the critical points of a network's training objective (Dauphin et al. 2014, sec. 2
// and fig. 1; Choromanska et al. 2015; Pennington and Bahri 2017): from many starts, find a
// critical point near each (solve.ts; shares of the starts can be solved apart, share.ts), merge
// the copies in start order (mergeCensus: canonical.ts, then the distance rule below), and describe each distinct one by its exact Hessian spectrum: loss, ||grad L||, index
// (eigenvalues below -zeroTol), lambda_min, lambda_max, kind. The claim to check: high-loss
// critical points are saddles with many descent directions (a large index); low-loss ones are
// minima or nearly so. byLossQuartile gives the mean index per quarter of the points by loss.
//
// Duplicates: two converged points are one when, after canonicalization, every weight differs by
// at most dedupTol (1 + the larger max |w|) AND the losses by at most dedupTol (1 + |L|). The
// first start to reach a point keeps its weights; `hits` counts the starts that reached it.
// distinctWithoutCanonicalization applies the same rule to the raw weights, to show how many
// copies the symmetries made. Points along a continuous family of critical points (common in
// networks: degenerate directions) are distinct by this rule whenever they lie apart.
import type { PointKind } from '../../experiment/types';
import { MAX_DENSE_HESSIAN_WEIGHTS } from '../engine';
import type { NetObjective } from '../objective';
import { NET_ZERO_TOL } from '../verdict';
import { EXACT_SPECTRUM_MAX_WEIGHTS, type SpectrumIndex } from '../spectrum/spectrum';
import { CANONICALIZATION } from './canonical';
import { censusShare, type FoundPoint, type SolvedStart, solveStarts } from './share';
import { SOLVER_METHOD, type SolverOptions, type SolverOutcome } from './solve';
import type { CensusStart } from './starts';

/** The solver needs the dense Hessian and its eigenvectors every iteration, as Newton's steps do: the same limit. */
export const CENSUS_MAX_WEIGHTS = MAX_DENSE_HESSIAN_WEIGHTS;

export interface CensusOptions extends Partial<SolverOptions> {
  dedupTol?: number;
}

export const CENSUS_DEFAULTS: Required<CensusOptions> = { eps: 1e-9, maxIter: 100, weightBound: 50, dedupTol: 1e-4 };

export interface CensusPoint {
  loss: number;
  gradNorm: number;
  index: SpectrumIndex;
  lambdaMin: number;
  lambdaMax: number;
  /** Eigenvalues within zeroTol of 0 (flat directions). */
  zeros: number;
  zeroTol: number;
  kind: PointKind;
  /** Every eigenvalue of the exact Hessian, ascending (for a spectrum view). */
  eigenvalues: number[];
  /** Canonical weights, flat in the engine's layout (../mlp.ts). */
  weights: number[];
  /** How many starts reached this point, and the first of them (an index into the starts). */
  hits: number;
  firstStart: number;
}

export interface QuartileSummary {
  /** 0: the lowest-loss quarter of the distinct points. */
  quartile: number;
  count: number;
  lossMin: number;
  lossMax: number;
  meanIndexFraction: number;
}

export interface Census {
  method: string;
  eps: number;
  maxIter: number;
  weightBound: number;
  dedup: { rule: string; tol: number; canonicalization: string };
  starts: { random: number; path: number };
  outcomes: Record<SolverOutcome, number>;
  distinct: number;
  distinctWithoutCanonicalization: number;
  /** The spectrum's zero rule: |lambda| <= relativeTol x max |lambda| counts as 0. */
  relativeTol: number;
  byLossQuartile: QuartileSummary[];
  /** Ascending by loss. */
  points: CensusPoint[];
}

export type CensusResult = { ok: true; value: Census } | { ok: false; error: string };

export const DEDUP_RULE =
  'same point when, after canonicalization, max_i |w_i - w\'_i| <= tol (1 + max(|w|_inf, |w\'|_inf)) and |L - L\'| <= tol (1 + |L|)';

function maxAbs(w: Float64Array): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) m = Math.max(m, Math.abs(w[i]));
  return m;
}

function same(a: Float64Array, la: number, b: Float64Array, lb: number, tol: number): boolean {
  if (Math.abs(la - lb) > tol * (1 + Math.abs(la))) return false;
  const bound = tol * (1 + Math.max(maxAbs(a), maxAbs(b)));
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > bound) return false;
  return true;
}

type Found = FoundPoint & { start: number };

/** Groups points by the rule (first come, first kept); returns each group's members. */
function groups(found: readonly Found[], weights: (f: Found) => Float64Array, tol: number): Found[][] {
  const out: Found[][] = [];
  for (const f of found) {
    const g = out.find((members) => same(weights(members[0]), members[0].loss, weights(f), f.loss, tol));
    if (g) g.push(f);
    else out.push([f]);
  }
  return out;
}

export function quartileSummary(points: readonly Pick<CensusPoint, 'loss' | 'index'>[]): QuartileSummary[] {
  const sorted = [...points].sort((a, b) => a.loss - b.loss);
  const n = sorted.length;
  return [0, 1, 2, 3].map((q) => {
    const part = sorted.filter((_, r) => Math.min(3, Math.floor((4 * r) / n)) === q);
    return {
      quartile: q,
      count: part.length,
      lossMin: part.length ? part[0].loss : NaN,
      lossMax: part.length ? part[part.length - 1].loss : NaN,
      meanIndexFraction: part.length ? part.reduce((s, p) => s + p.index.fraction, 0) / part.length : NaN,
    };
  });
}

/** Why a census of this objective cannot be made (too many weights for the dense Hessian), or null. */
export function censusRefusal(objective: NetObjective): string | null {
  if (objective.dim <= CENSUS_MAX_WEIGHTS && objective.dim <= EXACT_SPECTRUM_MAX_WEIGHTS) return null;
  return `the census needs the dense Hessian every iteration, limited to ${CENSUS_MAX_WEIGHTS} weights; this network has ${objective.dim}`;
}

/** How many starts of each source. */
export function startCounts(starts: readonly CensusStart[]): Census['starts'] {
  return { random: starts.filter((s) => s.source === 'random').length, path: starts.filter((s) => s.source === 'path').length };
}

/**
 * The census from the answers of every start (share.ts: solveStarts over one share or several,
 * in any order): `solved` must hold each start index 0..n-1 exactly once. The merge is in start
 * order, so the points, their order and their `hits` are the same however the starts were shared.
 */
export function mergeCensus(solved: readonly SolvedStart[], starts: Census['starts'], options: CensusOptions = {}): CensusResult {
  const opts = { ...CENSUS_DEFAULTS, ...options };
  const total = starts.random + starts.path;
  const byStart = new Array<SolvedStart | undefined>(total);
  for (const s of solved) {
    if (!(Number.isInteger(s.start) && s.start >= 0 && s.start < total) || byStart[s.start]) return { ok: false, error: `the census's answers do not cover its ${total} starts once each (start ${s.start})` };
    byStart[s.start] = s;
  }
  if (solved.length !== total) return { ok: false, error: `the census has answers for ${solved.length} of its ${total} starts` };
  const outcomes: Record<SolverOutcome, number> = { converged: 0, maxIter: 0, stalled: 0, leftBound: 0 };
  const found: Found[] = [];
  for (const s of byStart as SolvedStart[]) {
    outcomes[s.outcome]++;
    if (s.point) found.push({ ...s.point, start: s.start });
  }
  const distinct = groups(found, (f) => f.canonical, opts.dedupTol);
  const points: CensusPoint[] = [];
  for (const members of distinct) {
    const first = members[0];
    // The spectrum at the solver's own weights (the canonical copy has the same spectrum up to
    // rounding: a relabelling is an orthogonal similarity of H).
    const s = first.spectrum;
    if (!s.ok || !s.value.exact) return { ok: false, error: s.ok ? 'no exact spectrum' : s.error };
    const v = s.value;
    points.push({
      loss: first.loss,
      gradNorm: first.gradNorm,
      index: v.index,
      lambdaMin: v.lambdaMin,
      lambdaMax: v.lambdaMax,
      zeros: v.zeros,
      zeroTol: v.zeroTol,
      kind: v.kind,
      eigenvalues: v.eigenvalues,
      weights: Array.from(first.canonical),
      hits: members.length,
      firstStart: first.start,
    });
  }
  points.sort((a, b) => a.loss - b.loss || a.firstStart - b.firstStart);
  return {
    ok: true,
    value: {
      method: SOLVER_METHOD,
      eps: opts.eps,
      maxIter: opts.maxIter,
      weightBound: opts.weightBound,
      dedup: { rule: DEDUP_RULE, tol: opts.dedupTol, canonicalization: CANONICALIZATION },
      starts: { random: starts.random, path: starts.path },
      outcomes,
      distinct: points.length,
      distinctWithoutCanonicalization: groups(found, (f) => f.raw, opts.dedupTol).length,
      relativeTol: NET_ZERO_TOL,
      byLossQuartile: quartileSummary(points),
      points,
    },
  };
}

/** The census in one loop (every start solved here, then merged); `onProgress(done, total)` after each start's search. */
export function criticalPointCensus(
  objective: NetObjective,
  starts: readonly CensusStart[],
  options: CensusOptions = {},
  onProgress?: (done: number, total: number) => void,
): CensusResult {
  const refusal = censusRefusal(objective);
  if (refusal) return { ok: false, error: refusal };
  const opts = { ...CENSUS_DEFAULTS, ...options };
  const solved = solveStarts(objective, starts, censusShare(starts.length, 1, 0), opts, (done) => onProgress?.(done, starts.length));
  return mergeCensus(solved, startCounts(starts), opts);
}
