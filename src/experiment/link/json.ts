// The Experiment as a JSON file: export pretty-printed, import as leniently as a link. A file
// that is no experiment at all (not JSON, not an object, neither problem nor runs, an unknown
// version) is refused whole: the import says so and the caller keeps what it had.
import { defaultExperiment } from '../defaults';
import { printable, quote } from '../printable';
import type { Experiment } from '../types';
import { lenientExperiment } from './lenient';
import { CURRENT_LINK_VERSION, newerMessage, unknownMessage } from './migrations';
import { ProblemLog, USE_DEFAULT, type LinkProblem } from './problems';
import { isObject } from './untrusted';

/**
 * A JSON experiment is a few kilobytes, or a few hundred with the starts of a function problem
 * (8 runs x 1,000 numbers, pretty-printed: under 300,000 characters at worst; roundtrip.test.ts
 * builds that case); far larger text is refused rather than parsed.
 */
export const MAX_JSON_LENGTH = 400_000;

export interface ImportedExperiment {
  experiment: Experiment;
  problems: LinkProblem[];
  /**
   * Set when the file was refused whole ("not a Saddlepoint experiment: not valid JSON (...)"):
   * `experiment` is then only the default, and a caller that has an experiment keeps its own.
   */
  refused?: string;
}

export function exportExperimentJson(exp: Experiment): string {
  return JSON.stringify(exp, null, 2) + '\n';
}

const REFUSED = 'not a Saddlepoint experiment';

/** Why `text` is not an experiment at all, or its data to read leniently. */
function readData(text: string): { ok: true; data: Record<string, unknown> } | { ok: false; why: string } {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, why: 'the file is empty' };
  if (text.length > MAX_JSON_LENGTH) return { ok: false, why: `the file is too large (${text.length} characters; at most ${MAX_JSON_LENGTH})` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the file ("Unexpected token 'h', "hello world" is not valid JSON"):
    // made printable with every other message, below.
    return { ok: false, why: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isObject(data)) return { ok: false, why: 'an experiment must be a JSON object' };
  if (!Object.hasOwn(data, 'problem') && !Object.hasOwn(data, 'runs')) return { ok: false, why: 'it has neither "problem" nor "runs"' };
  return { ok: true, data };
}

function importInner(text: string, log: ProblemLog): { experiment: Experiment; refused?: string } {
  const read = readData(text);
  if (!read.ok) {
    log.add('', read.why, USE_DEFAULT);
    return { experiment: defaultExperiment(), refused: `${REFUSED}: ${read.why}` };
  }
  const { data } = read;
  const version = Object.hasOwn(data, 'v') ? data.v : undefined;
  if (version === undefined) log.add('v', 'is required', `read as version ${CURRENT_LINK_VERSION}`);
  else if (version !== CURRENT_LINK_VERSION) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > CURRENT_LINK_VERSION;
    // A string version is quoted by unknownMessage; anything else quoted here (bounded). The
    // whole message goes through printable below.
    const shown = typeof version === 'string' ? version : quote(version);
    const why = newer ? newerMessage('experiment', version) : unknownMessage('experiment', shown);
    log.add('v', why, USE_DEFAULT);
    return { experiment: defaultExperiment(), refused: `${REFUSED}: ${why}` };
  }
  return { experiment: lenientExperiment(data, log) };
}

// Problems quote the file: printable, whether they go to a terminal or the page (as decode.ts).
const printableProblem = (p: LinkProblem): LinkProblem => ({ field: printable(p.field), message: printable(p.message) });

/** Lenient and total, as decodeExperiment: always a valid Experiment, and what was rejected. */
export function importExperimentJson(text: string): ImportedExperiment {
  const log = new ProblemLog();
  try {
    const { experiment, refused } = importInner(text, log);
    const problems = log.result().map(printableProblem);
    return refused === undefined ? { experiment, problems } : { experiment, problems, refused: printable(refused) };
  } catch (e) {
    const why = `cannot read the file (${printable(e instanceof Error ? e.message : String(e))})`;
    const fallback = new ProblemLog();
    fallback.add('', why, USE_DEFAULT);
    return { experiment: defaultExperiment(), problems: fallback.result(), refused: `${REFUSED}: ${why}` };
  }
}
