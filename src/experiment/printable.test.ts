import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, printable, printableName, QUOTE_MAX, quote, xmlText } from './printable';
import { parseXml, textContent, xmlReadBack as readBack } from './xml.testutil';

// Printable: no C0/C1 control, no format character (bidi, zero-width), no lone surrogate, no
// private use, no line or paragraph separator.
const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]*$/u;

const nested = (depth: number): unknown => {
  let x: unknown = 1;
  for (let i = 0; i < depth; i++) x = [x];
  return x;
};

describe('printable', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['\u001b[2J\nerror: all good', '\\u001b[2J\\nerror: all good'],
    ['nul\u0000', 'nul\\u0000'],
    ['abc\u202Edef', 'abc\\u202edef'],
    ['del\u007f c1\u0085', 'del\\u007f c1\\u0085'],
    ['\u2028\u2029\uFEFF\u200B', '\\u2028\\u2029\\ufeff\\u200b'],
    ['lone \uD800 surrogate', 'lone \\ud800 surrogate'],
    ['tag \u{E0041}', 'tag \\u{e0041}'],
  ])('escapes %j', (input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('leaves printable text, letters of any script and emoji alone', () => {
    for (const s of ['x^2 - y^2 + 0.1*sin(3*x)', 'Adam & co', 'é ü ñ 日本語 ∇f 😀', 'back\\slash "quoted"']) expect(printable(s)).toBe(s);
  });

  it('gives printable text for any string, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const p = printable(s);
        return PRINTABLE.test(p) && printable(p) === p;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('clip and printableName', () => {
  it('cut long text with an ellipsis, never inside a surrogate pair', () => {
    expect(clip('abcdef', 3)).toBe('abc…');
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('ab😀cd', 3)).toBe('ab…');
    expect(printableName('a\nb'.repeat(100))).toHaveLength(QUOTE_MAX + 1 + 20); // 20 newlines become two characters each
  });
});

describe('quote', () => {
  it('quotes short values as JSON.stringify does', () => {
    for (const x of ['nope', 'say "hi"', 42, -0.5, true, null, [1, 'a'], { a: 1, b: [2] }]) expect(quote(x)).toBe(JSON.stringify(x));
    expect(quote(undefined)).toBe('undefined');
    expect(quote(NaN)).toBe('NaN');
  });

  it('quotes at most about 60 characters of a long string', () => {
    const q = quote('a'.repeat(10_000_000));
    expect(q).toBe(`"${'a'.repeat(QUOTE_MAX)}…"`);
  });

  it('escapes what JSON.stringify leaves raw', () => {
    expect(quote('\u202E\u0085\u007f')).toBe('"\\u202e\\u0085\\u007f"');
    expect(quote({ 'a\nb': '\u0000' })).toBe('{"a\\nb":"\\u0000"}');
  });

  it('stops after about 60 characters however deep or wide the value (JSON.stringify overflows the stack)', () => {
    const deep = nested(1_000_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(quote(deep)).toBe('['.repeat(QUOTE_MAX) + '…');
    const wide = Array.from({ length: 1_000_000 }, () => ({ k: 'v' }));
    expect(quote(wide).length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(quote(wide)).toMatch(/^\[\{"k":"v"\},.*…$/);
  });

  it('is short and printable for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.string({ unit: 'binary' }), (x, s) => {
        const q = quote([s, x]);
        return PRINTABLE.test(q) && q.length <= 6 * QUOTE_MAX + 8;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('xmlText', () => {
  /** `s` in an element and in both kinds of attribute value, as an export writes it. */
  const document = (s: string) => `<t a="${xmlText(s)}" b='${xmlText(s)}'>${xmlText(s)}</t>`;
  const expectReadBack = (s: string) => {
    const t = parseXml(document(s));
    expect({ a: t.attributes.a, b: t.attributes.b, text: textContent(t) }).toEqual({ a: readBack(s), b: readBack(s), text: readBack(s) });
  };

  it('keeps markup as text: <, &, ]]>, quotes, tab, LF and CR read back as they were', () => {
    for (const s of ['a < b && c > d', ']]>', '<![CDATA[x]]>', '"double" \'single\'', '&amp; &#0; &lt', 'tab\tLF\nCR\rCRLF\r\n', '</t><t>']) {
      expectReadBack(s);
      expect(readBack(s)).toBe(s);
    }
  });

  it('writes every character XML cannot hold as an escape, and the file stays well-formed', () => {
    const controls = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
    const c1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i));
    for (const ch of [...controls, ...c1, '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF']) expectReadBack(`run ${ch} 1`);
    expect(xmlText('a\u001bb')).toBe('a\\u001bb');
    expect(xmlText('lone \uD83D here, pair \uD83D\uDE00')).toBe('lone \\ud83d here, pair \u{1F600}');
    expect(xmlText('\uFFFE\u0000')).toBe('\\ufffe\\u0000');
  });

  it('leaves letters of any script, emoji and bidi marks as typed', () => {
    for (const s of ['Adam lr=0.01', 'é ü ñ 日本語 ∇f 😀 👨\u200D👩', 'abc\u202Edef']) expect(xmlText(s)).toBe(s);
  });

  it('gives well-formed XML that reads back for any string (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expectReadBack(s);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<', '&', ']]>', '"', "'", '\r', '\u0000', '\u001b', '\uD800', '\uDFFF', '\uFFFF', 'a', ';', '#'), { maxLength: 30 }), (parts) => {
        expectReadBack(parts.join(''));
      }),
      { numRuns: 500 },
    );
  });
});
