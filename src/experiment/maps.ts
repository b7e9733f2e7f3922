// The settings of the basin map and the sweep map: what the share link's `maps=` field carries
// (link/maps.ts), with its limits, defaults and a sanitizer that clamps untrusted input (a value
// edited in the URL never reaches the engine unchecked). Not part of the Experiment: everything
// else a map needs (surface, optimizer, stop rule, seed) comes from the Experiment, so the basin of
// a pixel and the explorer's run from that pixel agree. src/batch/batchSettings.ts re-exports
// these names and adds what needs the optimizer table (which parameters an axis may sweep).
import { LIMITS } from './limits';

/**
 * How an axis maps cell centres to values: 'log' for rates and scales, 'log1m' spaces 1 - v on
 * a log scale (momentum 0.9, 0.99, 0.999 are equally far apart), 'linear' otherwise.
 */
export type AxisScale = 'linear' | 'log' | 'log1m';
export const AXIS_SCALES: readonly AxisScale[] = ['linear', 'log', 'log1m'];

export interface SweepAxis {
  /** An optimizer parameter ('lr', 'momentum', 'eps', ...), 'beta1' / 'beta2', or 'gradNoise'. */
  param: string;
  min: number;
  max: number;
  scale: AxisScale;
}

export type SweepColor = 'steps' | 'finalF';
export const SWEEP_COLORS: readonly SweepColor[] = ['steps', 'finalF'];

export interface BasinSettings {
  /** Starts per axis: the map is resolution x resolution pixels over the view. */
  resolution: number;
  /** Which run of the experiment lends its optimizer and settings. */
  run: number;
}

export interface SweepSettings {
  /** Settings per axis: resolution x resolution cells. */
  resolution: number;
  run: number;
  x: SweepAxis;
  y: SweepAxis;
  color: SweepColor;
}

export interface BatchSettings {
  basins: BasinSettings;
  /** A second basin map beside the first, for another run (two optimizers side by side), or null. */
  compare: BasinSettings | null;
  sweep: SweepSettings;
}

export const BATCH_LIMITS = {
  basinResolution: { min: 16, max: 512 },
  sweepResolution: { min: 4, max: 128 },
  /** Axis values: wide enough for any learning rate or noise level the schema allows. */
  axisValue: { min: -1e6, max: 1e6 },
  /** A run index: one of the experiment's runs. */
  run: { min: 0, max: LIMITS.runs.max - 1 },
} as const;

/** A sweep axis names a parameter: a short identifier, never a key like "__proto__". */
export const AXIS_PARAM = /^[A-Za-z][A-Za-z0-9]{0,31}$/;

export const DEFAULT_BATCH_SETTINGS: Readonly<BatchSettings> = {
  basins: { resolution: 128, run: 0 },
  compare: null,
  sweep: {
    resolution: 32,
    run: 0,
    x: { param: 'lr', min: 1e-4, max: 1, scale: 'log' },
    y: { param: 'momentum', min: 0.5, max: 0.999, scale: 'log1m' },
    color: 'steps',
  },
};

export function defaultBatchSettings(): BatchSettings {
  return structuredClone(DEFAULT_BATCH_SETTINGS) as BatchSettings;
}

/** Whether [min, max] can be drawn on this scale (log needs positive values, log1m values below 1). */
export function axisRangeError(axis: SweepAxis): string | null {
  const { min, max, scale } = axis;
  if (!Number.isFinite(min) || !Number.isFinite(max)) return 'the range must be finite';
  if (!(min < max)) return 'min must be below max';
  if (scale === 'log' && !(min > 0)) return 'a log axis needs min > 0';
  if (scale === 'log1m' && !(max < 1)) return 'a log(1 - v) axis needs max < 1';
  return null;
}

const clampInt = (v: unknown, lo: number, hi: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

function sanitizeAxis(v: unknown, fallback: SweepAxis): SweepAxis {
  if (typeof v !== 'object' || v === null) return { ...fallback };
  const a = v as Partial<Record<keyof SweepAxis, unknown>>;
  const { min: lo, max: hi } = BATCH_LIMITS.axisValue;
  const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : d);
  const axis: SweepAxis = {
    param: typeof a.param === 'string' && AXIS_PARAM.test(a.param) ? a.param : fallback.param,
    min: num(a.min, fallback.min),
    max: num(a.max, fallback.max),
    scale: AXIS_SCALES.includes(a.scale as AxisScale) ? (a.scale as AxisScale) : fallback.scale,
  };
  return axisRangeError(axis) === null ? axis : { ...fallback };
}

/**
 * Untrusted input (a decoded link) to valid settings: every field is checked, anything missing
 * or out of range takes its default. Whether a sweep parameter exists for the chosen optimizer
 * is checked when the job is built (the run's optimizer can change after the link is made).
 */
export function sanitizeBatchSettings(v: unknown): BatchSettings {
  const d = defaultBatchSettings();
  if (typeof v !== 'object' || v === null) return d;
  const s = v as { basins?: Record<string, unknown>; compare?: Record<string, unknown> | null; sweep?: Record<string, unknown> };
  const b = s.basins ?? {};
  const w = s.sweep ?? {};
  const { basinResolution: br, sweepResolution: sr, run } = BATCH_LIMITS;
  const basins = (x: Record<string, unknown>, fallback: BasinSettings): BasinSettings => ({
    resolution: clampInt(x.resolution, br.min, br.max, fallback.resolution),
    run: clampInt(x.run, run.min, run.max, fallback.run),
  });
  return {
    basins: basins(b, d.basins),
    compare: typeof s.compare === 'object' && s.compare !== null ? basins(s.compare, { resolution: d.basins.resolution, run: 1 }) : null,
    sweep: {
      resolution: clampInt(w.resolution, sr.min, sr.max, d.sweep.resolution),
      run: clampInt(w.run, run.min, run.max, d.sweep.run),
      x: sanitizeAxis(w.x, d.sweep.x),
      y: sanitizeAxis(w.y, d.sweep.y),
      color: w.color === 'finalF' ? 'finalF' : 'steps',
    },
  };
}
