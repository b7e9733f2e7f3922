// The settings of the figures of function problems in d dimensions: escape time against d
// (src/optim/escape.ts, escapeVsDim) and rates against eps (src/optim/rates.ts, which has no
// settings of its own: it runs the experiment as it is). What the share link's `dimfig=` field
// carries (link/dimfig.ts), with their limits, defaults (the command line's --escape-vs-dim uses
// the same ones), the checks of what a person types, and a sanitizer that clamps untrusted input.
// Not part of the Experiment.
import { LIMITS } from './limits';

/** Which named saddle every run starts at: the one nearest the default start, or the last one. */
export const SADDLE_CHOICES = ['nearest', 'last'] as const;
export type SaddleChoice = (typeof SADDLE_CHOICES)[number];

export interface DimFigureSettings {
  /** The dimensions, in the order given (a log grid by default). */
  dims: number[];
  /** Seeds per dimension: the experiment's seed and the next seeds - 1 after it. */
  seeds: number;
  /** Radius of the ball around the saddle: a run escapes at its first step outside it. */
  radius: number;
  saddle: SaddleChoice;
}

export const DIM_FIGURE_LIMITS = {
  /** Each dimension: a function problem's. */
  dim: LIMITS.functionDim,
  /** How many dimensions. */
  dims: 20,
  seeds: { min: 1, max: 1000 },
  radius: { max: LIMITS.coordinate.max },
} as const;

/**
 * A log grid from 2 to 1000; 10 seeds. On GD against PGD (lr 0.05, from a ball of 1e-3) on
 * strictSaddle or saddleChain the whole figure takes about a second of one core.
 */
export const DEFAULT_DIM_FIGURE_SETTINGS: Readonly<DimFigureSettings> = { dims: [2, 5, 10, 20, 50, 100, 200, 500, 1000], seeds: 10, radius: 0.5, saddle: 'nearest' };

export function defaultDimFigureSettings(): DimFigureSettings {
  return { ...DEFAULT_DIM_FIGURE_SETTINGS, dims: [...DEFAULT_DIM_FIGURE_SETTINGS.dims] };
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const isInteger = (v: number, { min, max }: { min: number; max: number }) => Number.isInteger(v) && v >= min && v <= max;
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** `2, 5, 10`: the dimensions a person typed (commas or spaces between), or one line saying what is wrong. */
export function checkDims(text: string): Checked<number[]> {
  const { dim, dims } = DIM_FIGURE_LIMITS;
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, error: `dimensions: give at least one, from ${dim.min} to ${dim.max} (e.g. 2, 10, 100)` };
  if (parts.length > dims) return { ok: false, error: `dimensions: at most ${dims} (got ${parts.length})` };
  const bad = parts.find((p) => !isInteger(Number(p), dim));
  if (bad !== undefined) return { ok: false, error: `dimensions must be whole numbers from ${dim.min} to ${dim.max} (got "${clip(bad)}")` };
  return { ok: true, value: parts.map(Number) };
}

// As Number(), but an empty or blank entry is no number (Number('') is 0).
const typed = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/** The seeds a person typed, or one line saying what is wrong. */
export function checkSeeds(text: string): Checked<number> {
  const { min, max } = DIM_FIGURE_LIMITS.seeds;
  const v = typed(text);
  return isInteger(v, DIM_FIGURE_LIMITS.seeds) ? { ok: true, value: v } : { ok: false, error: `seeds must be a whole number from ${min} to ${max} (got "${clip(text)}")` };
}

/** The radius a person typed, or one line saying what is wrong. */
export function checkRadius(text: string): Checked<number> {
  const { max } = DIM_FIGURE_LIMITS.radius;
  const v = typed(text);
  return v > 0 && v <= max ? { ok: true, value: v } : { ok: false, error: `radius must be a number above 0, at most ${max} (got "${clip(text)}")` };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clampInt = (v: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, Math.round(v)));

/** Untrusted input (a decoded link) to valid settings: anything missing or invalid takes its default; numbers out of range are clamped. */
export function sanitizeDimFigureSettings(v: unknown): DimFigureSettings {
  const d = defaultDimFigureSettings();
  if (typeof v !== 'object' || v === null) return d;
  const s = v as Partial<Record<keyof DimFigureSettings, unknown>>;
  const dims = Array.isArray(s.dims) ? s.dims.filter(finite).slice(0, DIM_FIGURE_LIMITS.dims).map((x) => clampInt(x, DIM_FIGURE_LIMITS.dim)) : [];
  return {
    dims: dims.length > 0 ? dims : d.dims,
    seeds: finite(s.seeds) ? clampInt(s.seeds, DIM_FIGURE_LIMITS.seeds) : d.seeds,
    // A radius that is no positive number falls back to the default, not to the least radius.
    radius: finite(s.radius) && s.radius > 0 ? Math.min(DIM_FIGURE_LIMITS.radius.max, s.radius) : d.radius,
    saddle: (SADDLE_CHOICES as readonly unknown[]).includes(s.saddle) ? (s.saddle as SaddleChoice) : d.saddle,
  };
}
