// A strict XML 1.0 reader for tests: it parses a document into elements and text, decoding
// references, and throws on the first violation of well-formedness that a browser's XML parser
// (which reads an exported SVG) would stop at. No XML parser is installed (the browser has one,
// Node has none), and a check written against the standard is enough for what exports write:
// W3C XML 1.0 (Fifth Edition), https://www.w3.org/TR/xml/ — Char (§2.2), Name (§2.3), CharData
// and Comment (§2.4–2.5), PI (§2.6), CDSect (§2.7), element, STag, ETag, EmptyElemTag and the
// well-formedness constraints Element Type Match and Unique Att Spec (§3.1), AttValue's "no <"
// (§2.3, WFC: No < in Attribute Values), character and entity references with WFC: Legal
// Character and WFC: Entity Declared for a document without DTD (§4.1). A DOCTYPE is refused:
// nothing exported has one.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

// §2.3 NameStartChar and NameChar.
const NAME_START =
  'A-Z_a-z:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`, 'u');

/** §2.2 Char. */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * What a reader should get back from xmlText(s): `s` itself, but each character XML cannot hold
 * written as its \u escape.
 */
export function xmlReadBack(s: string): string {
  return [...s].map((ch) => (isXmlChar(ch.codePointAt(0) as number) ? ch : `\\u${(ch.codePointAt(0) as number).toString(16).padStart(4, '0')}`)).join('');
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new Error(`not well-formed XML at offset ${this.pos}: ${what}`);
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }
  expect(s: string): void {
    if (!this.startsWith(s)) this.fail(`expected ${JSON.stringify(s)}`);
    this.pos += s.length;
  }
  /** Skips S (§2.3: space, tab, CR, LF); true if there was any. */
  space(): boolean {
    const start = this.pos;
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos++;
    return this.pos > start;
  }
  name(): string {
    const m = NAME.exec(this.text.slice(this.pos, this.pos + 200));
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }
  /** Everything up to `end` (consumed), which must come. */
  until(end: string): string {
    const at = this.text.indexOf(end, this.pos);
    if (at < 0) this.fail(`unterminated, no ${JSON.stringify(end)}`);
    const body = this.text.slice(this.pos, at);
    this.pos = at + end.length;
    return body;
  }
  /** A reference after '&' (§4.1), decoded. */
  reference(): string {
    this.expect('&');
    if (this.startsWith('#')) {
      const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+));/.exec(this.text.slice(this.pos, this.pos + 20));
      if (!m) this.fail('malformed character reference');
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (!isXmlChar(cp)) this.fail(`character reference to U+${cp.toString(16)}, not a Char`);
      this.pos += m[0].length;
      return String.fromCodePoint(cp);
    }
    const name = this.name();
    this.expect(';');
    const value = PREDEFINED[name];
    if (value === undefined) this.fail(`undeclared entity &${name};`);
    return value;
  }
}

/** Misc (§2.8): comments, processing instructions, space. */
function misc(r: Reader): void {
  for (;;) {
    r.space();
    if (r.startsWith('<!--')) comment(r);
    else if (r.startsWith('<?')) pi(r);
    else return;
  }
}

function comment(r: Reader): void {
  r.expect('<!--');
  const body = r.until('-->');
  if (body.includes('--') || body.endsWith('-')) r.fail("'--' inside a comment");
}

function pi(r: Reader): void {
  r.expect('<?');
  r.name();
  r.until('?>');
}

function attributeValue(r: Reader): string {
  const q = r.text[r.pos];
  if (q !== '"' && q !== "'") r.fail('attribute value not quoted');
  r.pos++;
  let value = '';
  for (;;) {
    const c = r.text[r.pos];
    if (c === undefined) r.fail('unterminated attribute value');
    if (c === q) {
      r.pos++;
      return value;
    }
    if (c === '<') r.fail("'<' in an attribute value");
    if (c === '&') value += r.reference();
    else {
      // Attribute-value normalization (§3.3.3): each white space character becomes a space.
      value += /[\t\r\n]/.test(c) ? ' ' : c;
      r.pos++;
    }
  }
}

function element(r: Reader, depth: number): XmlElement {
  if (depth > 1000) r.fail('nested too deeply for this reader');
  r.expect('<');
  const name = r.name();
  const attributes: Record<string, string> = {};
  for (;;) {
    const spaced = r.space();
    if (r.startsWith('/>')) {
      r.pos += 2;
      return { name, attributes, children: [] };
    }
    if (r.startsWith('>')) {
      r.pos++;
      break;
    }
    if (!spaced) r.fail('expected space before an attribute');
    const key = r.name();
    if (Object.hasOwn(attributes, key)) r.fail(`attribute ${key} given twice`);
    r.space();
    r.expect('=');
    r.space();
    attributes[key] = attributeValue(r);
  }
  const children: (XmlElement | string)[] = [];
  let text = '';
  const flush = () => {
    if (text) children.push(text);
    text = '';
  };
  for (;;) {
    if (r.pos >= r.text.length) r.fail(`<${name}> not closed`);
    if (r.startsWith('</')) {
      r.pos += 2;
      if (r.name() !== name) r.fail(`end tag does not match <${name}>`);
      r.space();
      r.expect('>');
      flush();
      return { name, attributes, children };
    }
    if (r.startsWith('<!--')) comment(r);
    else if (r.startsWith('<![CDATA[')) {
      r.pos += 9;
      text += r.until(']]>');
    } else if (r.startsWith('<?')) pi(r);
    else if (r.startsWith('<')) {
      flush();
      children.push(element(r, depth + 1));
    } else if (r.startsWith('&')) text += r.reference();
    else if (r.startsWith(']]>')) r.fail("']]>' in character data");
    else {
      // End-of-line handling (§2.11): CR LF and lone CR read as LF.
      if (r.text[r.pos] === '\r') {
        text += '\n';
        r.pos += r.text[r.pos + 1] === '\n' ? 2 : 1;
      } else text += r.text[r.pos++];
    }
  }
}

/** The document's root element; throws where the text is not well-formed XML. */
export function parseXml(text: string): XmlElement {
  const r = new Reader(text);
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (!isXmlChar(cp)) r.fail(`U+${cp.toString(16).padStart(4, '0')} is not an XML character`);
  }
  if (r.startsWith('<?xml')) pi(r);
  misc(r);
  if (r.startsWith('<!DOCTYPE')) r.fail('a DOCTYPE (this reader has no DTD support)');
  const root = element(r, 0);
  misc(r);
  if (r.pos !== text.length) r.fail('content after the root element');
  return root;
}

/** All text inside an element, in document order. */
export function textContent(e: XmlElement): string {
  return e.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
