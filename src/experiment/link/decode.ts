// decodeExperiment: any string -> a valid Experiment and the list of what was rejected.
// Lenient and total: it never throws, and its work is linear in the input, which is capped.
import { defaultExperiment } from '../defaults';
import type { CensusSettings } from '../census';
import type { DimFigureSettings } from '../dimFigures';
import type { EscapeSettings } from '../escape';
import type { BatchSettings } from '../maps';
import type { View3dSettings } from '../view3d';
import { planeChoiceProblem, type PlaneChoice } from '../plane';
import { PLANE_FALLBACK } from './plane';
import type { ChartXAxis, Experiment } from '../types';
import { lenientExperiment } from './lenient';
import { CURRENT_LINK_VERSION, migrateLink, parseVersion, unknownMessage, type LinkField } from './migrations';
import { ProblemLog, USE_DEFAULT, type DetailedProblem, type LinkProblem } from './problems';
import { NETWORK_KEYS, RUN_OPTION_KEYS } from './format';
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
  /** The charts' x axis (`xaxis=`), when the link has a valid one. */
  chartX?: ChartXAxis;
  /** The escape-time distribution's settings (`escape=`), when the link has them (sanitized). */
  escape?: EscapeSettings;
  /** The 2D / 3D layout, heights and camera (`view3d=`), when the link has them (sanitized). */
  view3d?: View3dSettings;
  /** The network census's settings (`census=`), when the link has them (sanitized). */
  census?: CensusSettings;
  /** The settings of escape time against d (`dimfig=`), when the link has them (sanitized). */
  dimfig?: DimFigureSettings;
  /** A function problem's drawing plane (`plane=`), when the link has one that fits the problem. */
  plane?: PlaneChoice;
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
    // A function problem's runs may carry starts of up to 1,000 numbers each: those experiments travel as JSON files.
    log.add('', `link too long (${hash.length} characters; at most ${MAX_LINK_LENGTH}: long start lists of a function problem go in a JSON file instead)`, USE_DEFAULT);
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
  // readLinkV1 gives only the settings the link has (no undefined fields); the plane is checked against the problem.
  const { raw, plane: planeRead, ...settings } = readLinkV1(migrated.fields, log);
  const experiment = lenientExperiment(raw, log);
  const plane = planeRead && fittingPlane(planeRead, experiment, log);
  return { experiment, ...settings, ...(plane === undefined ? {} : { plane }) };
}

/** The link's plane where the problem it loaded is a function problem that has those coordinates. */
function fittingPlane(plane: PlaneChoice, experiment: Experiment, log: ProblemLog): PlaneChoice | undefined {
  const p = experiment.problem;
  if (p.kind !== 'function') {
    log.add('plane', 'belongs to a function problem, which needs fn=<function id>', 'ignored');
    return undefined;
  }
  const problem = planeChoiceProblem(plane, p.dim);
  if (problem === null) return plane;
  log.add('plane', problem, PLANE_FALLBACK);
  return undefined;
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

// The link's own key for each Experiment field, read off the format's tables (format.ts).
const byField = (table: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(table).map(([key, field]) => [field, key]));
const RUN_ITEM_OF_FIELD = byField(RUN_OPTION_KEYS);
const NETWORK_KEY_OF_FIELD = byField(NETWORK_KEYS);
const TOP_KEY_OF_FIELD: Record<string, string> = { 'problem.id': 'surface', 'problem.expr': 'expr', 'problem.regularization': 'reg', 'stop.maxSteps': 'steps', 'stop.gradTol': 'tol', atStep: 't', 'problem.kind': 'surface', problem: 'surface', stop: 'steps', runs: 'r0' };

/**
 * Where a problem of a decoded link sits in the link itself, for a person looking at the link:
 * `runs[0].params.lr` -> `r0 lr`, `runs[1].start` -> `r1 start`, `stop.gradTol` -> `tol`,
 * `atStep` -> `t`, `problem.dataset` -> `data`. A field that already is a link key (an unknown
 * key, `seed`, `view`) is returned as it is. The decoder's own fields stay Experiment paths, as
 * the JSON import's do (fixtures/links/v1.json pins them); this is only how a notice names them.
 */
export function linkKey(field: string): string {
  const run = /^runs\[(\d+)\](?:\.(\w+))?(?:\.([^.[]+))?/.exec(field);
  if (run) {
    const [, index, part, sub] = run;
    if (part === undefined || part === 'optimizer' || (part === 'params' && sub === undefined)) return `r${index}`;
    if (part === 'params') return `r${index} ${sub}`;
    return `r${index} ${RUN_ITEM_OF_FIELD[part] ?? part}`;
  }
  const reg = /^problem\.regularization\.(.+)$/.exec(field);
  if (reg) return `reg ${reg[1]}`;
  const network = /^problem\.(\w+)/.exec(field);
  if (network && Object.hasOwn(NETWORK_KEY_OF_FIELD, network[1])) return NETWORK_KEY_OF_FIELD[network[1]];
  const top = field.replace(/^(view|maps)[.[].*$/, '$1');
  return Object.hasOwn(TOP_KEY_OF_FIELD, top) ? TOP_KEY_OF_FIELD[top] : top;
}
