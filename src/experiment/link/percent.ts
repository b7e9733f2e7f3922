// Percent-encoding of free text (expressions, labels) inside the link.
// Not encodeURIComponent/decodeURIComponent: those throw on lone surrogates and on malformed
// escapes, and escape characters (parentheses, *, +, /) that a fragment may carry literally,
// which keeps expressions readable. Bytes are UTF-8; a lone surrogate is written as its
// generalized UTF-8 (WTF-8) bytes so that every JS string round-trips exactly.

// Characters RFC 3986 allows unescaped in a fragment, minus the link's own delimiters:
// '&' separates fields everywhere; ',' separates the items of a run, so values inside a run
// escape it as well. '%' and '#' are always escaped.
const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const FIELD_SAFE = new Set(UNRESERVED + "!$'()*+,;:@/?=");
const ITEM_SAFE = new Set(UNRESERVED + "!$'()*+;:@/?=");

const HEX = '0123456789ABCDEF';

function pushUtf8(bytes: number[], cp: number): void {
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** Escapes `text` for a top-level field value ('field') or a value inside a run ('item'). */
export function escapeText(text: string, where: 'field' | 'item'): string {
  const safe = where === 'field' ? FIELD_SAFE : ITEM_SAFE;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (safe.has(ch)) {
      out += ch;
      continue;
    }
    // codePointAt joins a valid surrogate pair and returns a lone surrogate as itself.
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const bytes: number[] = [];
    pushUtf8(bytes, cp);
    for (const b of bytes) out += '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Decodes UTF-8 (surrogate code points allowed) leniently: each bad byte gives U+FFFD. */
function decodeUtf8(bytes: number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) {
      out += '\uFFFD';
      i++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 63);
    }
    // Reject overlong forms and code points past U+10FFFF, so one string has one encoding.
    const min = [0, 0x80, 0x800, 0x10000][need];
    if (!ok || cp < min || cp > 0x10ffff) {
      out += '\uFFFD';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** The inverse of escapeText; total: a '%' not followed by two hex digits stays literal. */
export function unescapeText(text: string): string {
  let out = '';
  let bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 37 && i + 2 < text.length) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes.push(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    if (bytes.length > 0) {
      out += decodeUtf8(bytes);
      bytes = [];
    }
    out += text[i];
  }
  if (bytes.length > 0) out += decodeUtf8(bytes);
  return out;
}
