// decodeExperiment: any string -> a valid Experiment and the list of what was rejected.
// Lenient and total: it never throws, and its work is linear in the input, which is capped.
import { defaultExperiment } from '../defaults';
import type { BatchSettings } from '../maps';
import type { View3dSettings } from '../view3d';
import type { Experiment } from '../types';
import { lenientExperiment } from './lenient';
import { CURRENT_LINK_VERSION, migrateLink, parseVersion, unknownMessage, type LinkField } from './migrations';
import { ProblemLog, USE_DEFAULT, type DetailedProblem, type LinkProblem } from './problems';
import { readLinkV1 } from './read';
import { unescapeText } from './percent';
import { printable } from '../printable';

/** Longer input is refused whole: a real link is at most a few thousand characters. */
export const MAX_LINK_LENGTH = 20_000;

export interface DecodedLink {
  experiment: Experiment;
  /** What was rejected and why; empty when the link was read entirely. */
  problems: LinkProblem[];
  /** The step the link points at (`t=`), when it has a valid one. */
  atStep?: number;
  /** The basin and sweep maps' settings (`maps=`), when the link has them (sanitized). */
  maps?: BatchSettings;
  /** The 2D / 3D layout, heights and camera (`view3d=`), when the link has them (sanitized). */
  view3d?: View3dSettings;
}

/**
 * The link's hash from a whole URL (`http://host/#v=1...`), `location.hash` (`#v=1...`) or the
 * bare hash (`v=1...`). Only a URL is cut at its first '#': in a bare hash, a '#' typed by hand
 * belongs to a value (the encoder itself always escapes it).
 */
export function hashOf(input: string): string {
  const text = input.trim();
  if (text.startsWith('#')) return text.slice(1).trim();
  const at = text.indexOf('#');
  return at >= 0 && /^[a-z][a-z0-9+.-]*:/i.test(text) ? text.slice(at + 1).trim() : text;
}

export function splitFields(hash: string): LinkField[] {
  const fields: LinkField[] = [];
  for (const part of hash.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    fields.push(eq < 0 ? { key: part, value: '' } : { key: part.slice(0, eq), value: part.slice(eq + 1) });
  }
  return fields;
}

function decode(input: string, log: ProblemLog): Omit<DecodedLink, 'problems'> {
  const hash = hashOf(typeof input === 'string' ? input : '');
  if (hash === '') return { experiment: defaultExperiment() };
  if (hash.length > MAX_LINK_LENGTH) {
    log.add('', `link too long (${hash.length} characters; at most ${MAX_LINK_LENGTH})`, USE_DEFAULT);
    return { experiment: defaultExperiment() };
  }
  const fields = splitFields(hash);
  const versionField = fields.find((f) => unescapeText(f.key) === 'v');
  let version = CURRENT_LINK_VERSION;
  if (versionField === undefined) {
    log.add('v', 'is required', `read as version ${CURRENT_LINK_VERSION}`);
  } else {
    // Compared decoded, as every other value: `v=%31` is version 1.
    const token = unescapeText(versionField.value);
    const parsed = parseVersion(token);
    if (parsed === undefined) {
      log.add('v', unknownMessage('link', token), USE_DEFAULT);
      return { experiment: defaultExperiment() };
    }
    version = parsed;
  }
  const migrated = migrateLink(version, fields);
  if (!migrated.ok) {
    log.add('v', migrated.message, USE_DEFAULT);
    return { experiment: defaultExperiment() };
  }
  const { raw, atStep, maps, view3d } = readLinkV1(migrated.fields, log);
  const experiment = lenientExperiment(raw, log);
  return { experiment, ...(atStep === undefined ? {} : { atStep }), ...(maps === undefined ? {} : { maps }), ...(view3d === undefined ? {} : { view3d }) };
}

function decodeLogged(hash: string): { out: Omit<DecodedLink, 'problems'>; log: ProblemLog } {
  const log = new ProblemLog();
  try {
    return { out: decode(hash, log), log };
  } catch (e) {
    // Not expected to happen; the promise to the store is that a link never breaks the page.
    const fallback = new ProblemLog();
    fallback.add('', `cannot read the link (${e instanceof Error ? e.message : String(e)})`, USE_DEFAULT);
    return { out: { experiment: defaultExperiment() }, log: fallback };
  }
}

// Problems quote the link (keys, values): printable, whether they go to a terminal or the page.
const printableProblem = <P extends { field: string; message: string }>(p: P): P => ({ ...p, field: printable(p.field), message: printable(p.message) });

/** Lenient and total: never throws; each problem's message ends with what was used instead. */
export function decodeExperiment(hash: string): DecodedLink {
  const { out, log } = decodeLogged(hash);
  return { ...out, problems: log.result().map(printableProblem) };
}

/** As decodeExperiment, with each problem's fallback apart (for the CLI, which refuses instead). */
export function decodeExperimentDetailed(hash: string): Omit<DecodedLink, 'problems'> & { problems: DetailedProblem[] } {
  const { out, log } = decodeLogged(hash);
  return { ...out, problems: log.detailed().map(printableProblem) };
}
