// Loading an experiment from outside the app (a link, an imported file). The decoders check every
// field against the schema but cannot compile a typed expression (src/experiment knows no
// parser), so that check is here: an expression that does not compile is a rejected field like
// any other. The problem falls back to the decoders' default, the notice lists it, and the
// expression box keeps the text for editing; the page never starts on a surface it cannot draw.
import { defaultExperiment } from '../experiment/defaults';
import { importExperimentJson, type LinkProblem } from '../experiment/link';
import { clip, printable, QUOTE_MAX } from '../experiment/printable';
import type { Experiment } from '../experiment/types';
import { resolveSurface } from '../surfaces/resolve';
import { startExperiment } from './runStream';
import { useStore } from './store';

export interface CheckedExpression {
  experiment: Experiment;
  /** The rejected expression's problem, or null when there was none. */
  problem: LinkProblem | null;
  rejectedExpr: string | null;
}

/** `exp` with a typed expression that does not compile replaced by the default surface. */
export function checkExpression(exp: Experiment, field: string): CheckedExpression {
  const problem = exp.problem;
  if (problem.kind !== 'surface' || !('expr' in problem)) return { experiment: exp, problem: null, rejectedExpr: null };
  const resolved = resolveSurface(problem);
  if (resolved.ok) return { experiment: exp, problem: null, rejectedExpr: null };
  const fallback = defaultExperiment().problem;
  const name = fallback.kind === 'surface' && 'id' in fallback ? fallback.id : 'the default';
  // Only the problem falls back; every other field was valid and stays (as in the decoders).
  return {
    experiment: { ...exp, problem: fallback },
    problem: { field, message: `${resolved.message.replace(/^expression: /, '')}; using the default surface (${name}); the expression is kept in the box for editing` },
    rejectedExpr: problem.expr,
  };
}

/** Shows what was rejected (named for its source) and remembers a rejected expression for the box. */
export function showLoadProblems(problems: LinkProblem[], source: 'link' | 'file', rejectedExpr: string | null): void {
  useStore.setState({ linkProblems: problems.length ? problems : null, noticeSource: source, rejectedExpr, scrubStep: null });
}

/**
 * Imports an experiment file. A file that is no experiment at all changes nothing: the page says
 * why ("not a Saddlepoint experiment: ...") and the experiment on screen stays. Returns whether
 * the file was loaded.
 */
export async function importExperimentFile(text: string, fileName: string): Promise<boolean> {
  const imported = importExperimentJson(text);
  if (imported.refused !== undefined) {
    useStore.setState({ error: `${printable(clip(fileName, QUOTE_MAX))}: ${imported.refused}` });
    return false;
  }
  const checked = checkExpression(imported.experiment, 'problem.expr');
  showLoadProblems([...imported.problems, ...(checked.problem ? [checked.problem] : [])], 'file', checked.rejectedExpr);
  await startExperiment(checked.experiment);
  return true;
}
