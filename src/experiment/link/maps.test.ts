// The `maps=` field in the link table: round trips, leniency, and exactly the reading of the
// codec it replaced (src/batch/batchLink.ts before issue 12), so links shared before still load
// the same maps with the same problems.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../defaults';
import { BATCH_LIMITS, defaultBatchSettings, sanitizeBatchSettings, type BatchSettings, type SweepAxis } from '../maps';
import { decodeExperiment, encodeExperiment } from './index';
import { encodeMaps, readMaps } from './maps';
import { ProblemLog } from './problems';
import { experimentArb } from './testArbitrary';

/** The decoder as it was in src/batch/batchLink.ts, kept verbatim as the reference. */
function legacyDecode(value: string): { settings: BatchSettings; problem: string | null } {
  const axisText = (a: SweepAxis) => `${a.param},${a.min},${a.max},${a.scale}`;
  const canonical = (b: BatchSettings) => {
    const compare = b.compare ? `;${b.compare.resolution},${b.compare.run}` : '';
    return `${b.basins.resolution},${b.basins.run};${b.sweep.resolution},${b.sweep.run},${b.sweep.color};${axisText(b.sweep.x)};${axisText(b.sweep.y)}${compare}`;
  };
  const parts = value.slice(0, 400).split(';').map((p) => p.split(','));
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? NaN : Number(v));
  const axis = (p: string[] | undefined) => (p ? { param: p[0], min: num(p[1]), max: num(p[2]), scale: p[3] } : undefined);
  const settings = sanitizeBatchSettings({
    basins: { resolution: num(parts[0]?.[0]), run: num(parts[0]?.[1]) },
    compare: parts[4] ? { resolution: num(parts[4][0]), run: num(parts[4][1]) } : null,
    sweep: { resolution: num(parts[1]?.[0]), run: num(parts[1]?.[1]), color: parts[1]?.[2], x: axis(parts[2]), y: axis(parts[3]) },
  });
  const problem = canonical(settings) === value ? null : `could not use all of "${value.slice(0, 80)}"; the map settings fell back to their defaults where invalid`;
  return { settings, problem };
}

function read(value: string): { settings: BatchSettings; problem: string | null } {
  const log = new ProblemLog();
  const settings = readMaps(value, log);
  const problems = log.result();
  expect(problems.every((p) => p.field === 'maps')).toBe(true);
  return { settings, problem: problems.length > 0 ? problems[0].message : null };
}

// Values near the real ones: numbers, names, scales and colours, empty and odd slots.
const slotArb = fc.oneof(
  fc.constantFrom('', ' ', '0', '-0', '1', '7', '8', '16', '128', '512', '513', '0.5', '0.999', '1e-4', '1e9', 'NaN', 'Infinity', '0x10', '1e', '-1'),
  fc.constantFrom('lr', 'momentum', 'beta1', 'gradNoise', '__proto__', 'constructor', 'x y', 'linear', 'log', 'log1m', 'steps', 'finalF', 'hue'),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 6 }),
);
const partArb = fc.array(slotArb, { minLength: 0, maxLength: 5 }).map((slots) => slots.join(','));
const valueArb = fc.oneof(fc.array(partArb, { minLength: 0, maxLength: 7 }).map((parts) => parts.join(';')), fc.string({ maxLength: 60 }));

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -2e6, max: 2e6 });
const axisArb = fc.record({ param: fc.constantFrom('lr', 'momentum', 'beta2', 'gradNoise', 'eps'), min: finite, max: finite, scale: fc.constantFrom('linear', 'log', 'log1m') });
const basinArb = fc.record({ resolution: fc.integer({ min: 0, max: 1000 }), run: fc.integer({ min: -2, max: 9 }) });
// Any settings the app can hold: sanitized, so every slot is within its limits. String(-0) is
// '0', as it always was in this field, so -0 is left out of the exact round trip.
const settingsArb = fc
  .record({ basins: basinArb, compare: fc.option(basinArb), sweep: fc.record({ resolution: fc.integer({ min: 0, max: 200 }), run: fc.integer({ min: 0, max: 7 }), x: axisArb, y: axisArb, color: fc.constantFrom('steps', 'finalF') }) })
  .map((raw) => sanitizeBatchSettings(raw))
  .filter((s) => ![s.sweep.x.min, s.sweep.x.max, s.sweep.y.min, s.sweep.y.max].some((v) => Object.is(v, -0)));

describe('the maps field of the link', () => {
  it('reads every value exactly as the codec it replaced: the same settings, the same problem', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        expect(read(value)).toStrictEqual(legacyDecode(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any settings the app can hold, and is written only when they are not the defaults', () => {
    expect(encodeMaps(defaultBatchSettings())).toBeNull();
    fc.assert(
      fc.property(settingsArb, (s) => {
        const text = encodeMaps(s);
        if (text === null) expect(s).toStrictEqual(defaultBatchSettings());
        else expect(read(text)).toStrictEqual({ settings: s, problem: null });
      }),
      { numRuns: 500 },
    );
  });

  it('travels in the whole link beside the experiment, which it leaves alone', () => {
    fc.assert(
      fc.property(experimentArb, settingsArb, fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), (exp, maps, atStep) => {
        const link = encodeExperiment(exp, { atStep, maps });
        const decoded = decodeExperiment(link);
        expect(decoded.problems).toStrictEqual([]);
        expect(decoded.experiment).toStrictEqual(exp);
        expect(decoded.atStep).toBe(atStep);
        expect(decoded.maps).toStrictEqual(encodeMaps(maps) === null ? undefined : maps);
        // Without maps the link is what it always was.
        expect(link.startsWith(encodeExperiment(exp, { atStep }))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a damaged value lenient: valid settings, one problem under "maps", the experiment untouched', () => {
    const exp = defaultExperiment();
    const base = encodeExperiment(exp);
    const decoded = decodeExperiment(`${base}&maps=99999,0;32,0,steps;lr,0.0001,1,log;momentum,0.5,0.999,log1m`);
    expect(decoded.experiment).toStrictEqual(exp);
    expect(decoded.maps?.basins.resolution).toBe(BATCH_LIMITS.basinResolution.max);
    expect(decoded.problems.map((p) => p.field)).toStrictEqual(['maps']);
    expect(decodeExperiment(base).maps).toBeUndefined();
  });
});
