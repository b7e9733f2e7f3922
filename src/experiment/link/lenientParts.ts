// Lenient validation of each part of an Experiment: a valid part is kept as the schema outputs
// it; a rejected field falls back to its default and is reported. What falls back to what:
//   run param (or regularization term)      -> removed, so the optimizer's default applies
//   run option (start, clip, schedule, ...) -> removed, so the run's default applies
//   run with a bad optimizer / not an object -> the run is dropped
//   problem (bad id, expr, network field)   -> the default experiment's problem
//   function parameter                       -> removed, so the function's default applies
//   stop.maxSteps / stop.gradTol            -> that field's default
//   stop.maxEvals                           -> removed (no evaluation budget)
//   seed / view                             -> the default seed / no view (the surface's window)
import * as v from 'valibot';
import { DEFAULT_SEED, DEFAULT_STOP, defaultExperiment } from '../defaults';
import { LIMITS } from '../limits';
import { OPTIMIZER_SPECS } from '../../optim/optimizers/params';
import { FUNCTION_PARAM_LIMITS } from '../functions';
import { FunctionProblemSchema, NetworkProblemSchema, ProblemSchema, RunSchema, StopSchema, SurfaceProblemSchema, ViewSchema, num } from '../schema';
import { FUNCTION_IDS, OPTIMIZER_IDS, type Experiment, type FunctionId, type OptimizerId, type Problem, type Run } from '../types';
import { ProblemLog, issueMessage, issuePath, joinPath } from './problems';
import { isObject, pickKnown, validateRepairing, type Obj, type Repair } from './untrusted';

const SURFACE_KEYS = ['kind', 'id', 'expr', 'regularization'] as const;
const NETWORK_KEYS = ['kind', 'dataset', 'samples', 'noise', 'hidden', 'activation', 'batchSize', 'regularization'] as const;
const FUNCTION_KEYS = ['kind', 'id', 'dim', 'params'] as const;
const RUN_KEYS = ['optimizer', 'params', 'start', 'startRadius', 'gradNoise', 'clip', 'schedule', 'label', 'stream'] as const;
const SeedSchema = num(LIMITS.seed.min, LIMITS.seed.max, { integer: true });

/** Removes `obj[key]`; 'fatal' when there was nothing to remove (so the loop cannot spin). */
function drop(obj: unknown, key: string | number | undefined): 'fixed' | 'fatal' {
  if (!isObject(obj) || typeof key !== 'string' || !Object.hasOwn(obj, key)) return 'fatal';
  delete obj[key];
  return 'fixed';
}

function pickRegularization(p: Obj, path: string, log: ProblemLog): void {
  if (isObject(p.regularization)) p.regularization = pickKnown(p.regularization, ['l1', 'l2'], joinPath(path, 'regularization'), log);
}

export function lenientProblem(raw: unknown, log: ProblemLog): Problem {
  const fallback = defaultExperiment().problem;
  const note = 'using the default problem';
  if (raw === undefined) {
    log.add('problem', 'is required', note);
    return fallback;
  }
  if (!isObject(raw)) {
    log.add('problem', 'must be an object', note);
    return fallback;
  }
  const kind = Object.hasOwn(raw, 'kind') ? raw.kind : undefined;
  if (kind !== 'surface' && kind !== 'network' && kind !== 'function') {
    const issue = v.safeParse(ProblemSchema, { kind: typeof kind === 'string' ? kind : undefined }).issues?.[0];
    log.add('problem.kind', issue ? issueMessage(issue) : 'is required', note);
    return fallback;
  }
  if (kind === 'function') return lenientFunctionProblem(raw, log, note) ?? fallback;
  const cand = pickKnown(raw, kind === 'surface' ? SURFACE_KEYS : NETWORK_KEYS, 'problem', log);
  pickRegularization(cand, 'problem', log);
  // Only regularization terms are repaired; anything else wrong makes the problem unusable.
  const repair: Repair = (keys) => {
    if (keys[0] !== 'regularization') return 'fatal';
    return keys.length > 1 ? drop(cand.regularization, keys[1]) : drop(cand, 'regularization');
  };
  const schema = kind === 'surface' ? SurfaceProblemSchema : NetworkProblemSchema;
  return (validateRepairing(schema as v.GenericSchema<unknown, Problem>, cand, 'problem', log, repair, note) ?? fallback) as Problem;
}

/** A function problem: an unknown or bad parameter is dropped (the function's default); anything else wrong is fatal. */
function lenientFunctionProblem(raw: Obj, log: ProblemLog, note: string): Problem | undefined {
  const cand = pickKnown(raw, FUNCTION_KEYS, 'problem', log);
  const id = cand.id;
  if (typeof id === 'string' && (FUNCTION_IDS as readonly string[]).includes(id) && isObject(cand.params)) {
    cand.params = pickKnown(cand.params, FUNCTION_PARAM_LIMITS[id as FunctionId].map((p) => p.key), 'problem.params', log);
  }
  const repair: Repair = (keys) => (keys[0] === 'params' && keys.length > 1 ? drop(cand.params, keys[1]) : 'fatal');
  return validateRepairing(FunctionProblemSchema as v.GenericSchema<unknown, Problem>, cand, 'problem', log, repair, note);
}

/** One run, repaired field by field, or undefined when it has to be dropped. */
export function lenientRun(raw: unknown, path: string, log: ProblemLog): Run | undefined {
  const note = 'run dropped';
  if (!isObject(raw)) {
    log.add(path, 'must be an object', note);
    return undefined;
  }
  const optimizer = Object.hasOwn(raw, 'optimizer') ? raw.optimizer : undefined;
  if (typeof optimizer !== 'string' || !(OPTIMIZER_IDS as readonly string[]).includes(optimizer)) {
    const issue = v.safeParse(RunSchema, { optimizer }).issues?.[0];
    log.add(joinPath(path, 'optimizer'), issue && optimizer !== undefined ? issueMessage(issue) : 'is required', note);
    return undefined;
  }
  const cand = pickKnown(raw, RUN_KEYS, path, log);
  if (isObject(cand.params)) {
    cand.params = pickKnown(cand.params, Object.keys(OPTIMIZER_SPECS[optimizer as OptimizerId].params), joinPath(path, 'params'), log);
  }
  const repair: Repair = (keys) => {
    if (keys.length === 0) return drop(cand.params, 'nesterov'); // the nesterov/momentum check
    if (keys[0] === 'optimizer') return 'fatal';
    if (keys[0] === 'params' && keys.length > 1) return drop(cand.params, keys[1]);
    return drop(cand, keys[0]);
  };
  // The one cross-field check of a run is about nesterov, so that is the field to name.
  const fieldOf = (issue: v.BaseIssue<unknown>) => joinPath(path, issuePath(issue) || 'params.nesterov');
  return validateRepairing(RunSchema as v.GenericSchema<unknown, Run>, cand, path, log, repair, note, fieldOf);
}

export function lenientRuns(raw: unknown, log: ProblemLog): Run[] {
  const fallback = defaultExperiment().runs;
  if (raw === undefined) {
    log.add('runs', 'is required', 'using the default run');
    return fallback;
  }
  if (!Array.isArray(raw)) {
    log.add('runs', 'must be a list of runs', 'using the default run');
    return fallback;
  }
  const max = LIMITS.runs.max;
  if (raw.length > max) log.add('runs', `at most ${max} runs`, `runs after the ${max}th dropped`);
  const runs: Run[] = [];
  raw.slice(0, max).forEach((item, i) => {
    const run = lenientRun(item, `runs[${i}]`, log);
    if (run) runs.push(run);
  });
  if (runs.length === 0) {
    log.add('runs', `at least ${LIMITS.runs.min} run is needed`, 'using the default run');
    return fallback;
  }
  return runs;
}

export function lenientStop(raw: unknown, log: ProblemLog): Experiment['stop'] {
  if (raw === undefined) return { ...DEFAULT_STOP };
  if (!isObject(raw)) {
    log.add('stop', 'must be an object', 'using the default');
    return { ...DEFAULT_STOP };
  }
  const cand: Obj = pickKnown(raw, ['maxSteps', 'gradTol', 'secondOrder', 'maxEvals'], 'stop', log);
  if (isObject(cand.secondOrder)) cand.secondOrder = pickKnown(cand.secondOrder, ['rho'], 'stop.secondOrder', log);
  const repair: Repair = (keys) => {
    const key = keys[0];
    // a bad rho turns the rule off: the first-order test alone
    if (key === 'secondOrder') return drop(cand, 'secondOrder');
    if (key === 'maxEvals') return drop(cand, key);
    if (key !== 'maxSteps' && key !== 'gradTol') return 'fatal';
    if (cand[key] === DEFAULT_STOP[key]) return 'fatal';
    cand[key] = DEFAULT_STOP[key];
    return 'fixed';
  };
  return validateRepairing(StopSchema, cand, 'stop', log, repair, 'using the default') ?? { ...DEFAULT_STOP };
}

export function lenientSeed(raw: unknown, log: ProblemLog): number {
  if (raw === undefined) return DEFAULT_SEED;
  return validateRepairing(SeedSchema, raw, 'seed', log, () => 'fatal', 'using the default') ?? DEFAULT_SEED;
}

export function lenientView(raw: unknown, log: ProblemLog): Experiment['view'] {
  if (raw === undefined) return undefined;
  const cand = isObject(raw) ? pickKnown(raw, ['x', 'y'], 'view', log) : raw;
  return validateRepairing(ViewSchema, cand, 'view', log, () => 'fatal', "using the surface's default window");
}
