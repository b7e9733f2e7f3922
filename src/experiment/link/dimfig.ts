// The `dimfig=` field of the link: the settings of the figures of function problems in d
// dimensions (escape time against d; rates against eps have none) in the slots of format.ts's
// DIMFIG_SLOTS. Reading is lenient and total, as for `census=`: sanitizeDimFigureSettings clamps
// every slot, and a value that is not exactly what those settings would write is reported once.
import { DEFAULT_DIM_FIGURE_SETTINGS, sanitizeDimFigureSettings, type DimFigureSettings } from '../dimFigures';
import { DIMFIG_LIST_SEPARATOR, DIMFIG_SLOTS } from './format';
import { slotNumber } from './maps';
import type { ProblemLog } from './problems';

/** A real value is under 130 characters (20 dimensions of up to 4 digits); the rest of a longer one is not read. */
const MAX_DIMFIG_LENGTH = 200;

const settingsText = (s: DimFigureSettings): string =>
  DIMFIG_SLOTS.map((slot) => (slot === 'dims' ? s.dims.map(String).join(DIMFIG_LIST_SEPARATOR) : String(s[slot]))).join(',');

const DEFAULT_TEXT = settingsText(DEFAULT_DIM_FIGURE_SETTINGS);

/** The field's value, or null when the settings are the defaults (nothing to carry). */
export function encodeDimfig(s: DimFigureSettings): string | null {
  const text = settingsText(s);
  return text === DEFAULT_TEXT ? null : text;
}

/** The settings a `dimfig=` value stands for; what could not be used is logged under `dimfig`. */
export function readDimfig(value: string, log: ProblemLog): DimFigureSettings {
  const items = value.slice(0, MAX_DIMFIG_LENGTH).split(',');
  const raw = Object.fromEntries(
    DIMFIG_SLOTS.map((slot, k) => {
      const item = items[k];
      if (slot === 'dims') return [slot, item === undefined ? [] : item.split(DIMFIG_LIST_SEPARATOR).map(slotNumber)];
      return [slot, slot === 'saddle' ? item : slotNumber(item)];
    }),
  );
  const settings = sanitizeDimFigureSettings(raw);
  if (settingsText(settings) !== value) {
    log.add('dimfig', `could not use all of "${value.slice(0, 80)}"`, 'the settings of the figures in d dimensions fell back to their defaults where invalid');
  }
  return settings;
}
