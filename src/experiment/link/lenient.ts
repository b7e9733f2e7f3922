// lenientExperiment: untrusted data shaped like an Experiment -> always a valid Experiment,
// plus the list of what was rejected. Shared by the link decoder and the JSON import.
import { crossFieldIssues } from '../consistency';
import { defaultExperiment } from '../defaults';
import { parseExperiment, formatErrors } from '../parse';
import type { Experiment } from '../types';
import { lenientProblem, lenientRuns, lenientSeed, lenientStop, lenientView } from './lenientParts';
import { USE_DEFAULT, type ProblemLog } from './problems';
import { isObject, pickKnown } from './untrusted';

const EXPERIMENT_KEYS = ['v', 'problem', 'runs', 'stop', 'seed', 'view'] as const;

/** `raw.v` is not looked at: the caller has read the version and migrated already. */
export function lenientExperiment(raw: unknown, log: ProblemLog): Experiment {
  if (!isObject(raw)) {
    log.add('', 'an experiment must be an object', USE_DEFAULT);
    return defaultExperiment();
  }
  const o = pickKnown(raw, EXPERIMENT_KEYS, '', log);
  const view = lenientView(o.view, log);
  const exp: Experiment = {
    v: 1,
    problem: lenientProblem(o.problem, log),
    runs: lenientRuns(o.runs, log),
    stop: lenientStop(o.stop, log),
    seed: lenientSeed(o.seed, log),
    ...(view === undefined ? {} : { view }),
  };
  for (const issue of crossFieldIssues(exp)) {
    issue.repair(exp);
    log.add(issue.path, issue.message, issue.fallback);
  }
  return ensureValid(exp, log);
}

/**
 * The promise of the decoders is a valid Experiment, whatever the input. Each part was checked
 * alone; this whole-object check guards against a part's rule that spans parts (none today).
 */
export function ensureValid(exp: Experiment, log: ProblemLog): Experiment {
  const checked = parseExperiment(exp);
  if (checked.ok) return exp;
  log.add('', `internal error, please report: ${formatErrors(checked.errors)}`, USE_DEFAULT);
  return defaultExperiment();
}
