// The `view3d=` field of the link: the 2D / 3D layout, the 3D heights and camera in the slots
// of format.ts's VIEW3D_SLOTS. Reading is lenient and total, as `maps=` (maps.ts):
// sanitizeView3d clamps every slot, and a value that is not exactly what these settings would
// write is reported once.
import { DEFAULT_VIEW3D, sanitizeView3d, type View3dSettings } from '../view3d';
import { VIEW3D_SLOTS, VIEW3D_TEXT_SLOTS } from './format';
import { at, slotNumber } from './maps';
import type { ProblemLog } from './problems';
import type { Obj } from './untrusted';

/** A real value is under 60 characters; the rest of a longer one is not read. */
const MAX_VIEW3D_LENGTH = 200;

function view3dText(s: View3dSettings): string {
  return VIEW3D_SLOTS.map((slot) => String(at(s, slot))).join(',');
}

const DEFAULT_TEXT = view3dText(DEFAULT_VIEW3D as View3dSettings);

/** The field's value, or null when the settings are the defaults (nothing to carry). */
export function encodeView3d(s: View3dSettings): string | null {
  const text = view3dText(s);
  return text === DEFAULT_TEXT ? null : text;
}

/** Sets `value` at a dotted path, making objects (arrays before a numeric key) without a prototype. */
function put(root: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = root;
  keys.slice(0, -1).forEach((key, i) => {
    o = (o[key] ??= /^[0-9]+$/.test(keys[i + 1]) ? [] : Object.create(null)) as Obj;
  });
  o[keys[keys.length - 1]] = value;
}

/** The settings a `view3d=` value stands for; what could not be used is logged under `view3d`. */
export function readView3d(value: string, log: ProblemLog): View3dSettings {
  const raw = Object.create(null) as Obj;
  const items = value.slice(0, MAX_VIEW3D_LENGTH).split(',');
  VIEW3D_SLOTS.forEach((slot, k) => put(raw, slot, VIEW3D_TEXT_SLOTS.has(slot) ? items[k] : slotNumber(items[k])));
  const settings = sanitizeView3d(raw);
  if (view3dText(settings) !== value) {
    log.add('view3d', `could not use all of "${value.slice(0, 80)}"`, 'the 3D view settings fell back to their defaults where invalid');
  }
  return settings;
}
