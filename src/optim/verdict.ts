// Words for where a run stopped: the sentence the CLI and the explorer show.
import type { PointKind, RunStop, SecondOrderRule } from '../experiment/types';
import { DEGENERATE_TOL } from '../surfaces/classify';
import { secondOrderBound, secondOrderHolds } from './runRules';

const article: Record<PointKind, string> = {
  minimum: 'at a minimum',
  saddle: 'at a saddle',
  maximum: 'at a maximum',
  degenerate: 'at a degenerate point',
};

/** Short display of a number: 3 significant digits, exponent form outside [1e-3, 1e4), no trailing zeros. */
export const fmtNum = (v: number, digits = 3): string => {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) {
    const [mantissa, exp] = v.toExponential(digits - 1).split('e');
    return `${String(Number(mantissa))}e${exp}`;
  }
  return String(Number(v.toPrecision(digits + 1)));
};

/** The Hessian's form at a point, by the kind its eigenvalues give (the second-order test's words). */
const FORM: Record<PointKind, string> = {
  minimum: 'positive definite',
  saddle: 'indefinite',
  maximum: 'negative definite',
  degenerate: 'singular',
};

/**
 * The bound under which the surfaces' classifier (classifyEigenvalues with its defaults, as
 * surfaceRun calls it) counts an eigenvalue as 0: DEGENERATE_TOL x max(1, |lambda_min|, |lambda_max|).
 * verdict.test.ts proves it equal to the classifier's, eigenvalue pair by pair.
 */
export function surfaceZeroBound([lo, hi]: readonly [number, number]): number {
  return DEGENERATE_TOL * Math.max(1, Math.abs(lo), Math.abs(hi));
}

/** "singular (an eigenvalue within 1e-8 of 0)", "indefinite": the Hessian's form, with the zero threshold where it decides. */
export function hessianForm(kind: PointKind, zeroBound: number): string {
  return kind === 'degenerate' ? `${FORM.degenerate} (an eigenvalue within ${fmtNum(zeroBound)} of 0)` : FORM[kind];
}

/** How a maxSteps stop begins: no eps-stationary point was met (or eps = 0 turned the test off). */
export function maxStepsHead(step: number, gradTol: number): string {
  return gradTol > 0 ? `no eps-stationary point within ${step} steps` : `stopped at step ${step} (eps = 0: no gradient test)`;
}

/** How a maxSteps or maxEvals stop begins: the budget that ran out. */
export function budgetHead(stop: Pick<RunStop, 'reason' | 'step'>, gradTol: number): string {
  if (stop.reason !== 'maxEvals') return maxStepsHead(stop.step, gradTol);
  return `the evaluation budget (maxEvals) was spent at step ${stop.step}${gradTol > 0 ? ' before an eps-stationary point' : ''}`;
}

/** A verdict with the method's own notes (RunStop.notes: BFGS's skipped updates, ...) after it. */
export function withNotes(sentence: string, stop: Pick<RunStop, 'notes'>): string {
  return stop.notes?.length ? `${sentence}. ${stop.notes.join('; ')}` : sentence;
}

/**
 * The first-order half of a verdict at a point that is not eps-stationary: a point with a
 * non-zero gradient is no critical point of any kind, so no kind is named (`g` is f or L).
 */
export function notStationary(g: string, gradNorm: number, gradTol: number): string {
  return `not stationary (||grad ${g}|| = ${fmtNum(gradNorm)} > eps = ${fmtNum(gradTol)})`;
}

/** What the second-order rule stops at. */
export const SECOND_ORDER_POINT = 'an (eps, sqrt(rho eps))-second-order stationary point';

/**
 * The second-order rule in force at a stop, or undefined: it needs eps > 0 (eps = 0 turns the
 * gradient test off, and the second-order test only ever follows a passed gradient test).
 */
export function activeSecondOrder(rule: SecondOrderRule | undefined, gradTol: number): SecondOrderRule | undefined {
  return rule && gradTol > 0 ? rule : undefined;
}

/**
 * The second-order test at a point, said with its numbers and its outcome:
 * "lambda_min = -1 < -sqrt(rho eps) = -0.01 (rho = 1): fails".
 */
export function secondOrderClause(lambdaMin: number | null, rule: SecondOrderRule, gradTol: number): string {
  const bound = `-sqrt(rho eps) = ${fmtNum(-secondOrderBound(rule.rho, gradTol))} (rho = ${fmtNum(rule.rho)})`;
  if (lambdaMin === null) return `lambda_min >= ${bound} cannot be tested: the Hessian is not finite there`;
  const holds = secondOrderHolds(lambdaMin, rule.rho, gradTol);
  return `lambda_min = ${fmtNum(lambdaMin)} ${holds ? '>=' : '<'} ${bound}: ${holds ? 'holds' : 'fails'}`;
}

/** How a maxSteps stop begins with the second-order rule on. */
export function secondOrderMaxStepsHead(step: number): string {
  return `no ${SECOND_ORDER_POINT.slice(3)} within ${step} steps`;
}

/**
 * The verdict sentence of a surface run's stop. A critical-point kind is named only where the run
 * is eps-stationary (reason gradTol, or a gradient exactly 0); elsewhere it says what holds: the
 * gradient is not small, and the form of the Hessian there. `gradNorm` is ||grad f|| at the stop.
 */
export function describeStop(stop: RunStop, gradTol: number, gradNorm: number, secondOrder?: SecondOrderRule): string {
  // A function problem's stop carries its own verdict (vectorVerdict, with the spectrum's words).
  if (stop.spectrum !== undefined && stop.message !== undefined) return stop.message;
  return withNotes(stopSentence(stop, gradTol, gradNorm, secondOrder), stop);
}

function stopSentence(stop: RunStop, gradTol: number, gradNorm: number, secondOrder?: SecondOrderRule): string {
  const eig = stop.hessianEigenvalues;
  // With the second-order rule on (stop.secondOrder), both tests are stated and which held.
  const rule = activeSecondOrder(secondOrder, gradTol);
  const clause = rule ? secondOrderClause(eig ? eig[0] : null, rule, gradTol) : '';
  const lambdas = eig ? `lambda = ${fmtNum(eig[0])}, ${fmtNum(eig[1])}` : '';
  const zero = eig ? `; |lambda| <= ${fmtNum(surfaceZeroBound(eig))} counts as 0` : '';
  const kindHere = stop.kind && eig
    ? `${article[stop.kind]} (${lambdas}${stop.kind === 'degenerate' ? zero : ''})`
    : 'where the Hessian is not finite';
  switch (stop.reason) {
    case 'gradTol':
      if (rule) return `||grad f|| <= ${fmtNum(gradTol)} and ${clause} at step ${stop.step}: ${SECOND_ORDER_POINT}, ${kindHere}`;
      return `||grad f|| <= ${fmtNum(gradTol)} at step ${stop.step}, ${kindHere}`;
    case 'maxSteps':
    case 'maxEvals': {
      const head = rule && stop.reason === 'maxSteps' ? secondOrderMaxStepsHead(stop.step) : budgetHead(stop, gradTol);
      // The second-order rule kept the run going from an eps-stationary point: the gradient test held, the curvature test did not.
      if (rule && gradNorm <= gradTol) return `${head}: ||grad f|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} holds, but ${clause}; ${kindHere}`;
      // Only with eps = 0 can a run stop on maxSteps at an exact critical point.
      if (gradNorm === 0) return `${head}; ||grad f|| = 0 there, ${kindHere}`;
      const form = stop.kind && eig
        ? `the Hessian here is ${hessianForm(stop.kind, surfaceZeroBound(eig))} (${lambdas})`
        : 'the Hessian here is not finite';
      return `${head}: ${notStationary('f', gradNorm, gradTol)}; ${form}${rule ? `; second-order test: ${clause}` : ''}`;
    }
    case 'diverged':
      return stop.message ?? `diverged at step ${stop.step}`;
  }
}

/** What a function problem's verdict needs of the Hessian spectrum at the stop (src/optim/spectrum.ts). */
export interface StopSpectrum {
  method: 'dense' | 'lanczos';
  lambdaMin: number;
  lambdaMax: number;
  /** The Morse index where every eigenvalue is known (dense), else null. */
  index: number | null;
  /** |lambda| at most this counts as 0 (the spectrum's relative threshold). */
  threshold: number;
  /** Dense: whether some eigenvalue (not only an extreme one) is within the threshold of 0. */
  zeroInside: boolean;
  converged: boolean;
  /** The flat directions of the function's symmetry left out of the spectrum (spectrum.ts), when there were some. */
  flat?: { count: number; about: string };
}

/**
 * The kind of a point from its spectrum, by the second-order test: a saddle when an eigenvalue
 * lies below -threshold and another above +threshold (then the test is conclusive whatever zeros
 * lie between: a direction of descent and one of ascent, neither a minimum nor a maximum; Ge et
 * al.'s strict saddle); else 'degenerate' when an eigenvalue is 0 within the threshold (any of
 * the d, where all are known; an extreme one from Lanczos), else minimum / maximum by the signs.
 */
export function spectrumKind(s: StopSpectrum): PointKind {
  const { lambdaMin: lo, lambdaMax: hi, threshold } = s;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'degenerate';
  if (lo < -threshold && hi > threshold) return 'saddle';
  if (s.zeroInside || Math.abs(lo) <= threshold || Math.abs(hi) <= threshold) return 'degenerate';
  if (lo > 0) return 'minimum';
  if (hi < 0) return 'maximum';
  return 'saddle';
}

const NAMED: Record<PointKind, string> = { minimum: 'a minimum', saddle: 'a saddle', maximum: 'a maximum', degenerate: 'degenerate' };

/** What qualifies the kind: the zeros, and the symmetry's flat directions left out of the test. */
function kindNote(kind: PointKind, s: StopSpectrum, zero: string): string {
  const notes: string[] = [];
  if (kind === 'degenerate') notes.push(`${zero}: the second-order test says nothing`);
  else if (kind === 'saddle' && s.zeroInside) notes.push(`${zero} for some eigenvalues; lambda_min < 0 < lambda_max decides`);
  if (s.flat) notes.push(`with ${s.flat.count} flat direction${s.flat.count === 1 ? '' : 's'} from ${s.flat.about}, left out of the test`);
  return notes.length ? ` (${notes.join('; ')})` : '';
}

/**
 * The verdict sentence of a function problem's stop, as the surfaces' and the networks': a kind
 * is named only where the run is eps-stationary (gradTol, or a gradient exactly 0); elsewhere it
 * says the gradient's size and the Hessian's form. The eigenvalues say how they were found. With
 * the second-order rule on (stop.secondOrder), both tests are stated and which held.
 */
export function vectorVerdict(stop: Pick<RunStop, 'reason' | 'step' | 'kind'>, s: StopSpectrum | null, gradNorm: number, gradTol: number, secondOrder?: SecondOrderRule): string {
  if (stop.reason === 'diverged') return `diverged at step ${stop.step + 1}`;
  const rule = activeSecondOrder(secondOrder, gradTol);
  const clause = rule ? secondOrderClause(s ? s.lambdaMin : null, rule, gradTol) : '';
  const how = s?.method === 'dense' ? 'all eigenvalues of the dense Hessian' : `Lanczos estimates${s && !s.converged ? ', not converged: lambda_min may be lower and lambda_max higher' : ''}`;
  const lambdas = s ? `lambda_min = ${fmtNum(s.lambdaMin)}, lambda_max = ${fmtNum(s.lambdaMax)}${s.index === null ? '' : `, index ${s.index}`} (${how})` : '';
  const zero = s ? `|lambda| <= ${fmtNum(s.threshold)} counts as 0` : '';
  const kindHere = s && stop.kind ? `${lambdas}: ${NAMED[stop.kind]}${kindNote(stop.kind, s, zero)}` : 'the Hessian is not finite there';
  if (stop.reason === 'gradTol') {
    if (rule) return `||grad f|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} and ${clause} at step ${stop.step}: ${SECOND_ORDER_POINT}, ${kindHere}`;
    return `||grad f|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} at step ${stop.step}, ${kindHere}`;
  }
  const head = rule && stop.reason === 'maxSteps' ? secondOrderMaxStepsHead(stop.step) : budgetHead(stop, gradTol);
  // The second-order rule kept the run going from an eps-stationary point: the gradient test held, the curvature test did not.
  if (rule && gradNorm <= gradTol) return `${head}: ||grad f|| = ${fmtNum(gradNorm)} <= eps = ${fmtNum(gradTol)} holds, but ${clause}; ${kindHere}`;
  if (gradNorm === 0) return `${head}; ||grad f|| = 0 there, ${kindHere}`;
  const form = s && stop.kind ? `at the last point ${lambdas}: the Hessian is ${hessianForm(stop.kind, s.threshold)}` : 'the Hessian is not finite at the last point';
  return `${head}: ${notStationary('f', gradNorm, gradTol)}; ${form}${rule ? `; second-order test: ${clause}` : ''}`;
}
