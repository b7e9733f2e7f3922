// The basin and sweep maps' settings in the share link, as one readable field beside the
// experiment's: `maps=<basin resolution>,<basin run>;<sweep resolution>,<sweep run>,<color>;
// <x param>,<x min>,<x max>,<x scale>;<y param>,<y min>,<y max>,<y scale>[;<compared basin
// resolution>,<compared basin run>]`. Written only when the
// settings differ from the defaults. Reading is lenient: sanitizeBatchSettings clamps every
// field, and a value that did not survive unchanged is reported.
import { type BatchSettings, DEFAULT_BATCH_SETTINGS, sanitizeBatchSettings, type SweepAxis } from './batchSettings';

export const MAPS_KEY = 'maps';

const axisText = (a: SweepAxis) => `${a.param},${a.min},${a.max},${a.scale}`;

function canonical(b: BatchSettings): string {
  const compare = b.compare ? `;${b.compare.resolution},${b.compare.run}` : '';
  return `${b.basins.resolution},${b.basins.run};${b.sweep.resolution},${b.sweep.run},${b.sweep.color};${axisText(b.sweep.x)};${axisText(b.sweep.y)}${compare}`;
}

/** The field's value, or null when the settings are the defaults (nothing to carry). */
export function encodeBatchSettings(s: BatchSettings): string | null {
  const out = canonical(s);
  return out === canonical(DEFAULT_BATCH_SETTINGS as BatchSettings) ? null : out;
}

export function decodeBatchSettings(value: string): { settings: BatchSettings; problem: string | null } {
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
