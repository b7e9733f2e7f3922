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
//
// A kind is named only at an eps-stationary point. Training stopped by maxSteps usually ends
// where the gradient is not small (the loss still falls): that point is no saddle nor minimum,
// whatever the Hessian's signs, so the verdict then says the gradient's size and the Hessian's form.
import type { PointKind, RunStop, SecondOrderRule } from '../experiment/types';
import { activeSecondOrder, budgetHead, fmtNum, hessianForm, notStationary, SECOND_ORDER_POINT, secondOrderClause, secondOrderMaxStepsHead } from '../optim/verdict';

export const NET_ZERO_TOL = 1e-5;

/** The bound under which an extreme eigenvalue counts as 0: NET_ZERO_TOL x max(|lambda_min|, |lambda_max|). */
export function netZeroBound(lo: number, hi: number): number {
  return NET_ZERO_TOL * Math.max(Math.abs(lo), Math.abs(hi));
}

export function classifyExtremes(lo: number, hi: number): PointKind {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'degenerate';
  const zero = netZeroBound(lo, hi);
  if (Math.abs(lo) <= zero || Math.abs(hi) <= zero) return 'degenerate';
  if (lo > 0) return 'minimum';
  if (hi < 0) return 'maximum';
  return 'saddle';
}

const NAMES: Record<PointKind, string> = {
  minimum: 'a minimum',
  saddle: 'a saddle',
  maximum: 'a maximum',
  degenerate: 'degenerate',
};

/** The verdict sentence of a stop: the gradient test, the eigenvalues, the kind (at an eps-stationary point only). */
export function networkVerdict(stop: Pick<RunStop, 'reason' | 'step' | 'kind' | 'hessianEigenvalues'>, gradNorm: number, gradTol: number, secondOrder?: SecondOrderRule): string {
  const eig = stop.hessianEigenvalues;
  // With the second-order rule on (stop.secondOrder), both tests are stated and which held.
  const rule = activeSecondOrder(secondOrder, gradTol);
  const clause = rule ? secondOrderClause(eig ? eig[0] : null, rule, gradTol) : '';
  const lambdas = eig ? `lambda_min = ${fmtNum(eig[0])}, lambda_max = ${fmtNum(eig[1])}` : '';
  const zero = eig ? fmtNum(netZeroBound(eig[0], eig[1])) : '';
  const kindHere = eig && stop.kind
    ? `${lambdas}: ${NAMES[stop.kind]}${stop.kind === 'degenerate' ? ` (|lambda| <= ${zero} counts as 0: the second-order test says nothing)` : ''}`
    : 'the Hessian could not be evaluated there';
  const form = eig && stop.kind
    ? `at the last point ${lambdas}: the Hessian is ${hessianForm(stop.kind, netZeroBound(eig[0], eig[1]))}`
    : 'the Hessian could not be evaluated at the last point';
  switch (stop.reason) {
    case 'gradTol':
      if (rule) return `||grad L|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} and ${clause} at step ${stop.step}: ${SECOND_ORDER_POINT}, ${kindHere}`;
      return `||grad L|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} at step ${stop.step}, ${kindHere}`;
    case 'maxSteps':
    case 'maxEvals': {
      // The network run stops on gradTol when ||grad L|| <= eps, so only a non-zero gradient gets
      // here, unless the second-order rule kept it going: then the curvature test failed.
      const head = rule && stop.reason === 'maxSteps' ? secondOrderMaxStepsHead(stop.step) : budgetHead(stop, gradTol);
      if (rule && gradNorm <= gradTol) {
        return `${head}: ||grad L|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} holds, but ${clause}; ${kindHere}`;
      }
      return `${head}: ${notStationary('L', gradNorm, gradTol)}; ${form}${rule ? `; second-order test: ${clause}` : ''}`;
    }
    case 'diverged':
      return `diverged at step ${stop.step + 1}`;
  }
}

/**
 * What the verdict adds when the Lanczos check stopped at its budget before converging. Its
 * estimates are Ritz values, which lie inside the spectrum: lambda_min is at most the estimate
 * and lambda_max at least its own, whatever the residual, so the signs it reports stand. Each
 * residual ||H v - theta v|| (v the unit Ritz vector of the estimate theta; beta_k |s_k| in the
 * Lanczos recurrence, Parlett 13.2) bounds how far an eigenvalue of H lies from its estimate.
 */
export function lanczosNote(iterations: number, residuals: readonly [number, number] | undefined): string {
  const res = residuals
    ? `: ||H v - lambda v|| = ${fmtNum(residuals[0])} for the lambda_min estimate and ${fmtNum(residuals[1])} for the lambda_max estimate, so an eigenvalue of H lies within each of its estimate`
    : '';
  return ` (Lanczos did not converge in ${iterations} Hessian-vector products${res}; lambda_min may be lower and lambda_max higher)`;
}
