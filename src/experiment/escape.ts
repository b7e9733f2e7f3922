// The settings of the escape-time distribution: what the share link's `escape=` field carries
// (link/escape.ts), with its limits, defaults and a sanitizer that clamps untrusted input. Not part
// of the Experiment: the run, its randomness, the stop rule and the first seed come from the
// Experiment, so seed s of the distribution is the explorer's run with seed s. The computation is
// src/batch/escapeJob.ts.
import { LIMITS } from './limits';

export interface EscapeSettings {
  /**
   * Which run of the experiment is repeated (it must have randomness: pgd, noisySgd or gradNoise
   * > 0); null: the first run that has randomness.
   */
  run: number | null;
  /** How many seeds: the experiment's seed and the next seeds - 1 after it. */
  seeds: number;
  /**
   * Radius of the ball around the critical point the run starts near; null: the default rule
   * (src/batch/escapeJob.ts, defaultEscapeRadius).
   */
  radius: number | null;
}

export const ESCAPE_LIMITS = {
  seeds: { min: 1, max: 1000 },
  radius: { min: 1e-9, max: 1e6 },
  run: { min: 0, max: LIMITS.runs.max - 1 },
} as const;

export const DEFAULT_ESCAPE_SETTINGS: Readonly<EscapeSettings> = { run: null, seeds: 200, radius: null };

export function defaultEscapeSettings(): EscapeSettings {
  return { ...DEFAULT_ESCAPE_SETTINGS };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clampInt = (v: unknown, lo: number, hi: number, fallback: number): number => (finite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback);

/** Untrusted input (a decoded link) to valid settings: anything missing or invalid takes its default. */
export function sanitizeEscapeSettings(v: unknown): EscapeSettings {
  const d = defaultEscapeSettings();
  if (typeof v !== 'object' || v === null) return d;
  const s = v as Partial<Record<keyof EscapeSettings, unknown>>;
  const { seeds, radius, run } = ESCAPE_LIMITS;
  return {
    run: finite(s.run) ? clampInt(s.run, run.min, run.max, 0) : null,
    seeds: clampInt(s.seeds, seeds.min, seeds.max, d.seeds),
    // A radius that is no positive number falls back to the default rule, not to the least radius.
    radius: finite(s.radius) && s.radius > 0 ? Math.min(radius.max, Math.max(radius.min, s.radius)) : null,
  };
}
