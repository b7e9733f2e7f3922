import { describe, expect, it } from 'vitest';
import { axisTicks, axisTitle } from './axisTicks';

describe('axisTicks: labels formatted relative to the view', () => {
  it('keeps plain labels where they fit', () => {
    expect(axisTicks([-2, 2], 8, 6).labels).toEqual(['−2.0', '−1.5', '−1.0', '−0.5', '0.0', '0.5', '1.0', '1.5', '2.0']);
  });

  it('writes large values in exponent form rather than clipping them ("00,000")', () => {
    const t = axisTicks([-600_000, 600_000], 8, 6);
    expect(t.offset).toBe(0);
    expect(t.labels).toContain('−6e5');
    for (const l of t.labels) expect(l.length).toBeLessThanOrEqual(6);
    expect(new Set(t.labels).size).toBe(t.labels.length);
  });

  it('labels a deep zoom far from 0 by offsets from one reference, distinct and short', () => {
    const t = axisTicks([-0.129154, -0.1291520], 8, 7);
    expect(t.offset).not.toBe(0);
    for (const l of t.labels) expect(l.length).toBeLessThanOrEqual(7);
    expect(new Set(t.labels).size).toBe(t.labels.length);
    expect(t.labels).toContain('0');
    const step = t.values[1] - t.values[0];
    const title = axisTitle('x', t.offset, step);
    expect(title).toMatch(/^x \+ 0\.12915\d*$/);
    // Reading a label back gives the tick: reference + offset.
    t.labels.forEach((l, i) => {
      const rel = l === '0' ? 0 : Number(l.replace(/−/g, '-'));
      expect(Math.abs(t.offset + rel - t.values[i])).toBeLessThan(step / 100);
    });
  });
});
