// Reading untrusted objects (parsed JSON, or what the link reader built) without letting a key
// such as "__proto__" or "constructor" reach an assignment or a prototype lookup.
import * as v from 'valibot';
import { LIMITS } from '../limits';
import { printableName, quote } from '../printable';
import { ProblemLog, issueKeys, issueMessage, issuePath, joinPath } from './problems';

export type Obj = Record<string, unknown>;

export function isObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * A fresh object holding only the `known` keys of `input`: others are reported as unknown and
 * left behind. Only own properties count, so an inherited `constructor` is never read.
 */
export function pickKnown(input: Obj, known: readonly string[], path: string, log: ProblemLog): Obj {
  const out: Obj = {};
  for (const key of Object.keys(input)) {
    if (known.includes(key)) out[key] = clampDepth(input[key], MAX_DEPTH);
    else log.add(joinPath(path, printableName(key)), `unknown field ${quote(key)}`);
  }
  return out;
}

// Deep and long enough for every legitimate value (runs[i].params.betas[0] is 4 containers
// deep) and for every length limit of the schema to still fire (8 runs, 4 layers, a start of
// up to 1,000 numbers: one more, so that its length check fires). The copy is never larger than
// the input, which the decoders cap (MAX_LINK_LENGTH, MAX_JSON_LENGTH).
const MAX_DEPTH = 5;
const MAX_ITEMS = LIMITS.functionDim.max + 1;
const MAX_KEYS = 64;

/**
 * A copy of `x` at most `depth` levels deep, with short arrays: the schema quotes bad values in
 * its messages (bounded by printable.ts's quote), and what the lenient parts walk stays small
 * however hostile the nesting. What is cut becomes null, which the schema rejects as it would
 * have rejected the original. Copied objects have no prototype, so any key is a plain data key.
 */
export function clampDepth(x: unknown, depth: number): unknown {
  if (typeof x !== 'object' || x === null) return x;
  if (depth <= 0) return null;
  if (Array.isArray(x)) return x.slice(0, MAX_ITEMS).map((item) => clampDepth(item, depth - 1));
  const out = Object.create(null) as Obj;
  for (const key of Object.keys(x).slice(0, MAX_KEYS)) out[key] = clampDepth((x as Obj)[key], depth - 1);
  return out;
}

/** What to do about one issue: repair the candidate ('fixed') or give the whole part up ('fatal'). */
export type Repair = (keys: (string | number)[], issue: v.BaseIssue<unknown>) => 'fixed' | 'fatal';

/**
 * Validates `candidate` with `schema`, reporting each issue under `path`; `repair` removes or
 * defaults the offending field and validation runs again. Returns the schema's output, or
 * undefined when an issue is fatal (reported with `fatalNote` as its fallback). Each round
 * removes at least one field, so the loop is bounded by the number of fields.
 */
export function validateRepairing<T>(
  schema: v.GenericSchema<unknown, T>,
  candidate: unknown,
  path: string,
  log: ProblemLog,
  repair: Repair,
  fatalNote: string,
  fieldOf: (issue: v.BaseIssue<unknown>) => string = (issue) => joinPath(path, issuePath(issue)),
): T | undefined {
  for (let round = 0; round < 32; round++) {
    const result = v.safeParse(schema, candidate, { abortPipeEarly: true });
    if (result.success) return result.output;
    let fatal = false;
    for (const issue of result.issues) {
      const verdict = repair(issueKeys(issue), issue);
      log.add(fieldOf(issue), issueMessage(issue), verdict === 'fatal' ? fatalNote : undefined);
      if (verdict === 'fatal') fatal = true;
    }
    if (fatal) return undefined;
  }
  return undefined;
}
