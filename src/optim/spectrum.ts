// The Hessian spectrum of an instance at a point: every eigenvalue (dense, d <= DENSE_MAX_DIM) or
// only the extremes (Lanczos on Hessian-vector products, larger d).
//
// Reuses the project's eigensolvers read-only rather than a second copy: the dense symmetric
// solver (Householder + implicit QL, src/numeric/symmetricEigen.ts) and Lanczos with full
// reorthogonalization (src/optim/lanczos.ts), whose start vector comes from the seeded stream of
// src/optim/rng.ts.
// This is the one file of src/functions that imports outside experiment and numeric.
import { symmetricEigen } from '../numeric/symmetricEigen';
import { orbitBasis, projectedOperator, projectOutDense, withoutNearestZero } from './flatDirections';
import { type ExtremeEigenvalues, lanczosExtremes } from './lanczos';
import { runStream } from './rng';
import { DENSE_MAX_DIM, type Instance } from '../functions/types';

type Apply = (v: Float64Array, out: Float64Array) => void;

/**
 * An eigenvalue counts as negative when it is below -threshold, threshold = tol * max(1, |lambda|max):
 * tol = 1e-8 for dense spectra (QL is accurate to about 1e-16 of the largest eigenvalue; the
 * same relative rule as src/surfaces/classify.ts) and 1e-5 for Lanczos (its estimates carry a
 * residual of up to 1e-7 of the spectrum's scale; as src/nets/verdict.ts).
 */
export const DENSE_ZERO_TOL = 1e-8;
export const LANCZOS_ZERO_TOL = 1e-5;

export interface Spectrum {
  method: 'dense' | 'lanczos';
  /** Every eigenvalue, ascending (dense only). */
  eigenvalues: Float64Array | null;
  /** The number of eigenvalues below -threshold (dense only: Lanczos sees only the extremes). */
  index: number | null;
  lambdaMin: number;
  lambdaMax: number;
  /** The absolute threshold used for the index and for "negative curvature". */
  threshold: number;
  /** False when Lanczos stopped at its iteration limit (dense: always true). */
  converged: boolean;
  /**
   * With `leaveOutSymmetry`: how many flat directions of the function's symmetry were left out
   * (the orbit's dimension at x; eigenvalues, extremes and index are those of the rest), and the
   * symmetry's words. Absent when none were.
   */
  flat?: { count: number; about: string };
}

export interface SpectrumOptions {
  /** Seed of Lanczos's random start vector (default 0). */
  seed?: number;
  /** Lanczos iterations at most (default 300). */
  maxIter?: number;
  /**
   * Leave out the flat directions of the function's continuous symmetry (Instance.symmetry;
   * flatDirections.ts): the spectrum of the Hessian on the complement of the orbit's tangents.
   */
  leaveOutSymmetry?: boolean;
}

export function spectrum(instance: Instance, x: Float64Array, opts: SpectrumOptions = {}): Spectrum {
  const d = instance.dim;
  const basis = opts.leaveOutSymmetry ? orbitBasis(instance, x) : [];
  const flat = basis.length > 0 && instance.symmetry ? { flat: { count: basis.length, about: instance.symmetry.about } } : {};
  if (d <= DENSE_MAX_DIM) {
    const h = new Float64Array(d * d);
    instance.hessian(x, h);
    projectOutDense(h, d, basis);
    const eig = symmetricEigen(h, d, false);
    // A non-finite Hessian has no spectrum: every eigenvalue NaN (so index 0, no negative curvature).
    const all = eig.ok ? eig.values : new Float64Array(d).fill(NaN);
    // P H P: the orbit's directions are its exact zeros (to rounding); the rest is H on their complement.
    const values = withoutNearestZero(all, basis.length);
    const lambdaMin = values[0];
    const lambdaMax = values[values.length - 1];
    const threshold = DENSE_ZERO_TOL * Math.max(1, Math.abs(lambdaMin), Math.abs(lambdaMax));
    let index = 0;
    while (index < values.length && values[index] < -threshold) index++;
    return { method: 'dense', eigenvalues: values, index, lambdaMin, lambdaMax, threshold, converged: true, ...flat };
  }
  const hvp: Apply = (v, out) => instance.hvp(x, v, out);
  const lanczos = (apply: Apply) => lanczosExtremes(apply, d, runStream(opts.seed ?? 0, 0), { maxIter: opts.maxIter ?? 300 });
  const ext = basis.length === 0 ? lanczos(hvp) : extremesOffOrbit(lanczos, hvp, basis);
  const threshold = LANCZOS_ZERO_TOL * Math.max(1, Math.abs(ext.min), Math.abs(ext.max));
  return { method: 'lanczos', eigenvalues: null, index: null, lambdaMin: ext.min, lambdaMax: ext.max, threshold, converged: ext.converged, ...flat };
}

/**
 * The extremes of H on the complement of the orbit. P H P has the orbit's zeros inside its
 * spectrum, which would hide a positive lambda_min of the rest: a first pass finds the top, then
 * the orbit's directions are moved there (shift), off the bottom.
 */
function extremesOffOrbit(lanczos: (apply: Apply) => ExtremeEigenvalues, hvp: Apply, basis: Float64Array[]): ExtremeEigenvalues {
  const top = lanczos(projectedOperator(hvp, basis, 0));
  const bottom = lanczos(projectedOperator(hvp, basis, Math.max(0, top.max)));
  return { ...bottom, max: top.max, iterations: top.iterations + bottom.iterations, converged: top.converged && bottom.converged };
}
