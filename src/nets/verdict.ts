// What a network run's stop point is, from the extreme eigenvalues of the Hessian of the
// training objective, and the sentence that says so ("||grad L|| <= eps, lambda_min = -0.03: a
// saddle").
//
// Only lambda_min and lambda_max are computed (Lanczos), which is all the second-order test
// needs: lambda_min < 0 < lambda_max is a saddle, lambda_min > 0 a minimum, lambda_max < 0 a
// maximum. An eigenvalue within NET_ZERO_TOL * max(|lambda_min|, |lambda_max|) of 0 counts as 0
// and the point is 'degenerate' (the test says nothing; flat directions are common in networks).
// The tolerance is relative, and looser than the surfaces' 1e-8, because the Lanczos estimates
// carry a residual of up to 1e-7 of the spectrum's scale.
import type { PointKind, RunStop } from '../experiment/types';
import { fmtNum } from '../optim/verdict';

export const NET_ZERO_TOL = 1e-5;

export function classifyExtremes(lo: number, hi: number): PointKind {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'degenerate';
  const zero = NET_ZERO_TOL * Math.max(Math.abs(lo), Math.abs(hi));
  if (Math.abs(lo) <= zero || Math.abs(hi) <= zero) return 'degenerate';
  if (lo > 0) return 'minimum';
  if (hi < 0) return 'maximum';
  return 'saddle';
}

const NAMES: Record<PointKind, string> = {
  minimum: 'a minimum',
  saddle: 'a saddle',
  maximum: 'a maximum',
  degenerate: 'degenerate (an eigenvalue is ~0: the second-order test says nothing)',
};

/** The verdict sentence of a stop: the gradient test, the eigenvalues, the kind. */
export function networkVerdict(stop: Pick<RunStop, 'reason' | 'step' | 'kind' | 'hessianEigenvalues'>, gradNorm: number, gradTol: number): string {
  const eig = stop.hessianEigenvalues;
  const second = eig && stop.kind
    ? `lambda_min = ${fmtNum(eig[0])}, lambda_max = ${fmtNum(eig[1])}: ${NAMES[stop.kind]}`
    : 'the Hessian could not be evaluated there';
  switch (stop.reason) {
    case 'gradTol':
      return `||grad L|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} at step ${stop.step}, ${second}`;
    case 'maxSteps':
      return gradTol > 0
        ? `no eps-stationary point within ${stop.step} steps (||grad L|| = ${fmtNum(gradNorm)} > eps = ${fmtNum(gradTol)}); at the last point ${second}`
        : `${stop.step} steps (||grad L|| = ${fmtNum(gradNorm)}); at the last point ${second}`;
    case 'diverged':
      return `diverged at step ${stop.step + 1}`;
  }
}
