// The Experiment as a JSON file: export pretty-printed, import as leniently as a link.
import { defaultExperiment } from '../defaults';
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
}

export function exportExperimentJson(exp: Experiment): string {
  return JSON.stringify(exp, null, 2) + '\n';
}

function importInner(text: string, log: ProblemLog): Experiment {
  if (typeof text !== 'string' || text.trim() === '') {
    log.add('', 'the file is empty', USE_DEFAULT);
    return defaultExperiment();
  }
  if (text.length > MAX_JSON_LENGTH) {
    log.add('', `the file is too large (${text.length} characters; at most ${MAX_JSON_LENGTH})`, USE_DEFAULT);
    return defaultExperiment();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    log.add('', `not valid JSON (${e instanceof Error ? e.message : String(e)})`, USE_DEFAULT);
    return defaultExperiment();
  }
  if (!isObject(data)) {
    log.add('', 'an experiment must be a JSON object', USE_DEFAULT);
    return defaultExperiment();
  }
  const version = Object.hasOwn(data, 'v') ? data.v : undefined;
  if (version === undefined) log.add('v', 'is required', `read as version ${CURRENT_LINK_VERSION}`);
  else if (version !== CURRENT_LINK_VERSION) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > CURRENT_LINK_VERSION;
    const shown = typeof version === 'string' ? version : JSON.stringify(version) ?? String(version);
    log.add('v', newer ? newerMessage('experiment', version) : unknownMessage('experiment', shown), USE_DEFAULT);
    return defaultExperiment();
  }
  return lenientExperiment(data, log);
}

/** Lenient and total, as decodeExperiment: always a valid Experiment, and what was rejected. */
export function importExperimentJson(text: string): ImportedExperiment {
  const log = new ProblemLog();
  try {
    return { experiment: importInner(text, log), problems: log.result() };
  } catch (e) {
    const fallback = new ProblemLog();
    fallback.add('', `cannot read the file (${e instanceof Error ? e.message : String(e)})`, USE_DEFAULT);
    return { experiment: defaultExperiment(), problems: fallback.result() };
  }
}
