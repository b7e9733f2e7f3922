// The rules of one run (experiment-v1.md, "Semantics of one run"), held once for every engine:
// the scalar engine (surfaceRun.ts), the batched JS kernel (src/batch/jsBatch.ts) and the
// network engine (src/nets/netRun.ts) call these functions; the fused WebGL step program prints
// their GLSL form (runRulesGlsl.ts). Per step t, at the current point x_t:
//   1. record f(x_t) and ||g_t|| (the engine's own arrays);
//   2. stopCodeAt: not finite -> diverged, then gradTol, then maxSteps, in that order;
//   3. stepGradient: g_t + gradNoise * N(0, I), then clipping;
//   4. the optimizer's step with LrSchedule.at(t) (schedule.ts: torch's scheduler arithmetic);
//   5. divergence of x_{t+1} (runRulesDivergence.ts).
// Small functions on numbers, no allocation: the batched kernel calls them per pixel per step.
import type { StopReason } from '../experiment/types';
import { addGaussianNoise, clipByNorm } from './gradient';
import type { Rng } from './rng';

/**
 * Stop codes, as the batched engines store them per pixel (0 while the run goes on). The fused
 * WebGL program writes the same numbers (runRulesGlsl.ts prints them from here).
 */
export const STOP = { running: 0, gradTol: 1, maxSteps: 2, diverged: 3, maxEvals: 4 } as const;
export type StopCode = (typeof STOP)[keyof typeof STOP];

/** The reason of each stop code (STOP_REASONS[STOP.gradTol] = 'gradTol'); null for `running`. */
export const STOP_REASONS: readonly (StopReason | null)[] = Object.entries(STOP).reduce<(StopReason | null)[]>((names, [name, code]) => {
  names[code] = name === 'running' ? null : (name as StopReason);
  return names;
}, []);

/**
 * ||(gx, gy)||, the norm every 2D engine records and tests. sqrt of the sum of squares is
 * several times faster than Math.hypot in V8; hypot only where squaring could under- or
 * overflow (there sqrt's result is off or not finite), not at an exact zero (where both are 0,
 * and hypot, a call that allocates its arguments' array, cost a converged BFGS run a tenth of
 * its steps/s: its gradient is exactly 0 from there on).
 */
export function gradNorm2(gx: number, gy: number): number {
  const n = Math.sqrt(gx * gx + gy * gy);
  return (n > 1e-150 && n < 1e150) || (gx === 0 && gy === 0) ? n : Math.hypot(gx, gy);
}

/**
 * The stopping test ||g_t|| <= gradTol. gradTol = 0 disables it (experiment-v1.md, `stop`):
 * without the guard an exact critical point (a saddle's centre, a symmetric start, a float32
 * gradient that rounds to 0) would stop a run that was asked to take maxSteps steps.
 */
export function shouldStopForGradTol(gradNorm: number, gradTol: number): boolean {
  return gradTol > 0 && gradNorm <= gradTol;
}

/**
 * Step 2 at x_t, once f(x_t) and ||g_t|| are recorded: diverged if either is not finite (only
 * possible at the start: later points are checked when reached), then gradTol, then maxSteps.
 * STOP.running: take the step.
 */
export function stopCodeAt(f: number, gradNorm: number, t: number, gradTol: number, maxSteps: number): StopCode {
  if (!(Number.isFinite(f) && Number.isFinite(gradNorm))) return STOP.diverged;
  if (shouldStopForGradTol(gradNorm, gradTol)) return STOP.gradTol;
  if (t >= maxSteps) return STOP.maxSteps;
  return STOP.running;
}

/**
 * The evaluation budget (stop.maxEvals), tested at x_t after stopCodeAt's rules: a run that would
 * take a step stops with maxEvals once the evaluations of f and its gradient it has spent (the
 * steps before t, line searches included: RunResult.evals) reach maxEvals. A step is never cut
 * short, so a line search may end up to one step's evaluations past the budget. A first-order
 * method spends one evaluation a step (evals = t), so maxEvals acts as maxSteps there, with its
 * own reason. undefined: no budget.
 */
export function stopCodeWithEvals(code: StopCode, evals: number, maxEvals: number | undefined): StopCode {
  return code === STOP.running && maxEvals !== undefined && evals >= maxEvals ? STOP.maxEvals : code;
}

/**
 * Step 3, in place on a copy of g_t: Gaussian noise first (gradient.ts, from `rng`, one normal
 * per coordinate in order), then clipping by L2 norm, so the clip bounds the noisy step as
 * torch's clip_grad_norm_ bounds a stochastic gradient. 0 / undefined / null: not applied.
 */
export function stepGradient(g: Float64Array, gradNoise: number | undefined, clip: number | null | undefined, rng: Rng): void {
  if (gradNoise) addGaussianNoise(g, gradNoise, rng);
  if (clip !== undefined && clip !== null) clipByNorm(g, clip);
}

/**
 * The second-order half of the stop test (stop.secondOrder, experiment-v1.md): x_t is an
 * (eps, sqrt(rho eps))-second-order stationary point when ||g_t|| <= eps and
 * lambda_min(H(x_t)) >= -sqrt(rho eps) (Nesterov and Polyak 2006, Jin et al. 2017: for a
 * rho-Lipschitz Hessian, the scale on which eps-small gradients and curvature compare). A
 * lambda_min that is not a number (a Hessian that is not finite) does not pass.
 */
export function secondOrderBound(rho: number, gradTol: number): number {
  return Math.sqrt(rho * gradTol);
}

export function secondOrderHolds(lambdaMin: number, rho: number, gradTol: number): boolean {
  return lambdaMin >= -secondOrderBound(rho, gradTol);
}

/**
 * Step 2 with the second-order rule on (`rho` given): a gradTol stop of stopCodeAt stands only
 * where secondOrderHolds; where it fails (a saddle within eps of stationary) the run goes on, or
 * stops with maxSteps when t = maxSteps. `lambdaMin` is called only then, so a network pays its
 * Lanczos only at eps-stationary points. Without `rho`, the code as it is.
 */
export function secondOrderStopCode(code: StopCode, t: number, maxSteps: number, gradTol: number, rho: number | undefined, lambdaMin: () => number): StopCode {
  if (code !== STOP.gradTol || rho === undefined) return code;
  if (secondOrderHolds(lambdaMin(), rho, gradTol)) return STOP.gradTol;
  return t >= maxSteps ? STOP.maxSteps : STOP.running;
}

/** What the stop test of a run reads at x_t, beyond the point's f and ||g||. */
export interface StopRule {
  gradTol: number;
  maxSteps: number;
  /** The second-order rule's rho; undefined: the first-order test alone. */
  rho: number | undefined;
  maxEvals: number | undefined;
}

/**
 * The whole stop test at x_t, in one place for every engine: not finite, then gradTol (kept
 * going by the second-order rule where lambda_min < -sqrt(rho eps)), then maxSteps, then the
 * evaluation budget. `lambdaMin` is called only where the second-order rule needs it.
 */
export function runStopCode(f: number, gradNorm: number, t: number, evals: number, rule: StopRule, lambdaMin: () => number): StopCode {
  const code = stopCodeAt(f, gradNorm, t, rule.gradTol, rule.maxSteps);
  // Nearly every step of a run without an evaluation budget is `running` here, which the later
  // rules keep as it is: they are called apart, so that V8 inlines this function (into every
  // engine's step loop) without them. That loop is near V8's inlining budget, and a call that is
  // not inlined boxes each number passed to it (a heap number per step).
  return code === STOP.running && rule.maxEvals === undefined ? code : laterStopRules(code, t, evals, rule, lambdaMin);
}

/** runStopCode after stopCodeAt: the second-order rule, then the evaluation budget. */
function laterStopRules(code: StopCode, t: number, evals: number, rule: StopRule, lambdaMin: () => number): StopCode {
  return stopCodeWithEvals(secondOrderStopCode(code, t, rule.maxSteps, rule.gradTol, rule.rho, lambdaMin), evals, rule.maxEvals);
}
