// The exported SVG is XML: whatever a run's label holds (it comes from a link or a file), the file
// must stay well-formed, else the browser will not draw it and the PNG export fails ("could not
// render the SVG"). plotSvg runs here on a stand-in for the page's plot (Node has no DOM); the
// document it writes is read back by a strict XML 1.0 reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, textContent, xmlReadBack as shown, type XmlElement } from '../experiment/xml.testutil';
import { plotSvg, type LegendEntry } from './exportPlot';

/** The page's plot as plotSvg reads it: an svg.plot of 400 x 300 with axes, and no contour canvas. */
function fakePlot(): HTMLElement {
  const clone = { querySelectorAll: () => [], innerHTML: '<g class="axes"><text x="1" y="2">0.5</text></g><path d="M0,0L1,1"></path>' };
  const svg = { width: { baseVal: { value: 400 } }, height: { baseVal: { value: 300 } }, cloneNode: () => clone };
  return { querySelector: (selector: string) => (selector === 'svg.plot' ? svg : null) } as unknown as HTMLElement;
}

/** The legend's labels as an SVG reader sees them. */
function legendLabels(svg: XmlElement): string[] {
  const found: string[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === 'text' && e.attributes['font-size'] === '12') found.push(textContent(e));
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(svg);
  return found;
}

function exportLegend(legend: LegendEntry[]): string[] {
  const doc = parseXml(plotSvg(fakePlot(), legend));
  expect(doc.name).toBe('svg');
  return legendLabels(doc);
}

describe('plotSvg: the exported SVG is well-formed XML whatever the labels', () => {
  it('with a label holding each control character (C0, DEL, C1)', () => {
    const codes = [...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)];
    const legend = codes.map((c) => ({ label: `run ${String.fromCharCode(c)} ${c}`, color: '#1f77b4' }));
    expect(exportLegend(legend)).toEqual(legend.map((e) => shown(e.label)));
  });

  it('with markup, CDATA ends, references, lone surrogates and noncharacters in labels', () => {
    const labels = ['a < b & c', ']]>', '</text></g><script>x</script>', '&amp;&#0;', '"q" \'s\'', 'lone \uD800 \uDFFF', '\uFFFE\uFFFF', '\u202Ebidi', '😀 日本語'];
    const legend = labels.map((label) => ({ label, color: '#ff7f0e' }));
    expect(exportLegend(legend)).toEqual(labels.map(shown));
  });

  it('with a colour that is not a colour', () => {
    const doc = parseXml(plotSvg(fakePlot(), [{ label: 'a', color: '"/><x a="\u0001' }]));
    expect(doc.name).toBe('svg');
  });

  it('for any labels (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 5 }), (labels) => {
        expect(exportLegend(labels.map((label) => ({ label, color: '#000' })))).toEqual(labels.map(shown));
      }),
      { numRuns: 200 },
    );
  });
});
