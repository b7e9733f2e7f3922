// The tokenizer's refusals quote what they refuse: a literal or a character straight from the
// user's text. Issue 14: a 400-digit literal was echoed whole, and U+202E (which reverses what a
// reader sees after it) or a control character was echoed raw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTE_MAX } from '../../experiment/printable';
import { tokenize } from './tokenize';

const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]*$/u;

function refusal(text: string): string {
  const r = tokenize(text);
  if (r.ok) throw new Error(`${JSON.stringify(text)} tokenized, expected a refusal`);
  return r.message;
}

describe('tokenize: refusals quote at most a short, printable part of the input', () => {
  it('cuts a number too large to about 60 characters', () => {
    const literal = '9'.repeat(400);
    expect(refusal(`x + ${literal}`)).toBe(`number too large '${'9'.repeat(QUOTE_MAX)}…' at column 5`);
  });

  it('quotes a short number too large whole', () => {
    expect(refusal('1e999')).toBe("number too large '1e999' at column 1");
  });

  it.each([
    ['x \u202E y', "unexpected character '\\u202e' at column 3"],
    ['x\u001b[2J', "unexpected character '\\u001b' at column 2"],
    ['x\u0000', "unexpected character '\\u0000' at column 2"],
    ['x\u2028y', "unexpected character '\\u2028' at column 2"],
    ['\uD800x', "unexpected character '\\ud800' at column 1"],
    ['x + \u00e9', "unexpected character '\u00e9' at column 5"],
  ])('escapes the unexpected character in %j', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('never gives a message that is long or not printable, whatever the text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('x', '+', '*', '(', ')', '1e', '.5', ' '),
      fc.integer({ min: 300, max: 500 }).map((n) => '9'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const r = tokenize(pieces.join(''));
        return r.ok || (PRINTABLE.test(r.message) && r.message.length <= 120);
      }),
      { numRuns: 200 },
    );
  });
});
