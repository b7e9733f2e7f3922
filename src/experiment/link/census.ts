// The `census=` field of the link: the network census's settings in the slots of format.ts's
// CENSUS_SLOTS. Reading is lenient and total, as for `escape=`: sanitizeCensusSettings clamps
// every slot, and a value that is not exactly what those settings would write is reported once.
import { DEFAULT_CENSUS_SETTINGS, sanitizeCensusSettings, type CensusSettings } from '../census';
import { CENSUS_SLOTS } from './format';
import { slotNumber } from './maps';
import type { ProblemLog } from './problems';

/** A real value is under 20 characters; the rest of a longer one is not read. */
const MAX_CENSUS_LENGTH = 100;

const settingsText = (s: CensusSettings): string => CENSUS_SLOTS.map((slot) => String(s[slot])).join(',');

const DEFAULT_TEXT = settingsText(DEFAULT_CENSUS_SETTINGS);

/** The field's value, or null when the settings are the defaults (nothing to carry). */
export function encodeCensus(s: CensusSettings): string | null {
  const text = settingsText(s);
  return text === DEFAULT_TEXT ? null : text;
}

/** The settings a `census=` value stands for; what could not be used is logged under `census`. */
export function readCensus(value: string, log: ProblemLog): CensusSettings {
  const items = value.slice(0, MAX_CENSUS_LENGTH).split(',');
  const raw = Object.fromEntries(CENSUS_SLOTS.map((slot, k) => [slot, slotNumber(items[k])]));
  const settings = sanitizeCensusSettings(raw);
  if (settingsText(settings) !== value) {
    log.add('census', `could not use all of "${value.slice(0, 80)}"`, 'the census settings fell back to their defaults where invalid');
  }
  return settings;
}
