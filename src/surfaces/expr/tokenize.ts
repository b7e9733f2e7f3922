// Splits an expression into tokens, each with its 1-based column (in UTF-16 code units, as the
// text input's caret counts them). `**` is read as `^`, for people used to Python or JavaScript.
// A refusal quotes the user's text through src/experiment/printable.ts: a literal cut to a few
// dozen characters, a control or bidi character escaped (it would garble a terminal or the page).
import { clip, printable, QUOTE_MAX } from '../../experiment/printable';
import type { BinaryOp } from './ast';

export type Token =
  | { kind: 'number'; value: number; text: string; column: number }
  | { kind: 'name'; text: string; column: number }
  | { kind: 'operator'; op: BinaryOp; text: string; column: number }
  | { kind: '(' | ')' | ','; text: string; column: number }
  | { kind: 'end'; text: string; column: number };

export type TokenizeResult =
  | { ok: true; tokens: Token[] }
  | { ok: false; message: string; column: number };

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isNameStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNamePart = (c: string): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** End index of a number literal starting at `start`: digits, optional fraction, optional exponent. */
function scanNumber(text: string, start: number): number {
  let i = start;
  while (i < text.length && isDigit(text[i])) i++;
  if (text[i] === '.') {
    i++;
    while (i < text.length && isDigit(text[i])) i++;
  }
  // An exponent only when digits follow, so that "2e" stays the number 2 and the constant e
  // (which the parser then reports as a missing operator) rather than a malformed number.
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (isDigit(text[j] ?? '')) {
      while (j < text.length && isDigit(text[j])) j++;
      i = j;
    }
  }
  return i;
}

export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const column = i + 1;
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      const end = scanNumber(text, i);
      const literal = text.slice(i, end);
      const value = Number(literal);
      if (!Number.isFinite(value)) return { ok: false, message: `number too large '${clip(literal, QUOTE_MAX)}' at column ${column}`, column };
      tokens.push({ kind: 'number', value, text: literal, column });
      i = end;
    } else if (isNameStart(c)) {
      let end = i + 1;
      while (end < text.length && isNamePart(text[end])) end++;
      tokens.push({ kind: 'name', text: text.slice(i, end), column });
      i = end;
    } else if (c === '*' && text[i + 1] === '*') {
      tokens.push({ kind: 'operator', op: '^', text: '**', column });
      i += 2;
    } else if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      tokens.push({ kind: 'operator', op: c, text: c, column });
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, column });
      i++;
    } else {
      const shown = String.fromCodePoint(text.codePointAt(i) ?? 0);
      return { ok: false, message: `unexpected character '${printable(shown)}' at column ${column}`, column };
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return { ok: true, tokens };
}
