// Reading the CLI's experiment argument: a JSON string, a path to a .json file, or a share link
// (a whole URL `http://host/#v=1&...`, or its hash `#v=1&...` / `v=1&...`).
// A link is read strictly here: the app loads what it can of a damaged link, but a headless run
// must not silently run something other than what was asked, so any link problem is an error.
import { existsSync, readFileSync } from 'node:fs';
import { decodeExperimentDetailed } from '../experiment/link/decode';

export type InputResult = { ok: true; value: unknown } | { ok: false; message: string };

const looksLikeUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

export function readExperimentArg(arg: string): InputResult {
  const text = arg.trim();
  if (text.startsWith('{')) return parseJson(text, 'the experiment argument');
  if (looksLikeUrl(text) || text.startsWith('#')) return readLink(text);
  if (existsSync(text)) {
    let content: string;
    try {
      content = readFileSync(text, 'utf8');
    } catch (e) {
      return { ok: false, message: `cannot read ${text}: ${(e as Error).message}` };
    }
    return parseJson(content, text);
  }
  if (text.startsWith('v=')) return readLink(text);
  return { ok: false, message: `"${text.slice(0, 80)}" is neither JSON, an existing .json file, nor a share link` };
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

function parseJson(text: string, where: string): InputResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `${where} is not valid JSON: ${(e as Error).message}` };
  }
}
