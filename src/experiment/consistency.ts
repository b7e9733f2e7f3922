// Rules between parts of an Experiment, which each part's schema cannot see alone. A network
// problem has no plane: a run's `start` and the `view` window would be accepted and then ignored
// (its runs start from the seeded initial weights, its view follows the data). A batch larger
// than the data set would silently be the full batch. A start has as many numbers as the
// problem has coordinates (2 on a surface, dim on a function problem); a random start
// (startRadius) is a function problem's. Each is refused, naming the field; the lenient decoders
// repair it instead, into what was run before (so no link changes its numbers).
import type { Experiment } from './types';

export interface CrossFieldIssue {
  path: string;
  message: string;
  /** What a lenient reader uses instead (said after the message). */
  fallback: string;
  /** Removes the issue from `exp`, in place, as it ran before the rule: nothing changes numerically. */
  repair: (exp: Experiment) => void;
}

export function crossFieldIssues(exp: Experiment): CrossFieldIssue[] {
  const p = exp.problem;
  if (p.kind === 'surface') return [...startCountIssues(exp, 2, 'must be a pair [x, y] of numbers', "using the surface's start"), ...startRadiusIssues(exp)];
  if (p.kind === 'function') {
    const issues = startCountIssues(exp, p.dim, `must have ${p.dim} numbers, one per coordinate (problem.dim = ${p.dim})`, "using the function's default start");
    if (exp.view !== undefined) issues.push(noView('function'));
    return issues;
  }
  const issues: CrossFieldIssue[] = [];
  if (p.batchSize > p.samples) {
    issues.push({
      path: 'problem.batchSize',
      message: `must be at most samples (${p.samples}), or 0 for the full batch (got ${p.batchSize})`,
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
