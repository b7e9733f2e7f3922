// The `view3d=` field in the link table: round trips, leniency (every slot clamped, one problem
// under "view3d"), and that it leaves the experiment and the other fields alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../defaults';
import { defaultView3d, HEIGHT_SCALES, sanitizeView3d, VIEW3D_LIMITS, VIEW_LAYOUTS, wrapAzimuth, type View3dSettings } from '../view3d';
import { decodeExperiment, encodeExperiment } from './index';
import { ProblemLog } from './problems';
import { experimentArb } from './testArbitrary';
import { encodeView3d, readView3d } from './view3d';

function read(value: string): { settings: View3dSettings; problems: string[] } {
  const log = new ProblemLog();
  const settings = readView3d(value, log);
  const problems = log.result();
  expect(problems.every((p) => p.field === 'view3d')).toBe(true);
  return { settings, problems: problems.map((p) => p.message) };
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e4, max: 1e4 });
// Any settings the app can hold: sanitized, so every slot is within its limits and rounded.
const settingsArb = fc
  .record({
    layout: fc.constantFrom(...VIEW_LAYOUTS),
    heights: fc.constantFrom(...HEIGHT_SCALES),
    camera: fc.record({ azimuth: finite, elevation: finite, distance: finite, target: fc.tuple(finite, finite, finite) }),
  })
  .map((raw) => sanitizeView3d(raw));

const slotArb = fc.oneof(
  fc.constantFrom('', ' ', '0', '-0', '2d', '3d', 'both', 'linear', 'log', '__proto__', 'NaN', 'Infinity', '1e999', '0.1234567', '-180', '180', '89.96'),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 6 }),
);
const valueArb = fc.oneof(fc.array(slotArb, { minLength: 0, maxLength: 10 }).map((slots) => slots.join(',')), fc.string({ maxLength: 80 }));

describe('the view3d field of the link', () => {
  it('round-trips any settings the app can hold, and is written only when they are not the defaults', () => {
    expect(encodeView3d(defaultView3d())).toBeNull();
    fc.assert(
      fc.property(settingsArb, (s) => {
        const text = encodeView3d(s);
        if (text === null) expect(s).toStrictEqual(defaultView3d());
        else expect(read(text)).toStrictEqual({ settings: s, problems: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('reads any value to settings within the limits, with a problem exactly when the value is not what they write', () => {
    const { elevation, distance, target } = VIEW3D_LIMITS;
    fc.assert(
      fc.property(valueArb, (value) => {
        const { settings: s, problems } = read(value);
        expect(sanitizeView3d(s)).toStrictEqual(s);
        expect(s.camera.azimuth >= -180 && s.camera.azimuth < 180).toBe(true);
        expect(s.camera.elevation >= elevation.min && s.camera.elevation <= elevation.max).toBe(true);
        expect(s.camera.distance >= distance.min && s.camera.distance <= distance.max).toBe(true);
        expect(s.camera.target.every((t) => t >= target.min && t <= target.max)).toBe(true);
        const written = encodeView3d(s) ?? '2d,linear,-60,32,4.2,0,0,0.25';
        expect(problems.length).toBe(written === value ? 0 : 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('clamps, wraps and rounds each slot', () => {
    const { settings } = read('both,log,540,100,0.01,99,-99,0.12345');
    expect(settings).toStrictEqual({ layout: 'both', heights: 'log', camera: { azimuth: -180, elevation: 89, distance: 0.3, target: [10, -10, 0.123] } });
    expect(read('3d,linear,-60,32,4.2,0,0,0.25')).toStrictEqual({ settings: { ...defaultView3d(), layout: '3d' }, problems: [] });
    expect([wrapAzimuth(180), wrapAzimuth(-180), wrapAzimuth(-190), wrapAzimuth(725)]).toStrictEqual([-180, -180, 170, 5]);
  });

  it('travels in the whole link beside the experiment, which it leaves alone', () => {
    fc.assert(
      fc.property(experimentArb, settingsArb, fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), (exp, view3d, atStep) => {
        const link = encodeExperiment(exp, { atStep, view3d });
        const decoded = decodeExperiment(link);
        expect(decoded.problems).toStrictEqual([]);
        expect(decoded.experiment).toStrictEqual(exp);
        expect(decoded.atStep).toBe(atStep);
        expect(decoded.maps).toBeUndefined();
        expect(decoded.view3d).toStrictEqual(encodeView3d(view3d) === null ? undefined : view3d);
        // Without the field the link is what it always was.
        expect(link.startsWith(encodeExperiment(exp, { atStep }))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a damaged value lenient: one problem under "view3d", the experiment untouched', () => {
    const exp = defaultExperiment();
    const decoded = decodeExperiment(`${encodeExperiment(exp)}&view3d=3d,linear,9999`);
    expect(decoded.experiment).toStrictEqual(exp);
    expect(decoded.view3d?.layout).toBe('3d');
    expect(decoded.view3d?.camera.azimuth).toBe(wrapAzimuth(9999));
    expect(decoded.problems.map((p) => p.field)).toStrictEqual(['view3d']);
  });
});
