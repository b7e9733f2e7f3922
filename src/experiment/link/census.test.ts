// The `census=` field in the link table: round trips, defaults left out, leniency.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CENSUS_EPS_CHOICES, CENSUS_LIMITS, DEFAULT_CENSUS_SETTINGS } from '../census';
import { defaultExperiment } from '../defaults';
import { encodeCensus, readCensus } from './census';
import { decodeExperiment, encodeExperiment } from './index';
import { ProblemLog } from './problems';

function read(value: string) {
  const log = new ProblemLog();
  const settings = readCensus(value, log);
  return { settings, problems: log.result() };
}

describe('the census field of the link', () => {
  it('is left out at the defaults, written otherwise, and read back exactly', () => {
    const exp = defaultExperiment();
    expect(encodeExperiment(exp, { census: { ...DEFAULT_CENSUS_SETTINGS } })).toBe(encodeExperiment(exp));
    const link = encodeExperiment(exp, { census: { starts: 200, eps: 1e-10 } });
    expect(link.endsWith('&census=200,1e-10')).toBe(true);
    expect(decodeExperiment(link)).toMatchObject({ census: { starts: 200, eps: 1e-10 }, problems: [] });
    expect(decodeExperiment(encodeExperiment(exp)).census).toBeUndefined();
  });

  it('round-trips any valid settings', () => {
    const settings = fc.record({ starts: fc.integer(CENSUS_LIMITS.starts), eps: fc.constantFrom(...CENSUS_EPS_CHOICES) });
    fc.assert(
      fc.property(settings, (s) => {
        const text = encodeCensus(s);
        if (text === null) return expect(s).toEqual(DEFAULT_CENSUS_SETTINGS);
        expect(read(text)).toEqual({ settings: s, problems: [] });
      }),
    );
  });

  it('clamps what is out of range, drops an eps the panel does not offer, says so once; never throws', () => {
    expect(read('5000,1e-7')).toEqual({
      settings: { starts: CENSUS_LIMITS.starts.max, eps: DEFAULT_CENSUS_SETTINGS.eps },
      problems: [{ field: 'census', message: 'could not use all of "5000,1e-7"; the census settings fell back to their defaults where invalid' }],
    });
    expect(read('0,1e-6').settings).toEqual({ starts: CENSUS_LIMITS.starts.min, eps: 1e-6 });
    expect(read('garbage').settings).toEqual(DEFAULT_CENSUS_SETTINGS);
    expect(read('').problems).toHaveLength(1);
    const decoded = decodeExperiment('v=1&surface=doubleWell&r0=sgd&census=12.4,x');
    expect(decoded.census).toEqual({ starts: 12, eps: DEFAULT_CENSUS_SETTINGS.eps });
    expect(decoded.problems.map((p) => p.field)).toEqual(['census']);
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (v) => void read(v)));
  });
});
