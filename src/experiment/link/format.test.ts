import { describe, expect, it } from 'vitest';
import { OPTIMIZER_SPECS } from '../../optim/optimizers/params';
import { EMPTY_PARAMS_ITEM, RUN_KEY, RUN_OPTION_KEYS, SCHEDULE_SLOTS } from './format';
import { formatNumber, parseNumber } from './numbers';
import { escapeText, unescapeText } from './percent';

describe('the link format table', () => {
  it('keeps run options and parameter names apart', () => {
    // A run item `name:value` is an option or a parameter by its name alone.
    const reserved = [...Object.keys(RUN_OPTION_KEYS), EMPTY_PARAMS_ITEM];
    for (const spec of Object.values(OPTIMIZER_SPECS)) {
      for (const name of Object.keys(spec.params)) expect(reserved).not.toContain(name);
    }
  });

  it('numbers runs r0 .. r7 canonically', () => {
    expect(RUN_KEY.test('r0') && RUN_KEY.test('r7')).toBe(true);
    for (const bad of ['r', 'r01', 'r-1', 'R0', 'r0 ']) expect(RUN_KEY.test(bad)).toBe(false);
  });

  it('has slots for every schedule kind', () => {
    expect(Object.keys(SCHEDULE_SLOTS).sort()).toStrictEqual(['constant', 'cosine', 'exponential', 'inverseTime', 'step']);
  });
});

describe('numbers and text', () => {
  it('writes the shortest exact decimal and reads it back', () => {
    for (const n of [0, -0, 1, -1.5, 0.1, 1e-7, 1e21, 5e-324, Number.MAX_VALUE, 4294967295, 0.30000000000000004]) {
      expect(Object.is(parseNumber(formatNumber(n)), n)).toBe(true);
    }
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(-0)).toBe('-0');
  });

  it('reads only decimal numbers; the rest stays text for the schema to reject', () => {
    for (const text of ['', ' ', '0x10', '1_0', '1e', '--1', '1.2.3', 'abc']) expect(parseNumber(text)).toBe(text);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('5.')).toBe(5);
    expect(parseNumber('+1e3')).toBe(1000);
    expect(parseNumber('NaN')).toBeNaN();
    expect(parseNumber('-Infinity')).toBe(-Infinity);
  });

  it('escapes text so that delimiters and any code unit survive', () => {
    const text = 'a&b#c=d,e:f;g%h i^j+k(l)é😀\uD800\uDFFF\u0000';
    expect(unescapeText(escapeText(text, 'field'))).toBe(text);
    expect(unescapeText(escapeText(text, 'item'))).toBe(text);
    expect(escapeText('x^2 + sin(y)', 'field')).toBe('x%5E2%20+%20sin(y)');
    expect(escapeText('a,b', 'field')).toBe('a,b');
    expect(escapeText('a,b', 'item')).toBe('a%2Cb');
  });

  it('unescapes malformed input without throwing', () => {
    expect(unescapeText('%')).toBe('%');
    expect(unescapeText('%4')).toBe('%4');
    expect(unescapeText('%zz%41')).toBe('%zzA');
    expect(unescapeText('%C3')).toBe('\uFFFD');
    expect(unescapeText('%C0%AF')).toBe('\uFFFD\uFFFD'); // overlong '/'
    expect(unescapeText('%F4%90%80%80')).toBe('\uFFFD\uFFFD\uFFFD\uFFFD'); // past U+10FFFF
  });
});
