// Quoting input in messages. A message goes to a terminal (the CLI's stderr) or onto the page,
// and quotes text that came from a link or a file: a raw ESC there can clear a terminal, a
// newline can forge a second "error:" line, U+202E can reverse what a reader sees, and a 10 MB
// value or a 10,000-level array makes a 10 MB line or a stack overflow. So every message that
// quotes input quotes it through here: non-printable characters escaped, at most ~60 characters
// of the value, and never a recursion deeper than that. Text written into an exported file goes
// through xmlText (an SVG), which keeps the file well-formed whatever the text.

/** How many characters of an input value a message quotes. */
export const QUOTE_MAX = 60;
/** The longest message printed as one line (a terminal's stderr), so the line stays under 2,000. */
export const MAX_ERROR_LINE = 1900;

// Controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width ones,
// U+FEFF), lone surrogates, private use, and the line and paragraph separators.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const short = SHORT[ch];
  if (short !== undefined) return short;
  const cp = ch.codePointAt(0) as number;
  const hex = cp.toString(16);
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * `text` with every non-printable character written as an escape (`\n`, `\u001b`, `\u202e`), as
 * JSON.stringify writes them.
 * A backslash is left as it is, so printable(printable(s)) === printable(s): a message may pass
 * through here more than once.
 */
export function printable(text: string): string {
  return text.replace(NON_PRINTABLE, escapeOne);
}

// What XML 1.0 cannot hold at all, not even as a character reference (§2.2, production Char:
// #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]): the C0 controls but
// tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. One of these in an exported SVG makes the
// file malformed, and the browser then refuses to draw it (the PNG export's "could not render").
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/gu;
// Markup characters as entities; tab, LF and CR as references too, since a parser turns them into
// spaces in an attribute value and a raw CR into LF everywhere (XML 1.0 §2.11, §3.3.3).
const XML_ESCAPED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * `text` as the content of an XML element or of an attribute value (either quote), which an XML
 * parser reads back as `text` itself: markup characters as references (so `<`, `&` and `]]>`
 * stay text), and each character XML cannot hold written as printable() writes it (`\u001b`,
 * `\ud800`). Everything else is kept as typed (letters of any script, emoji, bidi marks: legal
 * XML, and what the page shows for the same text).
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, escapeOne).replace(/[&<>"'\t\n\r]/g, (c) => XML_ESCAPED[c] as string);
}

/** The first `max` characters of `text` (a surrogate pair is not split), with '…' if cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end) + '…';
}

/** A name from input (an object key, a link key) as it appears in a field path. */
export function printableName(name: string): string {
  return printable(clip(name, QUOTE_MAX));
}

/** One line for a terminal: printable, and at most `max` characters. */
export function printableLine(message: string, max: number): string {
  return clip(printable(message), max);
}

function quoteString(s: string, max: number): string {
  const head = clip(s, max);
  const cut = head.length !== s.length;
  // JSON.stringify escapes quotes, backslashes, C0 controls and lone surrogates; printable the rest.
  const json = printable(JSON.stringify(cut ? head.slice(0, -1) : head));
  return cut ? `${json.slice(0, -1)}…"` : json;
}

function quoteScalar(x: unknown, max: number): string {
  if (typeof x === 'string') return quoteString(x, max);
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'symbol') return 'a symbol';
  return printable(String(x));
}

/**
 * Any value as a message quotes it: strings as JSON strings, arrays and objects as JSON, all of
 * it cut after about `max` characters. The walk stops as soon as `max` characters are written,
 * so it goes at most `max` levels deep and reads at most `max` items, whatever the input.
 */
export function quote(value: unknown, max: number = QUOTE_MAX): string {
  let out = '';
  const write = (x: unknown): void => {
    if (out.length > max) return;
    if (Array.isArray(x)) {
      out += '[';
      for (let i = 0; i < x.length && out.length <= max; i++) {
        if (i > 0) out += ',';
        write(x[i]);
      }
      out += ']';
    } else if (typeof x === 'object' && x !== null) {
      out += '{';
      let first = true;
      for (const key in x) {
        if (out.length > max) break;
        if (!Object.hasOwn(x, key)) continue;
        out += (first ? '' : ',') + quoteString(key, max) + ':';
        first = false;
        write((x as Record<string, unknown>)[key]);
      }
      out += '}';
    } else out += quoteScalar(x, max);
  };
  write(value);
  return typeof value === 'string' || out.length <= max ? out : clip(out, max);
}
