// Rules between parts of an Experiment, which each part's schema cannot see alone. A network
// problem has no plane: a run's `start` and the `view` window would be accepted and then ignored
// (its runs start from the seeded initial weights, its view follows the data). A batch larger
// than the data set would silently be the full batch. Each is refused, naming the field; the
// lenient decoders repair it instead, into what was run before (so no link changes its numbers).
import { sharedStreams, smallestUnusedStream } from './streamIds';
import { initShapeError } from './netInit';
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
  const issues: CrossFieldIssue[] = streamIssues(exp);
  const p = exp.problem;
  // A run's initial weights (Run.init) must fit the network; a surface run has none.
  exp.runs.forEach((run, i) => {
    if (run.init === undefined) return;
    const message = p.kind === 'network' ? initShapeError(p, run.init) : 'a surface run has no initial weights (only a network run has)';
    if (message) issues.push({ path: `runs[${i}].init`, message, fallback: 'ignored', repair: (e) => void delete e.runs[i].init });
  });
  if (p.kind !== 'network') return issues;
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
  if (exp.view !== undefined) {
    issues.push({
      path: 'view',
      message: 'a network problem has no view window (only a surface has)',
      fallback: 'ignored',
      repair: (e) => void delete e.view,
    });
  }
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
