// Rules between parts of an Experiment, which each part's schema cannot see alone. A network
// problem has no plane: a run's `start` and the `view` window would be accepted and then ignored
// (its runs start from the seeded initial weights, its view follows the data). A batch larger
// than the training set (samples less the held-out points, netSplit.ts) would silently be the
// full batch (issue 14, item 11). A start has as many numbers as the
// problem has coordinates (2 on a surface, dim on a function problem); a random start
// (startRadius) is a function problem's. Each is refused, naming the field; the lenient decoders
// repair it instead, into what was run before (so no link changes its numbers).
//
// The line-search methods (lbfgs, bfgs, cg: NEEDS_EVALUATOR) compare f and exact gradients of one
// fixed objective at several points: a line search's sufficient-decrease and curvature tests, and
// curvature pairs y = g_{k+1} - g_k. Gradient noise, clipping or a minibatch would make those
// comparisons between different functions, so each is refused (the simplest honest rule: no
// silent mixing of a noisy gradient with exact function values); the lenient decoders drop the
// noise or clip, or use the full batch. Such links could not be written before these optimizers
// existed, so no old link changes.
import { NEEDS_EVALUATOR } from '../optim/optimizers/params';
import { sharedStreams, smallestUnusedStream } from './streamIds';
import { initShapeError } from './netInit';
import { heldOutCount, trainCount } from './netSplit';
import type { Experiment } from './types';

export interface CrossFieldIssue {
  path: string;
  message: string;
  /** What a lenient reader uses instead (said after the message). */
  fallback: string;
  /** Removes the issue from `exp`, in place, as it ran before the rule: nothing changes numerically. */
  repair: (exp: Experiment) => void;
}

const EXACT = 'needs exact gradients of one fixed objective (its line search and curvature pairs compare f and the gradient at several points)';

/** The line-search rules: no gradient noise, no clipping, no minibatch (see above). */
export function exactGradientIssues(exp: Experiment): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const p = exp.problem;
  exp.runs.forEach((run, i) => {
    if (!NEEDS_EVALUATOR.has(run.optimizer)) return;
    if (run.gradNoise !== undefined && run.gradNoise !== 0) {
      issues.push({
        path: `runs[${i}].gradNoise`,
        message: `must be 0 for ${run.optimizer}, which ${EXACT}`,
        fallback: 'ignored',
        repair: (e) => void delete e.runs[i].gradNoise,
      });
    }
    if (run.clip !== undefined) {
      issues.push({
        path: `runs[${i}].clip`,
        message: `${run.optimizer} ${EXACT}: clipping would change the gradient but not f`,
        fallback: 'ignored',
        repair: (e) => void delete e.runs[i].clip,
      });
    }
  });
  if (p.kind === 'network' && p.batchSize > 0) {
    const first = exp.runs.findIndex((run) => NEEDS_EVALUATOR.has(run.optimizer));
    if (first >= 0) {
      issues.push({
        path: 'problem.batchSize',
        message: `must be 0 (the full batch) with ${exp.runs[first].optimizer} in runs[${first}], which ${EXACT} (got ${p.batchSize})`,
        fallback: 'using 0, the full batch',
        repair: (e) => void (e.problem.kind === 'network' && (e.problem.batchSize = 0)),
      });
    }
  }
  return issues;
}

export function crossFieldIssues(exp: Experiment): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = streamIssues(exp);
  const p = exp.problem;
  // A run's initial weights (Run.init) must fit the network; a surface run has none.
  exp.runs.forEach((run, i) => {
    if (run.init === undefined) return;
    const message = p.kind === 'network' ? initShapeError(p, run.init) : `a ${p.kind} run has no initial weights (only a network run has)`;
    if (message) issues.push({ path: `runs[${i}].init`, message, fallback: 'ignored', repair: (e) => void delete e.runs[i].init });
  });
  if (p.kind === 'surface') {
    return [...issues, ...exactGradientIssues(exp), ...startCountIssues(exp, 2, 'must be a pair [x, y] of numbers', "using the surface's start"), ...startRadiusIssues(exp)];
  }
  if (p.kind === 'function') {
    issues.push(...exactGradientIssues(exp));
    issues.push(...startCountIssues(exp, p.dim, `must have ${p.dim} numbers, one per coordinate (problem.dim = ${p.dim})`, "using the function's default start"));
    if (exp.view !== undefined) issues.push(noView('function'));
    return issues;
  }
  const train = trainCount(p.samples);
  if (p.batchSize > train) {
    issues.push({
      path: 'problem.batchSize',
      message: `${p.batchSize} is more than the ${train} training samples (samples ${p.samples} less the ${heldOutCount(p.samples)} held out); use at most ${train}, or 0 for the full batch`,
      fallback: 'using 0, the full batch',
      repair: (e) => void (e.problem.kind === 'network' && (e.problem.batchSize = 0)),
    });
  }
  exp.runs.forEach((run, i) => {
    if (run.start === undefined) return;
    issues.push({
      path: `runs[${i}].start`,
      message: 'a network run has no start point (it starts from the seeded initial weights)',
      fallback: 'ignored',
      repair: (e) => void delete e.runs[i].start,
    });
  });
  issues.push(...startRadiusIssues(exp));
  if (exp.view !== undefined) issues.push(noView('network'));
  issues.push(...exactGradientIssues(exp));
  return issues;
}

function noView(kind: 'network' | 'function'): CrossFieldIssue {
  return {
    path: 'view',
    message: `a ${kind} problem has no view window (only a surface has)`,
    fallback: 'ignored',
    repair: (e) => void delete e.view,
  };
}

function startCountIssues(exp: Experiment, count: number, message: string, fallback: string): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  exp.runs.forEach((run, i) => {
    if (run.start === undefined || run.start.length === count) return;
    issues.push({ path: `runs[${i}].start`, message: `${message} (got ${run.start.length})`, fallback, repair: (e) => void delete e.runs[i].start });
  });
  return issues;
}

function startRadiusIssues(exp: Experiment): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  exp.runs.forEach((run, i) => {
    if (run.startRadius === undefined) return;
    issues.push({
      path: `runs[${i}].startRadius`,
      message: 'a random start (startRadius) is offered on function problems only',
      fallback: 'ignored',
      repair: (e) => void delete e.runs[i].startRadius,
    });
  });
  return issues;
}

/**
 * Two runs on one random stream would draw the same noise: each run needs its own id (a run
 * without `stream` has its index). Repaired to the smallest id no run uses.
 */
function streamIssues(exp: Experiment): CrossFieldIssue[] {
  return sharedStreams(exp.runs).map(({ index, first, id }) => ({
    path: `runs[${index}].stream`,
    message: `stream ${id} is already run ${first}'s (${exp.runs[first].stream === undefined ? 'its index' : 'its stream'}); each run needs its own`,
    fallback: 'using the smallest unused stream id',
    repair: (e) => void (e.runs[index].stream = smallestUnusedStream(e.runs)),
  }));
}
