// The `escape=` field in the link table: round trips, defaults left out, leniency.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../defaults';
import { DEFAULT_ESCAPE_SETTINGS, ESCAPE_LIMITS, sanitizeEscapeSettings } from '../escape';
import { decodeExperiment, encodeExperiment } from './index';
import { encodeEscape, readEscape } from './escape';
import { ProblemLog } from './problems';

function read(value: string) {
  const log = new ProblemLog();
  const settings = readEscape(value, log);
  return { settings, problems: log.result() };
}

describe('the escape field of the link', () => {
  it('is left out at the defaults, written otherwise, and read back exactly', () => {
    const exp = defaultExperiment();
    expect(encodeExperiment(exp, { escape: { ...DEFAULT_ESCAPE_SETTINGS } })).toBe(encodeExperiment(exp));
    const link = encodeExperiment(exp, { escape: { run: 1, seeds: 500, radius: 0.25 } });
    expect(link.endsWith('&escape=1,500,0.25')).toBe(true);
    expect(decodeExperiment(link)).toMatchObject({ escape: { run: 1, seeds: 500, radius: 0.25 }, problems: [] });
    expect(encodeEscape({ run: 0, seeds: 1000, radius: null })).toBe('0,1000,auto');
    expect(encodeEscape({ run: null, seeds: 1000, radius: 2 })).toBe('auto,1000,2');
    expect(read('auto,1,auto')).toEqual({ settings: { run: null, seeds: 1, radius: null }, problems: [] });
  });

  it('round-trips any valid settings', () => {
    const settings = fc
      .record({ run: fc.option(fc.integer({ min: 0, max: 7 })), seeds: fc.integer({ min: 1, max: 1000 }), radius: fc.option(fc.double({ min: 1e-9, max: 1e6, noNaN: true })) })
      .map(sanitizeEscapeSettings);
    fc.assert(
      fc.property(settings, (s) => {
        const text = encodeEscape(s);
        if (text === null) return expect(s).toEqual(DEFAULT_ESCAPE_SETTINGS);
        expect(read(text)).toEqual({ settings: s, problems: [] });
      }),
    );
  });

  it('clamps what is out of range and says so once; never throws', () => {
    expect(read('9,5000,-1')).toEqual({
      settings: { run: ESCAPE_LIMITS.run.max, seeds: ESCAPE_LIMITS.seeds.max, radius: null },
      problems: [{ field: 'escape', message: 'could not use all of "9,5000,-1"; the escape-time settings fell back to their defaults where invalid' }],
    });
    expect(read('garbage').settings).toEqual(DEFAULT_ESCAPE_SETTINGS);
    expect(read('0,10,1e-12').settings.radius).toBe(ESCAPE_LIMITS.radius.min);
    expect(read('').problems).toHaveLength(1);
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (v) => void read(v)));
  });
});
