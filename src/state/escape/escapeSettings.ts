// The escape-time distribution's settings: a zustand store of their own, as the maps' are. The URL
// codec carries them (`escape=`, src/experiment/link/escape.ts) and sanitizes what it decodes.
import { create } from 'zustand';
import { defaultEscapeSettings, type EscapeSettings } from '../../experiment/escape';
import { decodeExperiment, encodeEscape } from '../../experiment/link';
import type { Experiment } from '../../experiment/types';
import { escapeRunIndex, randomnessOf } from '../../batch/escapeJob';

export const useEscapeSettings = create<EscapeSettings>(() => defaultEscapeSettings());

export function setEscapeSettings(change: Partial<EscapeSettings>): void {
  useEscapeSettings.setState(change);
}

/** The experiment's link with the settings' `escape=` field when they are not the defaults. */
export function withEscapeField(hash: string): string {
  const value = encodeEscape(useEscapeSettings.getState());
  return value === null ? hash : `${hash}&escape=${value}`;
}

/** A loaded link's `escape=` settings, when it has them (its problems are the link notice's, from decodeExperiment). */
export function applyEscapeField(hash: string): void {
  const escape = decodeExperiment(hash).escape;
  if (escape) useEscapeSettings.setState(escape, true);
}

export interface EscapeRunChoice {
  index: number;
  /** What makes the run random (label "pgd's perturbation radius", value 0.1), or null for a deterministic run. */
  randomness: { label: string; value: number } | null;
}

/** The runs the distribution can repeat, each with its randomness, and the run the settings pick now. */
export function escapeRunChoices(exp: Experiment, settings: EscapeSettings): { runs: EscapeRunChoice[]; picked: number | null } {
  const runs = exp.runs.map((run, index) => {
    const r = randomnessOf(run);
    return { index, randomness: r ? { label: r.label, value: r.value } : null };
  });
  return { runs, picked: escapeRunIndex(exp, settings.run) };
}
