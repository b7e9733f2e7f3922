// The maps' settings in the share link, for the callers that split the `maps=` field off a link
// themselves (src/state/urlSync.ts). The field belongs to the link's format table
// (src/experiment/link: MAPS_LAYOUT, encodeMaps, readMaps); these names stay for their importers.
import { encodeMaps, readMaps } from '../experiment/link/maps';
import type { TopKey } from '../experiment/link/format';
import { ProblemLog } from '../experiment/link/problems';
import type { BatchSettings } from './batchSettings';

export const MAPS_KEY = 'maps' satisfies TopKey;

/** The field's value, or null when the settings are the defaults (nothing to carry). */
export function encodeBatchSettings(s: BatchSettings): string | null {
  return encodeMaps(s);
}

export function decodeBatchSettings(value: string): { settings: BatchSettings; problem: string | null } {
  const log = new ProblemLog();
  const settings = readMaps(value, log);
  const problems = log.result();
  return { settings, problem: problems.length > 0 ? problems[0].message : null };
}
