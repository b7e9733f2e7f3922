// Reading the fields of a current-version link into untrusted data shaped like an Experiment.
// This layer only knows the link's syntax; whether a value is allowed is the schema's business
// (lenient.ts). Objects built from link names have no prototype, so "__proto__" is just a name.
import * as v from 'valibot';
import { DEFAULT_STOP } from '../defaults';
import { LIMITS } from '../limits';
import type { CensusSettings } from '../census';
import type { DimFigureSettings } from '../dimFigures';
import type { EscapeSettings } from '../escape';
import type { BatchSettings } from '../maps';
import { CHART_X_AXES, type ChartXAxis } from '../types';
import type { View3dSettings } from '../view3d';
import type { PlaneChoice } from '../plane';
import { printableName, quote } from '../printable';
import { num } from '../schema';
import { EMPTY_PARAMS_ITEM, FUNCTION_KEYS, NETWORK_KEYS, RUN_KEY, RUN_OPTION_KEYS, SCHEDULE_SLOTS, TOP_KEYS } from './format';
import type { LinkField } from './migrations';
import { parseNumber, parseNumberList, parseParamValue } from './numbers';
import { readCensus } from './census';
import { readDimfig } from './dimfig';
import { readEscape } from './escape';
import { readMaps } from './maps';
import { readView3d } from './view3d';
import { readPlane } from './plane';
import { unescapeText } from './percent';
import { ProblemLog, issueMessage } from './problems';
import type { Obj } from './untrusted';

const dict = (): Obj => Object.create(null) as Obj;
const has = (o: object, key: string) => Object.hasOwn(o, key);
const AtStepSchema = num(0, LIMITS.maxSteps.max, { integer: true });

export interface ReadLink {
  raw: Obj;
  atStep?: number;
  maps?: BatchSettings;
  chartX?: ChartXAxis;
  escape?: EscapeSettings;
  view3d?: View3dSettings;
  census?: CensusSettings;
  dimfig?: DimFigureSettings;
  plane?: PlaneChoice;
}

function readChartX(value: string, log: ProblemLog): ChartXAxis | undefined {
  const name = unescapeText(value);
  if ((CHART_X_AXES as readonly string[]).includes(name)) return name as ChartXAxis;
  log.add('xaxis', `unknown value ${quote(name)}; expected one of ${CHART_X_AXES.join(', ')}`, 'using steps');
  return undefined;
}

function readSchedule(value: string, path: string, log: ProblemLog): unknown {
  const [kind, ...values] = value.split(';');
  const name = unescapeText(kind);
  const slots: readonly string[] | undefined = has(SCHEDULE_SLOTS, name) ? SCHEDULE_SLOTS[name as keyof typeof SCHEDULE_SLOTS] : undefined;
  if (slots === undefined) return { kind: name }; // the schema names the allowed kinds
  if (values.length > slots.length) {
    log.add(path, `the ${name} schedule takes ${slots.length} values (${slots.join(', ') || 'none'}), got ${values.length}`, 'schedule dropped');
    return undefined;
  }
  const out: Obj = { kind: name };
  slots.forEach((slot, i) => {
    if (i < values.length) out[slot] = parseNumber(values[i]);
  });
  return out;
}

function readRun(value: string, path: string, log: ProblemLog): Obj {
  const [first, ...items] = value.split(',');
  const run = dict();
  run.optimizer = unescapeText(first);
  for (const item of items) {
    const colon = item.indexOf(':');
    if (colon < 0) {
      if (item === EMPTY_PARAMS_ITEM) run.params ??= dict();
      else if (item !== '') log.add(path, `item ${quote(unescapeText(item))} has no value (expected name:value)`);
      continue;
    }
    const name = unescapeText(item.slice(0, colon));
    const text = item.slice(colon + 1);
    if (has(RUN_OPTION_KEYS, name)) {
      const field = RUN_OPTION_KEYS[name as keyof typeof RUN_OPTION_KEYS];
      if (has(run, field)) {
        log.add(`${path}.${field}`, 'given twice', 'the first value is used');
        continue;
      }
      if (field === 'start') run.start = parseNumberList(text);
      else if (field === 'label') run.label = unescapeText(text);
      else if (field === 'schedule') {
        const schedule = readSchedule(text, `${path}.schedule`, log);
        if (schedule !== undefined) run.schedule = schedule;
      } else run[field] = parseNumber(text);
      continue;
    }
    const params = (run.params ??= dict()) as Obj;
    if (has(params, name)) log.add(`${path}.params.${printableName(name)}`, 'given twice', 'the first value is used');
    else params[name] = parseParamValue(text);
  }
  return run;
}

/** `name:value;name:value` terms (regularization, a function's parameters) at `path`. */
function readTerms(value: string, path: string, shape: string, log: ProblemLog): Obj {
  const out = dict();
  for (const item of value.split(';')) {
    if (item === '') continue;
    const colon = item.indexOf(':');
    const name = unescapeText(colon < 0 ? item : item.slice(0, colon));
    if (colon < 0) log.add(path, `item ${quote(name)} has no value (expected ${shape})`);
    else if (has(out, name)) log.add(`${path}.${printableName(name)}`, 'given twice', 'the first value is used');
    else out[name] = parseNumber(item.slice(colon + 1));
  }
  return out;
}

function readView(value: string, log: ProblemLog): unknown {
  const xs = parseNumberList(value);
  if (xs.length !== 4) {
    log.add('view', `must be 4 numbers x0;x1;y0;y1 (got ${xs.length})`, "using the surface's default window");
    return undefined;
  }
  return { x: [xs[0], xs[1]], y: [xs[2], xs[3]] };
}

function readAtStep(value: string, log: ProblemLog): number | undefined {
  const result = v.safeParse(AtStepSchema, parseNumber(value), { abortPipeEarly: true });
  if (result.success) return result.output;
  log.add('atStep', issueMessage(result.issues[0]), 'ignored');
  return undefined;
}

/** The link's fields (version key excluded) -> raw experiment data and the optional step. */
export function readLinkV1(fields: LinkField[], log: ProblemLog): ReadLink {
  const seen = new Set<string>();
  const runs = new Map<number, Obj>();
  const problem = dict();
  /** The function-problem keys apart: `fn` fills problem.id, as `surface` does. */
  const fn = dict();
  const raw = dict();
  let atStep: number | undefined;
  let maps: BatchSettings | undefined;
  let chartX: ChartXAxis | undefined;
  let escape: EscapeSettings | undefined;
  let view3d: View3dSettings | undefined;
  let census: CensusSettings | undefined;
  let dimfig: DimFigureSettings | undefined;
  let plane: PlaneChoice | undefined;
  for (const { key: rawKey, value } of fields) {
    const key = unescapeText(rawKey);
    if (seen.has(key)) {
      log.add(printableName(key), 'given twice in the link', 'the first value is used');
      continue;
    }
    seen.add(key);
    const run = RUN_KEY.exec(key);
    if (run) {
      const index = Number(run[1]);
      if (index >= LIMITS.runs.max) log.add(`runs[${index}]`, `at most ${LIMITS.runs.max} runs (r0 .. r${LIMITS.runs.max - 1})`, 'run dropped');
      else runs.set(index, readRun(value, `runs[${index}]`, log));
      continue;
    }
    if (!has(TOP_KEYS, key)) {
      log.add(printableName(key), `unknown link field ${quote(key)}`);
      continue;
    }
    switch (key as keyof typeof TOP_KEYS) {
      case 'surface': problem.id = unescapeText(value); break;
      case 'expr': problem.expr = unescapeText(value); break;
      case 'reg': problem.regularization = readTerms(value, 'problem.regularization', 'l1:a;l2:b', log); break;
      case 'fn': fn.id = unescapeText(value); break;
      case 'dim': fn.dim = parseNumber(value); break;
      case 'fp': fn.params = readTerms(value, 'problem.params', 'name:value;name:value', log); break;
      case 'data': case 'act': problem[NETWORK_KEYS[key as 'data']] = unescapeText(value); break;
      case 'samples': case 'noise': case 'batch': problem[NETWORK_KEYS[key as 'samples']] = parseNumber(value); break;
      case 'hidden': problem.hidden = parseNumberList(value); break;
      case 'steps': ((raw.stop ??= dict()) as Obj).maxSteps = parseNumber(value); break;
      case 'tol': ((raw.stop ??= dict()) as Obj).gradTol = parseNumber(value); break;
      case 'rho': ((raw.stop ??= dict()) as Obj).secondOrder = Object.assign(dict(), { rho: parseNumber(value) }); break;
      case 'evals': ((raw.stop ??= dict()) as Obj).maxEvals = parseNumber(value); break;
      case 'seed': raw.seed = parseNumber(value); break;
      case 'view': raw.view = readView(value, log); break;
      case 't': atStep = readAtStep(value, log); break;
      case 'maps': maps = readMaps(value, log); break;
      case 'xaxis': chartX = readChartX(value, log); break;
      case 'escape': escape = readEscape(value, log); break;
      case 'view3d': view3d = readView3d(value, log); break;
      case 'census': census = readCensus(value, log); break;
      case 'dimfig': dimfig = readDimfig(value, log); break;
      case 'plane': plane = readPlane(value, log); break;
      case 'v': break; // read by the caller
    }
  }
  // The kind follows the keys present: a surface key wins; the other kind's keys are then
  // reported by the schema step as unknown fields of the problem.
  const isSurface = has(problem, 'id') || has(problem, 'expr');
  const isNetwork = Object.values(NETWORK_KEYS).some((k) => has(problem, k));
  const isFunction = has(fn, 'id');
  if (isFunction && !isSurface && !isNetwork) raw.problem = Object.assign(dict(), { kind: 'function' }, fn, problem);
  else {
    // Without `fn`, or beside another kind's keys, the function keys have no problem to go to.
    for (const [key, field] of Object.entries(FUNCTION_KEYS)) {
      if (has(fn, field)) log.add(key, isFunction ? 'a link has one problem: fn= goes with neither surface/expr nor network keys' : 'belongs to a function problem, which needs fn=<function id>', 'ignored');
    }
    if (isSurface || isNetwork) raw.problem = Object.assign(dict(), { kind: isSurface ? 'surface' : 'network' }, problem);
    else if (has(problem, 'regularization')) raw.problem = problem; // regularization alone: no problem kind
  }
  if (runs.size > 0) raw.runs = [...runs.keys()].sort((a, b) => a - b).map((i) => runs.get(i));
  // A link may leave out half of the stop rule: the other half is its default, not an error.
  if (raw.stop) raw.stop = { ...DEFAULT_STOP, ...(raw.stop as Obj) };
  return {
    raw,
    ...(atStep === undefined ? {} : { atStep }),
    ...(maps === undefined ? {} : { maps }),
    ...(chartX === undefined ? {} : { chartX }),
    ...(escape === undefined ? {} : { escape }),
    ...(view3d === undefined ? {} : { view3d }),
    ...(census === undefined ? {} : { census }),
    ...(dimfig === undefined ? {} : { dimfig }),
    ...(plane === undefined ? {} : { plane }),
  };
}
