import { describe, expect, it } from 'vitest';
import { decodeBatchSettings, encodeBatchSettings } from './batchLink';
import { defaultBatchSettings } from './batchSettings';

describe('map settings in the share link', () => {
  it('writes nothing for the defaults', () => {
    expect(encodeBatchSettings(defaultBatchSettings())).toBeNull();
  });

  it('round-trips changed settings exactly', () => {
    const s = defaultBatchSettings();
    s.basins.resolution = 256;
    s.sweep.x = { param: 'lr', min: 0.001, max: 0.5, scale: 'log' };
    s.sweep.y = { param: 'gradNoise', min: 0, max: 2, scale: 'linear' };
    s.sweep.color = 'finalF';
    s.compare = { resolution: 64, run: 1 };
    const text = encodeBatchSettings(s)!;
    expect(decodeBatchSettings(text)).toEqual({ settings: s, problem: null });
  });

  it.each(['garbage', '99999,0;32,0,steps;lr,0.0001,1,log;momentum,0.5,0.999,log1m', ';;;;', '128,0;32,0,steps;__proto__,1,2,log;y'])(
    'a damaged value %j gives valid settings and a problem',
    (text) => {
      const { settings, problem } = decodeBatchSettings(text);
      expect(problem).toMatch(/fell back/);
      expect(settings.basins.resolution).toBeGreaterThanOrEqual(16);
      expect(settings.basins.resolution).toBeLessThanOrEqual(512);
      expect(Object.prototype).not.toHaveProperty('min');
    },
  );
});
