// The XML reader that export tests rely on must itself refuse what is not well-formed, else a
// test built on it could not fail.
import { describe, expect, it } from 'vitest';
import { parseXml, textContent, type XmlElement } from './xml.testutil';

describe('parseXml (test reader, XML 1.0)', () => {
  it('reads elements, attributes, references, CDATA, comments and PIs', () => {
    const doc = parseXml(
      `<?xml version="1.0"?><!-- c --><svg xmlns="http://www.w3.org/2000/svg" w='1'>` +
        `<g><text a="&lt;&amp;&#x41;&#66;&quot;&apos;">a &lt; b<![CDATA[ <&]] ]]></text><br/></g><?pi x?></svg>\n`,
    );
    expect(doc.name).toBe('svg');
    expect(doc.attributes).toEqual({ xmlns: 'http://www.w3.org/2000/svg', w: '1' });
    const text = (doc.children[0] as XmlElement).children[0] as XmlElement;
    expect(text.attributes.a).toBe('<&AB"\'');
    expect(textContent(text)).toBe('a < b <&]] ');
  });

  it('reads back CR and attribute white space as a parser does', () => {
    expect(parseXml('<a b="x\ny\tz">1\r\n2\r3</a>')).toEqual({ name: 'a', attributes: { b: 'x y z' }, children: ['1\n2\n3'] });
  });

  it.each([
    ['<a>\u0001</a>', 'a C0 control'],
    ['<a>\u001b[2J</a>', 'ESC'],
    ['<a b="\u0000"/>', 'NUL in an attribute'],
    ['<a>\uD800</a>', 'a lone high surrogate'],
    ['<a>x\uDC00</a>', 'a lone low surrogate'],
    ['<a>\uFFFE</a>', 'U+FFFE'],
    ['<a>&#1;</a>', 'a reference to a C0 control'],
    ['<a>&#xD800;</a>', 'a reference to a surrogate'],
    ['<a>&#xFFFF;</a>', 'a reference to U+FFFF'],
    ['<a>x < y</a>', "a raw '<'"],
    ['<a>R&D</a>', "a raw '&'"],
    ['<a>&nbsp;</a>', 'an undeclared entity'],
    ['<a>]]></a>', "']]>' in text"],
    ['<a b="<"/>', "'<' in an attribute"],
    ['<a b="x"y"/>', 'a quote in an attribute'],
    ['<a b=x/>', 'an unquoted attribute'],
    ['<a b="1" b="2"/>', 'an attribute twice'],
    ['<a b="1"c="2"/>', 'attributes without space'],
    ['<a><b></a></b>', 'crossed tags'],
    ['<a>', 'an unclosed element'],
    ['<a/><b/>', 'two roots'],
    ['text', 'no root'],
    ['<1a/>', 'a bad name'],
    ['<a><!-- x -- y --></a>', "'--' in a comment"],
    ['<a><![CDATA[ x </a>', 'an unterminated CDATA section'],
  ])('refuses %j (%s)', (xml) => {
    expect(() => parseXml(xml)).toThrow(/not well-formed XML/);
  });
});
