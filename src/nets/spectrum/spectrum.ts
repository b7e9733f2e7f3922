// The Hessian spectrum of a network's training objective at given weights.
//  - Up to EXACT_SPECTRUM_MAX_WEIGHTS weights: every eigenvalue of the exact Hessian (hessian.ts,
//    then Householder tridiagonalization + implicit QL, src/numeric/symmetricEigen.ts), hence
//    the index: the fraction of eigenvalues below -zeroTol (Dauphin et al. 2014, "Identifying and
//    attacking the saddle point problem in high-dimensional non-convex optimization", sec. 2:
//    high-loss critical points have a large index; Pennington and Bahri 2017 predict the index
//    grows with the loss).
//  - Above: only lambda_min and lambda_max by Lanczos on Hessian-vector products (../lanczos.ts),
//    stated as such (exact: false, eigenvalues and index null).
// zeroTol is relative to the spectrum's scale and the same rule as the stop verdict's
// (../verdict.ts): NET_ZERO_TOL x max |lambda|; eigenvalues within it count as 0.
import type { PointKind } from '../../experiment/types';
import type { Rng } from '../../optim/rng';
import { symmetricEigen } from '../../numeric/symmetricEigen';
import { lanczosExtremes } from '../../optim/lanczos';
import type { NetObjective } from '../objective';
import { classifyExtremes, NET_ZERO_TOL, netZeroBound } from '../verdict';
import { type Asymmetry, exactHessian } from './hessian';

/** The dense Hessian costs dim^2 numbers and dim products; past this the spectrum is Lanczos' extremes. */
export const EXACT_SPECTRUM_MAX_WEIGHTS = 1000;

export const EXACT_METHOD =
  'exact Hessian assembled from dim Hessian-vector products (Pearlmutter R-operator), symmetrized; all eigenvalues by Householder tridiagonalization + implicit QL';
export const LANCZOS_METHOD = 'Lanczos with full reorthogonalization on Hessian-vector products: lambda_min and lambda_max only';

export interface SpectrumIndex {
  /** Eigenvalues below -zeroTol. */
  count: number;
  /** count / dim. */
  fraction: number;
}

interface SpectrumBase {
  dim: number;
  lambdaMin: number;
  lambdaMax: number;
  /** |lambda| <= zeroTol counts as 0: zeroTol = relativeTol x max(|lambdaMin|, |lambdaMax|). */
  zeroTol: number;
  relativeTol: number;
  kind: PointKind;
  method: string;
}

export interface ExactSpectrum extends SpectrumBase {
  exact: true;
  /** Every eigenvalue, ascending. */
  eigenvalues: number[];
  index: SpectrumIndex;
  /** Eigenvalues within zeroTol of 0, and above it. */
  zeros: number;
  positives: number;
  asymmetry: Asymmetry;
}

export interface EstimatedSpectrum extends SpectrumBase {
  exact: false;
  eigenvalues: null;
  index: null;
  lanczos: { iterations: number; converged: boolean };
}

export type HessianSpectrum = ExactSpectrum | EstimatedSpectrum;
export type SpectrumResult = { ok: true; value: HessianSpectrum } | { ok: false; error: string };

/**
 * The kind from the signs of every eigenvalue: some negative and some positive, a saddle; all
 * positive, a minimum; all negative, a maximum; no negative but some zero (or the reverse), the
 * second-order test says nothing: degenerate. With only the extremes this is classifyExtremes.
 */
export function kindFromCounts(negatives: number, zeros: number, positives: number): PointKind {
  if (negatives > 0 && positives > 0) return 'saddle';
  if (zeros > 0 || negatives + positives === 0) return 'degenerate';
  return negatives === 0 ? 'minimum' : 'maximum';
}

/** The index and kind of an ascending list of eigenvalues, with the verdict's relative zero rule. */
export function describeEigenvalues(values: ArrayLike<number>): Pick<ExactSpectrum, 'lambdaMin' | 'lambdaMax' | 'zeroTol' | 'relativeTol' | 'index' | 'zeros' | 'positives' | 'kind'> {
  const n = values.length;
  const lambdaMin = n ? values[0] : NaN;
  const lambdaMax = n ? values[n - 1] : NaN;
  const zeroTol = n ? netZeroBound(lambdaMin, lambdaMax) : 0;
  let negatives = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] < -zeroTol) negatives++;
    else if (values[i] > zeroTol) positives++;
  }
  const zeros = n - negatives - positives;
  return {
    lambdaMin,
    lambdaMax,
    zeroTol,
    relativeTol: NET_ZERO_TOL,
    index: { count: negatives, fraction: n ? negatives / n : 0 },
    zeros,
    positives,
    kind: kindFromCounts(negatives, zeros, positives),
  };
}

/** Every eigenvalue of the exact Hessian at w (any size: the caller decides whether it can wait). */
export function exactSpectrum(objective: NetObjective, w: Float64Array): SpectrumResult {
  const { h, dim, asymmetry } = exactHessian(objective, w);
  const eig = symmetricEigen(h, dim, false);
  if (!eig.ok) return { ok: false, error: `the Hessian's eigenvalues could not be computed: ${eig.error}` };
  const eigenvalues = Array.from(eig.values);
  return { ok: true, value: { exact: true, dim, eigenvalues, ...describeEigenvalues(eigenvalues), asymmetry, method: EXACT_METHOD } };
}

/** Lanczos' lambda_min and lambda_max at w, from the start vector drawn from rng. */
export function estimatedSpectrum(objective: NetObjective, w: Float64Array, rng: Rng, maxIter = 100): SpectrumResult {
  const e = lanczosExtremes((v, out) => objective.hvp(w, v, out), objective.dim, rng, { maxIter });
  if (!Number.isFinite(e.min) || !Number.isFinite(e.max)) return { ok: false, error: 'the Hessian is not finite at these weights' };
  return {
    ok: true,
    value: {
      exact: false,
      dim: objective.dim,
      eigenvalues: null,
      index: null,
      lambdaMin: e.min,
      lambdaMax: e.max,
      zeroTol: netZeroBound(e.min, e.max),
      relativeTol: NET_ZERO_TOL,
      kind: classifyExtremes(e.min, e.max),
      lanczos: { iterations: e.iterations, converged: e.converged },
      method: LANCZOS_METHOD,
    },
  };
}

/** The exact spectrum up to EXACT_SPECTRUM_MAX_WEIGHTS weights, Lanczos' extremes above. */
export function hessianSpectrum(objective: NetObjective, w: Float64Array, rng: Rng): SpectrumResult {
  return objective.dim <= EXACT_SPECTRUM_MAX_WEIGHTS ? exactSpectrum(objective, w) : estimatedSpectrum(objective, w, rng);
}
