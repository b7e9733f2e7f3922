// A census of the critical points of a network's training objective (Dauphin et al. 2014, sec. 2
// and fig. 1; Choromanska et al. 2015; Pennington and Bahri 2017): from many starts, find a
// critical point near each (solve.ts), merge the copies (canonical.ts, then the distance rule
// below), and describe each distinct one by its exact Hessian spectrum: loss, ||grad L||, index
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
import { EXACT_SPECTRUM_MAX_WEIGHTS, exactSpectrum, type SpectrumIndex } from '../spectrum/spectrum';
import { CANONICALIZATION, canonicalWeights } from './canonical';
import { findCriticalPoint, SOLVER_METHOD, type SolverOptions, type SolverOutcome } from './solve';
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

interface Found {
  raw: Float64Array;
  canonical: Float64Array;
  loss: number;
  gradNorm: number;
  start: number;
}

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

/** `onProgress(done, total)` after each start's search (the app's progress bar). */
export function criticalPointCensus(
  objective: NetObjective,
  starts: readonly CensusStart[],
  options: CensusOptions = {},
  onProgress?: (done: number, total: number) => void,
): CensusResult {
  const opts = { ...CENSUS_DEFAULTS, ...options };
  if (objective.dim > CENSUS_MAX_WEIGHTS || objective.dim > EXACT_SPECTRUM_MAX_WEIGHTS) {
    return { ok: false, error: `the census needs the dense Hessian every iteration, limited to ${CENSUS_MAX_WEIGHTS} weights; this network has ${objective.dim}` };
  }
  const outcomes: Record<SolverOutcome, number> = { converged: 0, maxIter: 0, stalled: 0, leftBound: 0 };
  const found: Found[] = [];
  starts.forEach((start, k) => {
    const r = findCriticalPoint(objective, start.w, opts);
    outcomes[r.outcome]++;
    if (r.outcome === 'converged') found.push({ raw: r.w, canonical: canonicalWeights(objective.net, r.w), loss: r.loss, gradNorm: r.gradNorm, start: k });
    onProgress?.(k + 1, starts.length);
  });
  const distinct = groups(found, (f) => f.canonical, opts.dedupTol);
  const points: CensusPoint[] = [];
  for (const members of distinct) {
    const first = members[0];
    // The spectrum at the solver's own weights (the canonical copy has the same spectrum up to
    // rounding: a relabelling is an orthogonal similarity of H).
    const s = exactSpectrum(objective, first.raw);
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
      starts: { random: starts.filter((s) => s.source === 'random').length, path: starts.filter((s) => s.source === 'path').length },
      outcomes,
      distinct: points.length,
      distinctWithoutCanonicalization: groups(found, (f) => f.raw, opts.dedupTol).length,
      relativeTol: NET_ZERO_TOL,
      byLossQuartile: quartileSummary(points),
      points,
    },
  };
}

