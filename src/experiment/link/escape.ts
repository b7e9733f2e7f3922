// The `escape=` field of the link: the escape-time distribution's settings in the slots of
// format.ts's ESCAPE_SLOTS. Reading is lenient and total, as for `maps=`: sanitizeEscapeSettings
// clamps every slot, and a value that is not exactly what those settings would write is reported once.
import { DEFAULT_ESCAPE_SETTINGS, sanitizeEscapeSettings, type EscapeSettings } from '../escape';
import { ESCAPE_AUTO, ESCAPE_SLOTS } from './format';
import type { ProblemLog } from './problems';

/** A real value is under 40 characters; the rest of a longer one is not read. */
const MAX_ESCAPE_LENGTH = 100;

function settingsText(s: EscapeSettings): string {
  return ESCAPE_SLOTS.map((slot) => (s[slot] === null ? ESCAPE_AUTO : String(s[slot]))).join(',');
}

const DEFAULT_TEXT = settingsText(DEFAULT_ESCAPE_SETTINGS);

/** The field's value, or null when the settings are the defaults (nothing to carry). */
export function encodeEscape(s: EscapeSettings): string | null {
  const text = settingsText(s);
  return text === DEFAULT_TEXT ? null : text;
}

// As Number(), but an empty slot is no number (Number('') is 0).
const slotNumber = (v: string | undefined) => (v === undefined || v.trim() === '' ? NaN : Number(v));

/** The settings an `escape=` value stands for; what could not be used is logged under `escape`. */
export function readEscape(value: string, log: ProblemLog): EscapeSettings {
  const items = value.slice(0, MAX_ESCAPE_LENGTH).split(',');
  const raw: Record<string, number | null> = Object.create(null) as Record<string, number | null>;
  ESCAPE_SLOTS.forEach((slot, k) => {
    raw[slot] = slot !== 'seeds' && items[k] === ESCAPE_AUTO ? null : slotNumber(items[k]);
  });
  const settings = sanitizeEscapeSettings(raw);
  if (settingsText(settings) !== value) {
    log.add('escape', `could not use all of "${value.slice(0, 80)}"`, 'the escape-time settings fell back to their defaults where invalid');
  }
  return settings;
}
