// The Hessian spectrum of an instance at a point: every eigenvalue (dense, d <= DENSE_MAX_DIM) or
// only the extremes (Lanczos on Hessian-vector products, larger d).
//
// Reuses the project's eigensolvers read-only rather than a second copy: the dense symmetric
// solver (Householder + implicit QL, src/numeric/symmetricEigen.ts) and Lanczos with full
// reorthogonalization (src/optim/lanczos.ts), whose start vector comes from the seeded stream of
// src/optim/rng.ts.
// This is the one file of src/functions that imports outside experiment and numeric.
import { symmetricEigen } from '../numeric/symmetricEigen';
import { lanczosExtremes } from './lanczos';
import { runStream } from './rng';
import { DENSE_MAX_DIM, type Instance } from '../functions/types';

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
}

export interface SpectrumOptions {
  /** Seed of Lanczos's random start vector (default 0). */
  seed?: number;
  /** Lanczos iterations at most (default 300). */
  maxIter?: number;
}

export function spectrum(instance: Instance, x: Float64Array, opts: SpectrumOptions = {}): Spectrum {
  const d = instance.dim;
  if (d <= DENSE_MAX_DIM) {
    const h = new Float64Array(d * d);
    instance.hessian(x, h);
    const eig = symmetricEigen(h, d, false);
    // A non-finite Hessian has no spectrum: every eigenvalue NaN (so index 0, no negative curvature).
    const values = eig.ok ? eig.values : new Float64Array(d).fill(NaN);
    const lambdaMin = values[0];
    const lambdaMax = values[d - 1];
    const threshold = DENSE_ZERO_TOL * Math.max(1, Math.abs(lambdaMin), Math.abs(lambdaMax));
    let index = 0;
    while (index < d && values[index] < -threshold) index++;
    return { method: 'dense', eigenvalues: values, index, lambdaMin, lambdaMax, threshold, converged: true };
  }
  const ext = lanczosExtremes((v, out) => instance.hvp(x, v, out), d, runStream(opts.seed ?? 0, 0), { maxIter: opts.maxIter ?? 300 });
  const threshold = LANCZOS_ZERO_TOL * Math.max(1, Math.abs(ext.min), Math.abs(ext.max));
  return { method: 'lanczos', eigenvalues: null, index: null, lambdaMin: ext.min, lambdaMax: ext.max, threshold, converged: ext.converged };
}
