// The settings of the basin map and the sweep map: a pure, JSON-friendly description that the
// share link can carry (batchLink.ts encodes it), with defaults and a sanitizer that
// clamps untrusted input (a value edited in the URL never reaches the engine unchecked).
// Everything else a batched run needs (surface, optimizer, stop rule, seed) comes from the
// Experiment, so the basin of a pixel and the explorer's run from that pixel agree.
import { OPTIMIZER_SPECS } from '../optim/optimizers/params';
import type { OptimizerId } from '../experiment/types';

/**
 * How an axis maps cell centres to values: 'log' for rates and scales, 'log1m' spaces 1 - v on
 * a log scale (momentum 0.9, 0.99, 0.999 are equally far apart), 'linear' otherwise.
 */
export type AxisScale = 'linear' | 'log' | 'log1m';

export interface SweepAxis {
  /** An optimizer parameter ('lr', 'momentum', 'eps', ...), 'beta1' / 'beta2', or 'gradNoise'. */
  param: string;
  min: number;
  max: number;
  scale: AxisScale;
}

export type SweepColor = 'steps' | 'finalF';

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
} as const;

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

/** The parameters a sweep axis may vary for this optimizer (numbers only; booleans stay fixed). */
export function sweepableParams(optimizer: OptimizerId): string[] {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(OPTIMIZER_SPECS[optimizer].params)) {
    if (spec.type === 'number') out.push(name);
    else if (spec.type === 'pair' && name === 'betas') out.push('beta1', 'beta2');
  }
  out.push('gradNoise');
  return out;
}

/** The scale a new axis on this parameter starts with. */
export function defaultScale(param: string, optimizer: OptimizerId): AxisScale {
  if (param === 'gradNoise') return 'log';
  if (param === 'beta1' || param === 'beta2' || param === 'momentum' || param === 'alpha' || param === 'rho') return 'log1m';
  const spec = OPTIMIZER_SPECS[optimizer].params[param];
  return spec?.type === 'number' && spec.log ? 'log' : 'linear';
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

/** The value at cell i of n (cell centres, so the cells tile [min, max] exactly). */
export function axisValue(axis: SweepAxis, i: number, n: number): number {
  const t = (i + 0.5) / n;
  switch (axis.scale) {
    case 'linear':
      return axis.min + t * (axis.max - axis.min);
    case 'log':
      return Math.exp(Math.log(axis.min) + t * (Math.log(axis.max) - Math.log(axis.min)));
    case 'log1m':
      // from 1 - min down to 1 - max, so the value rises with i
      return 1 - Math.exp(Math.log(1 - axis.min) + t * (Math.log(1 - axis.max) - Math.log(1 - axis.min)));
  }
}

const clampInt = (v: unknown, lo: number, hi: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

function sanitizeAxis(v: unknown, fallback: SweepAxis): SweepAxis {
  if (typeof v !== 'object' || v === null) return { ...fallback };
  const a = v as Partial<Record<keyof SweepAxis, unknown>>;
  const { min: lo, max: hi } = BATCH_LIMITS.axisValue;
  const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : d);
  const axis: SweepAxis = {
    param: typeof a.param === 'string' && /^[A-Za-z][A-Za-z0-9]{0,31}$/.test(a.param) ? a.param : fallback.param,
    min: num(a.min, fallback.min),
    max: num(a.max, fallback.max),
    scale: a.scale === 'linear' || a.scale === 'log' || a.scale === 'log1m' ? a.scale : fallback.scale,
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
  const { basinResolution: br, sweepResolution: sr } = BATCH_LIMITS;
  const basins = (x: Record<string, unknown>, fallback: BasinSettings): BasinSettings => ({
    resolution: clampInt(x.resolution, br.min, br.max, fallback.resolution),
    run: clampInt(x.run, 0, 7, fallback.run),
  });
  return {
    basins: basins(b, d.basins),
    compare: typeof s.compare === 'object' && s.compare !== null ? basins(s.compare, { resolution: d.basins.resolution, run: 1 }) : null,
    sweep: {
      resolution: clampInt(w.resolution, sr.min, sr.max, d.sweep.resolution),
      run: clampInt(w.run, 0, 7, d.sweep.run),
      x: sanitizeAxis(w.x, d.sweep.x),
      y: sanitizeAxis(w.y, d.sweep.y),
      color: w.color === 'finalF' ? 'finalF' : 'steps',
    },
  };
}
