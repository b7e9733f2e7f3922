// The settings of the network panel's census of critical points (src/nets/census, run from
// src/state/census.ts): what the share link's `census=` field carries (link/census.ts), with their
// limits, defaults and a sanitizer that clamps untrusted input. Not part of the Experiment.

export interface CensusSettings {
  /** Seeded random starts. */
  starts: number;
  /** The solver stops at ||grad L|| <= eps. */
  eps: number;
}

/** The panel offers these tolerances (a select); a link's other values fall back to the default. */
export const CENSUS_EPS_CHOICES = [1e-6, 1e-8, 1e-9, 1e-10] as const;

/** The panel's limits (the CLI's --census allows more starts: it is not a page that must stay responsive). */
export const CENSUS_LIMITS = { starts: { min: 1, max: 2000 } } as const;

export const DEFAULT_CENSUS_SETTINGS: Readonly<CensusSettings> = { starts: 40, eps: 1e-9 };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Untrusted input (a decoded link) to valid settings: anything missing or invalid takes its default. */
export function sanitizeCensusSettings(v: unknown): CensusSettings {
  const d = { ...DEFAULT_CENSUS_SETTINGS };
  if (typeof v !== 'object' || v === null) return d;
  const s = v as Partial<Record<keyof CensusSettings, unknown>>;
  const { starts } = CENSUS_LIMITS;
  return {
    starts: finite(s.starts) ? Math.min(starts.max, Math.max(starts.min, Math.round(s.starts))) : d.starts,
    eps: finite(s.eps) && (CENSUS_EPS_CHOICES as readonly number[]).includes(s.eps) ? s.eps : d.eps,
  };
}
