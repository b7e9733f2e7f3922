// The `dimfig=` field in the link table: round trips, defaults left out, leniency; and the checks
// of what a person types into the figure's fields (one line each).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDims, checkRadius, checkSeeds, DEFAULT_DIM_FIGURE_SETTINGS, DIM_FIGURE_LIMITS, SADDLE_CHOICES, type DimFigureSettings } from '../dimFigures';
import { defaultExperiment } from '../defaults';
import { encodeDimfig, readDimfig } from './dimfig';
import { decodeExperiment, encodeExperiment } from './index';
import { ProblemLog } from './problems';

function read(value: string) {
  const log = new ProblemLog();
  const settings = readDimfig(value, log);
  return { settings, problems: log.result() };
}

const NOTICE = 'the settings of the figures in d dimensions fell back to their defaults where invalid';

describe('the dimfig field of the link', () => {
  it('is left out at the defaults, written otherwise, and read back exactly', () => {
    const exp = defaultExperiment();
    expect(encodeExperiment(exp, { dimfig: { ...DEFAULT_DIM_FIGURE_SETTINGS } })).toBe(encodeExperiment(exp));
    const s: DimFigureSettings = { dims: [10, 100, 1000], seeds: 20, radius: 0.25, saddle: 'last' };
    const link = encodeExperiment(exp, { dimfig: s });
    expect(link.endsWith('&dimfig=10;100;1000,20,0.25,last')).toBe(true);
    expect(decodeExperiment(link)).toMatchObject({ dimfig: s, problems: [] });
    expect(decodeExperiment(encodeExperiment(exp)).dimfig).toBeUndefined();
    expect(encodeDimfig({ ...DEFAULT_DIM_FIGURE_SETTINGS, seeds: 11 })).toBe('2;5;10;20;50;100;200;500;1000,11,0.5,nearest');
  });

  it('round-trips any valid settings', () => {
    const { dim, dims, seeds } = DIM_FIGURE_LIMITS;
    const settings = fc.record({
      dims: fc.array(fc.integer(dim), { minLength: 1, maxLength: dims }),
      seeds: fc.integer(seeds),
      radius: fc.double({ min: 1e-12, max: DIM_FIGURE_LIMITS.radius.max, noNaN: true }),
      saddle: fc.constantFrom(...SADDLE_CHOICES),
    });
    fc.assert(
      fc.property(settings, (s) => {
        const text = encodeDimfig(s);
        if (text === null) return expect(s).toEqual(DEFAULT_DIM_FIGURE_SETTINGS);
        expect(read(text)).toEqual({ settings: s, problems: [] });
      }),
    );
  });

  it('clamps what is out of range, drops what is no number, says so once; never throws', () => {
    expect(read('1;5000;x;12.4,0,-1,first')).toEqual({
      settings: { dims: [2, 1000, 12], seeds: 1, radius: 0.5, saddle: 'nearest' },
      problems: [{ field: 'dimfig', message: `could not use all of "1;5000;x;12.4,0,-1,first"; ${NOTICE}` }],
    });
    expect(read('x').settings).toEqual(DEFAULT_DIM_FIGURE_SETTINGS);
    expect(read('').problems).toHaveLength(1);
    expect(read(Array.from({ length: 30 }, (_, i) => i + 2).join(';')).settings.dims).toHaveLength(DIM_FIGURE_LIMITS.dims);
    const decoded = decodeExperiment('v=1&fn=strictSaddle&dim=10&r0=sgd&dimfig=10;20,99999,1e9');
    expect(decoded.dimfig).toEqual({ dims: [10, 20], seeds: 1000, radius: DIM_FIGURE_LIMITS.radius.max, saddle: 'nearest' });
    expect(decoded.problems.map((p) => p.field)).toEqual(['dimfig']);
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (v) => void read(v)));
  });
});

describe('the figure fields', () => {
  it('take good input and give one line for bad', () => {
    expect(checkDims('2, 10 100,1000')).toEqual({ ok: true, value: [2, 10, 100, 1000] });
    expect(checkDims('1, 10')).toEqual({ ok: false, error: 'dimensions must be whole numbers from 2 to 1000 (got "1")' });
    expect(checkDims('10, 1001')).toEqual({ ok: false, error: 'dimensions must be whole numbers from 2 to 1000 (got "1001")' });
    expect(checkDims('10, 2.5')).toEqual({ ok: false, error: 'dimensions must be whole numbers from 2 to 1000 (got "2.5")' });
    expect(checkDims(' ')).toEqual({ ok: false, error: 'dimensions: give at least one, from 2 to 1000 (e.g. 2, 10, 100)' });
    expect(checkDims(Array(21).fill('5').join(','))).toEqual({ ok: false, error: 'dimensions: at most 20 (got 21)' });
    expect(checkSeeds('0')).toEqual({ ok: false, error: 'seeds must be a whole number from 1 to 1000 (got "0")' });
    expect(checkSeeds('')).toEqual({ ok: false, error: 'seeds must be a whole number from 1 to 1000 (got "")' });
    expect(checkSeeds('2.5').ok).toBe(false);
    expect(checkSeeds(' 1000')).toEqual({ ok: true, value: 1000 });
    expect(checkRadius('0')).toEqual({ ok: false, error: 'radius must be a number above 0, at most 1000000 (got "0")' });
    expect(checkRadius('-2')).toEqual({ ok: false, error: 'radius must be a number above 0, at most 1000000 (got "-2")' });
    expect(checkRadius('x')).toEqual({ ok: false, error: 'radius must be a number above 0, at most 1000000 (got "x")' });
    expect(checkRadius('1e-3')).toEqual({ ok: true, value: 0.001 });
  });
});
