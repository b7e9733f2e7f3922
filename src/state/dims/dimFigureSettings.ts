// The settings of escape time against d: a zustand store of their own, as the escape
// distribution's are. The URL codec carries them (`dimfig=`, src/experiment/link/dimfig.ts) and
// sanitizes what it decodes; the panel's fields check what a person types (checkDims, ...).
import { create } from 'zustand';
import { defaultDimFigureSettings, type DimFigureSettings } from '../../experiment/dimFigures';
import { decodeExperiment, encodeDimfig } from '../../experiment/link';

export const useDimFigureSettings = create<DimFigureSettings>(() => defaultDimFigureSettings());

export function setDimFigureSettings(change: Partial<DimFigureSettings>): void {
  useDimFigureSettings.setState(change);
}

/** The experiment's link with the settings' `dimfig=` field when they are not the defaults. */
export function withDimfigField(hash: string): string {
  const value = encodeDimfig(useDimFigureSettings.getState());
  return value === null ? hash : `${hash}&dimfig=${value}`;
}

/** A loaded link's `dimfig=` settings, when it has them (its problems are the link notice's, from decodeExperiment). */
export function applyDimfigField(hash: string): void {
  const dimfig = decodeExperiment(hash).dimfig;
  if (dimfig) useDimFigureSettings.setState(dimfig, true);
}
