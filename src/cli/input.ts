// Reading the CLI's experiment argument: a JSON string, a path to a .json file, or a share link
// (a whole URL `http://host/#v=1&...`, or its hash `#v=1&...` / `v=1&...`).
// A link is read strictly here: the app loads what it can of a damaged link, but a headless run
// must not silently run something other than what was asked, so any link problem is an error.
// Input is hostile until read: a file is read only if it is a regular file of at most
// MAX_JSON_LENGTH bytes (the browser import's limit), JSON deeper than an experiment can be is
// refused before anything walks it, and every message quotes input through printable.ts.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { decodeExperimentDetailed } from '../experiment/link/decode';
import { MAX_JSON_LENGTH } from '../experiment/link/json';
import { printableLine, printableName, quote } from '../experiment/printable';

export type InputResult = { ok: true; value: unknown } | { ok: false; message: string };
type TextResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * An experiment is 5 containers deep (root, runs, a run, its params, betas); anything much deeper
 * is not an experiment, and is refused before a validator or a message walks it.
 */
export const MAX_JSON_DEPTH = 16;

const ARGUMENT = 'the experiment argument';
const looksLikeUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
const looksLikeJson = (text: string) => text.startsWith('{') || text.startsWith('[');

export function readExperimentArg(arg: string): InputResult {
  const text = arg.trim();
  if (looksLikeJson(text)) return parseJson(text, ARGUMENT);
  if (looksLikeUrl(text) || text.startsWith('#')) return readLink(text);
  const stats = statOf(text);
  if (stats !== undefined) {
    const content = readCapped(text, stats);
    return content.ok ? parseJson(content.text, printableName(text)) : content;
  }
  if (text.startsWith('v=')) return readLink(text);
  // `42`, `"x"`, `null`: JSON, but not an experiment; parseJson says which.
  if (text.length <= MAX_JSON_LENGTH && isJson(text)) return parseJson(text, ARGUMENT);
  return { ok: false, message: `${quote(text)} is neither JSON, an existing .json file, nor a share link` };
}

function readLink(text: string): InputResult {
  if (looksLikeUrl(text) && !text.includes('#')) {
    return { ok: false, message: 'the share URL has no experiment after "#" (expected http://host/#v=1&...)' };
  }
  const { experiment, problems } = decodeExperimentDetailed(text);
  if (problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    const where = first.field ? `${first.field}: ` : '';
    return { ok: false, message: `share link: ${where}${first.message}${more}` };
  }
  return { ok: true, value: experiment };
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // a name too long for a path, say: not a file
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The file's text, read with a cap: only a regular file (a device such as /dev/zero or a pipe
 * never ends), of at most MAX_JSON_LENGTH bytes. The file is opened non-blocking, as a pipe
 * with no writer would block the open itself, and checked again once open.
 */
function readCapped(path: string, stats: Stats): TextResult {
  const name = printableName(path);
  const refuse = (s: Stats): TextResult | undefined => {
    if (!s.isFile()) return { ok: false, message: `${name} is ${kindOf(s)}, not a regular .json file` };
    if (s.size > MAX_JSON_LENGTH) return { ok: false, message: tooLarge(name, `${s.size} bytes`) };
    return undefined;
  };
  const before = refuse(stats);
  if (before) return before;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, message: `cannot read ${name} (${errorCode(e)})` };
  }
  try {
    const opened = refuse(fstatSync(fd));
    if (opened) return opened;
    const buffer = Buffer.alloc(MAX_JSON_LENGTH + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_JSON_LENGTH) return { ok: false, message: tooLarge(name, `more than ${MAX_JSON_LENGTH} bytes`) };
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (e) {
    return { ok: false, message: `cannot read ${name} (${errorCode(e)})` };
  } finally {
    closeSync(fd);
  }
}

const tooLarge = (name: string, size: string) => `${name} is too large (${size}; an experiment file is at most ${MAX_JSON_LENGTH})`;

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : printableLine(e instanceof Error ? e.message : String(e), 200);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What a JSON value that is not an object is, for the message. */
function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Whether `value` holds containers nested more than `max` deep; iterative, so any depth is safe. */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop() as [unknown, number];
    if (typeof x !== 'object' || x === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(x)) stack.push([child, depth + 1]);
  }
  return false;
}

function parseJson(text: string, where: string): InputResult {
  if (text.length > MAX_JSON_LENGTH) return { ok: false, message: tooLarge(where, `${text.length} characters`) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's message quotes a piece of the text: printable, and short.
    return { ok: false, message: `${where} is not valid JSON: ${printableLine((e as Error).message, 200)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = where === ARGUMENT ? 'the JSON' : `the JSON in ${where}`;
    return { ok: false, message: `${what} is ${jsonKind(value)}, not an experiment object` };
  }
  if (deeperThan(value, MAX_JSON_DEPTH)) {
    return { ok: false, message: `${where} is nested more than ${MAX_JSON_DEPTH} levels deep; an experiment is at most 5` };
  }
  return { ok: true, value };
}
