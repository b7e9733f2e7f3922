// The `maps=` field of the link: the basin and sweep maps' settings in the layout of
// format.ts's MAPS_LAYOUT. Reading is lenient and total: sanitizeBatchSettings clamps every slot,
// and a value that is not exactly what these settings would write is reported once.
import { DEFAULT_BATCH_SETTINGS, sanitizeBatchSettings, type BatchSettings } from '../maps';
import { MAPS_LAYOUT, MAPS_TEXT_SLOTS } from './format';
import type { ProblemLog } from './problems';
import type { Obj } from './untrusted';

/** A real value is under 100 characters; the rest of a longer one is not read. */
const MAX_MAPS_LENGTH = 400;

/** The value at a dotted path ('sweep.x', 'camera.target.0'), or undefined. */
export const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((x, key) => (x as Obj | null | undefined)?.[key], o);

/** The object at `path` inside `root`, made (without a prototype) where missing. */
function objectAt(root: Obj, path: string): Obj {
  let o = root;
  for (const key of path.split('.')) o = (o[key] ??= Object.create(null)) as Obj;
  return o;
}

function mapsText(s: BatchSettings): string {
  const parts: string[] = [];
  for (const layout of MAPS_LAYOUT) {
    const part = at(s, layout.part);
    if ('optional' in layout && (part === null || part === undefined)) continue;
    parts.push(layout.slots.map((slot) => String(at(part, slot))).join(','));
  }
  return parts.join(';');
}

const DEFAULT_TEXT = mapsText(DEFAULT_BATCH_SETTINGS as BatchSettings);

/** The field's value, or null when the settings are the defaults (nothing to carry). */
export function encodeMaps(s: BatchSettings): string | null {
  const text = mapsText(s);
  return text === DEFAULT_TEXT ? null : text;
}

// As Number(), but an empty slot is no number (Number('') is 0).
export const slotNumber = (v: string | undefined) => (v === undefined || v.trim() === '' ? NaN : Number(v));

/** The settings a `maps=` value stands for; what could not be used is logged under `maps`. */
export function readMaps(value: string, log: ProblemLog): BatchSettings {
  const raw = Object.create(null) as Obj;
  value.slice(0, MAX_MAPS_LENGTH).split(';').forEach((text, i) => {
    if (i >= MAPS_LAYOUT.length) return;
    const { part, slots } = MAPS_LAYOUT[i];
    const items = text.split(',');
    const into = objectAt(raw, part);
    slots.forEach((slot, k) => {
      into[slot] = MAPS_TEXT_SLOTS.has(slot) ? items[k] : slotNumber(items[k]);
    });
  });
  const settings = sanitizeBatchSettings(raw);
  if (mapsText(settings) !== value) {
    log.add('maps', `could not use all of "${value.slice(0, 80)}"`, 'the map settings fell back to their defaults where invalid');
  }
  return settings;
}
