import { describe, expect, it } from 'vitest';
import { axisRangeError, axisValue, defaultBatchSettings, sanitizeBatchSettings, sweepableParams } from './batchSettings';
import { buildSweepJob, pixelSetting, sweepValues } from './batchJob';
import type { Experiment } from '../experiment/types';

describe('batch settings', () => {
  it('places cell centres so the cells tile [min, max] on each scale', () => {
    expect(axisValue({ param: 'x', min: 0, max: 1, scale: 'linear' }, 0, 4)).toBe(0.125);
    expect(axisValue({ param: 'lr', min: 1e-4, max: 1, scale: 'log' }, 1, 2)).toBeCloseTo(1e-1, 12);
    // log(1 - v): 1 - v from 0.1 down to 0.001 in two cells, centres at 1 - 10^-1.5 and 1 - 10^-2.5
    expect(axisValue({ param: 'momentum', min: 0.9, max: 0.999, scale: 'log1m' }, 0, 2)).toBeCloseTo(1 - 10 ** -1.5, 12);
    expect(axisValue({ param: 'momentum', min: 0.9, max: 0.999, scale: 'log1m' }, 1, 2)).toBeCloseTo(1 - 10 ** -2.5, 12);
  });

  it('rejects ranges a scale cannot draw', () => {
    expect(axisRangeError({ param: 'lr', min: 0, max: 1, scale: 'log' })).toMatch(/min > 0/);
    expect(axisRangeError({ param: 'momentum', min: 0.5, max: 1, scale: 'log1m' })).toMatch(/max < 1/);
    expect(axisRangeError({ param: 'lr', min: 1, max: 1, scale: 'linear' })).toMatch(/below/);
    expect(axisRangeError({ param: 'lr', min: 1e-3, max: 1, scale: 'log' })).toBeNull();
  });

  it('sanitizes untrusted settings field by field', () => {
    const d = defaultBatchSettings();
    expect(sanitizeBatchSettings(undefined)).toEqual(d);
    expect(sanitizeBatchSettings({ basins: { resolution: 1e9, run: -3 } }).basins).toEqual({ resolution: 512, run: 0 });
    expect(sanitizeBatchSettings({ basins: { resolution: 'x' } }).basins.resolution).toBe(d.basins.resolution);
    const bad = sanitizeBatchSettings({ sweep: { x: { param: '__proto__', min: 1, max: 2, scale: 'log' }, y: { param: 'lr', min: 0, max: 1, scale: 'log' }, color: 'finalF' } });
    expect(bad.sweep.x.param).toBe('lr'); // '__proto__' is not a parameter name
    expect(bad.sweep.y).toEqual(d.sweep.y); // a log axis from 0 is invalid: the default stays
    expect(bad.sweep.color).toBe('finalF');
  });

  it("offers the optimizer's numeric parameters, the betas one by one, and gradient noise", () => {
    expect(sweepableParams('adam')).toEqual(['lr', 'beta1', 'beta2', 'eps', 'weightDecay', 'gradNoise']);
    expect(sweepableParams('sgd')).not.toContain('nesterov');
  });

  it("a sweep cell runs the run's parameters with the two axis values set; the y axis grows upwards", () => {
    const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer: 'adam', params: { lr: 0.01 } }], stop: { maxSteps: 10, gradTol: 0 }, seed: 0 };
    const r = buildSweepJob(exp, { resolution: 4, run: 0, color: 'steps', x: { param: 'beta2', min: 0.9, max: 0.999, scale: 'log1m' }, y: { param: 'gradNoise', min: 0, max: 1, scale: 'linear' } }, [0, 0]);
    if (!r.ok) throw new Error(r.message);
    const s = pixelSetting(r.job, 3, 0);
    const [vx, vy] = sweepValues(r.job, 3, 0);
    expect(s.params.betas).toEqual([0.9, vx]);
    expect(s.gradNoise).toBe(vy);
    expect(vy).toBe(0.875); // top row: the largest y value
    expect(s.params.lr).toBe(0.01);
    expect(buildSweepJob(exp, { ...defaultBatchSettings().sweep }, [0, 0])).toMatchObject({ ok: false, message: expect.stringContaining('no parameter "momentum"') });
  });
});
