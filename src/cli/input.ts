// Reading the CLI's experiment argument: a JSON string, a path to a .json file, or a share URL.
import { existsSync, readFileSync } from 'node:fs';

export type InputResult = { ok: true; value: unknown } | { ok: false; message: string };

export function readExperimentArg(arg: string): InputResult {
  const text = arg.trim();
  if (text.startsWith('{')) return parseJson(text, 'the experiment argument');
  if (existsSync(text)) {
    let content: string;
    try {
      content = readFileSync(text, 'utf8');
    } catch (e) {
      return { ok: false, message: `cannot read ${text}: ${(e as Error).message}` };
    }
    return parseJson(content, text);
  }
  return { ok: false, message: `"${text.slice(0, 80)}" is neither JSON, an existing .json file, nor a share link` };
}

function parseJson(text: string, where: string): InputResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `${where} is not valid JSON: ${(e as Error).message}` };
  }
}
