// The eigen-decomposition a second-order step (cubic Newton, saddle-free Newton) takes of its
// Hessian. n = 2, the surfaces: the closed form of src/surfaces/classify.ts, the one that
// classifies their stop points, so a step and its stop verdict see the same eigenvalues (and
// every surface trajectory keeps its bits). n > 2: the dense symmetric solver of
// src/numeric/symmetricEigen.ts (Householder + implicit QL), the project's one such solver.
import { symmetricEigenInto, type SymmetricEigenWork } from '../../numeric/symmetricEigen';
import { eigenSym2 } from '../../surfaces/classify';

/**
 * Eigenvalues (ascending) into work.values and unit eigenvectors as ROWS into work.vectors
 * (work.vectors[i * n + k] is component k of the eigenvector of values[i]); h is row-major n x n
 * and not modified. Returns false when the n > 2 solver fails (a non-finite entry, or no
 * convergence). The closed form never fails: a non-finite entry gives non-finite values, and so a
 * non-finite step, which the engine reports as a divergence.
 */
export function hessianEigenInto(h: Float64Array, n: number, work: SymmetricEigenWork): boolean {
  if (n !== 2) return symmetricEigenInto(h, n, true, work);
  const e = eigenSym2(h[0], (h[1] + h[2]) / 2, h[3]);
  const { values, vectors } = work;
  values[0] = e.values[0];
  values[1] = e.values[1];
  vectors[0] = e.vectors[0][0];
  vectors[1] = e.vectors[0][1];
  vectors[2] = e.vectors[1][0];
  vectors[3] = e.vectors[1][1];
  return true;
}
