// Escape from a saddle, and how its time grows with the dimension (the CLI's --escape-vs-dim;
// the app can call the same functions).
//
// The escape time of a path from a saddle s with radius r is the first step t at which
// ||x_t - s|| > r after the path has been within r of s (a path that starts inside the ball: its
// first step outside). A path that never enters the ball, or never leaves it before its run
// stops, has no escape time (null: censored at the stop).
//
// escapeVsDim runs "from the strict saddle": every run starts at the saddle (the function's
// named saddle nearest to its default start, or its last named saddle), moved by the run's
// startRadius draw (uniform in that ball, from the run's stream); with startRadius < r the start
// is inside the ball. GD started exactly at a saddle never leaves it (the gradient is 0).
import { LIMITS } from '../experiment/limits';
import type { Experiment, FunctionProblem, Run } from '../experiment/types';
import type { Instance, KnownCriticalPoint } from '../functions/types';
import { defaultLabel } from './engine';
import { createVectorEngine, instanceOf } from './vectorEngine';

/** Watches one path for its escape from the ball of radius r around centre. */
export class EscapeWatch {
  private entered = false;
  /** The escape step, once seen. */
  step: number | null = null;

  constructor(
    private readonly centre: Float64Array,
    private readonly r: number,
  ) {}

  /** Feeds points x_start, x_start+1, ... (dim numbers each, in turn); true once the escape step is known. */
  observe(points: Float64Array, dim: number, start: number): boolean {
    const { centre, r } = this;
    const r2 = r * r;
    for (let i = 0; this.step === null && i * dim < points.length; i++) {
      let sq = 0;
      for (let k = 0; k < dim; k++) {
        const d = points[i * dim + k] - centre[k];
        sq += d * d;
      }
      if (sq <= r2) this.entered = true;
      else if (this.entered) this.step = start + i;
    }
    return this.step !== null;
  }
}

/** The escape step of a recorded path (points as RunResult holds them), or null. */
export function escapeStep(points: readonly (readonly number[])[], centre: Float64Array, r: number): number | null {
  const watch = new EscapeWatch(centre, r);
  for (let t = 0; t < points.length && !watch.observe(Float64Array.from(points[t]), centre.length, t); t++);
  return watch.step;
}

export type SaddleChoice = 'nearest' | 'last';

/** The named saddle a run escapes from (see the header), or a printable reason why there is none. */
export function saddleOf(instance: Instance, from: Float64Array, choice: SaddleChoice): { ok: true; value: KnownCriticalPoint } | { ok: false; error: string } {
  const saddles = (instance.criticalPoints?.named ?? []).filter((p) => p.kind === 'saddle');
  if (saddles.length === 0) return { ok: false, error: `${instance.id} names no saddle to escape from` };
  if (choice === 'last') return { ok: true, value: saddles[saddles.length - 1] };
  const dist = (p: KnownCriticalPoint) => p.x.reduce((s, v, i) => s + (v - from[i]) * (v - from[i]), 0);
  return { ok: true, value: saddles.reduce((best, p) => (dist(p) < dist(best) ? p : best)) };
}

export interface Quartiles {
  q1: number | null;
  median: number | null;
  q3: number | null;
}

/**
 * Quartiles of escape times with the censored ones (null: no escape before the run stopped)
 * counted as later than every escape: linear interpolation between order statistics (type 7, as
 * numpy's default); a quartile that falls on or next to a censored time is null.
 */
export function censoredQuartiles(times: readonly (number | null)[]): Quartiles {
  const sorted = times.map((t) => t ?? Infinity).sort((a, b) => a - b);
  const at = (p: number): number | null => {
    if (sorted.length === 0) return null;
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const frac = h - lo;
    const v = frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    return Number.isFinite(v) ? v : null;
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

export interface EscapeRow extends Quartiles {
  dim: number;
  /** The saddle's label (as the function names it) and its index. */
  saddle: { label: string; index: number };
  /** Seeds whose run escaped, of `times.length`. */
  escaped: number;
  /** Per seed (seed = experiment seed + i): the escape step, or null. */
  times: (number | null)[];
}

export interface EscapeVsDim {
  kind: 'escapeVsDim';
  radius: number;
  seeds: number;
  saddle: SaddleChoice;
  runs: { label: string; optimizer: Run['optimizer']; rows: EscapeRow[] }[];
}

export interface EscapeOptions {
  dims: readonly number[];
  seeds: number;
  radius: number;
  saddle: SaddleChoice;
}

/** Steps per advance() while watching: a run stops being advanced once its escape is known. */
const WATCH_STEPS = 256;

/**
 * For each dimension d: the experiment's function problem at d, every run started at the saddle
 * (plus its startRadius draw), with seeds exp.seed + 0 .. seeds - 1; per run, the escape times
 * over the seeds and their quartiles. A run must not give `start`: the saddle is its start.
 */
export function escapeVsDim(exp: Experiment, opts: EscapeOptions): { ok: true; value: EscapeVsDim } | { ok: false; error: string } {
  const problem = exp.problem;
  if (problem.kind !== 'function') return { ok: false, error: 'problem: escape times need a function problem (problem.kind "function")' };
  const fixed = exp.runs.findIndex((r) => r.start !== undefined);
  if (fixed >= 0) return { ok: false, error: `runs[${fixed}].start: escape runs start at the saddle (give startRadius for a random start around it)` };
  const labels = exp.runs.map(defaultLabel);
  const out: EscapeVsDim = { kind: 'escapeVsDim', radius: opts.radius, seeds: opts.seeds, saddle: opts.saddle, runs: exp.runs.map((run, i) => ({ label: labels[i], optimizer: run.optimizer, rows: [] })) };
  for (const dim of opts.dims) {
    const atDim: FunctionProblem = { ...problem, dim };
    const fail = (errors: { path: string; message: string }[]) => ({ ok: false as const, error: `at d = ${dim}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` });
    const inst = instanceOf(atDim);
    if (!inst.ok) return fail(inst.errors);
    const saddle = saddleOf(inst.value, inst.value.defaultStart(), opts.saddle);
    if (!saddle.ok) return saddle;
    const times: (number | null)[][] = exp.runs.map(() => []);
    for (let s = 0; s < opts.seeds; s++) {
      const runs = exp.runs.map((run) => ({ ...run, start: Array.from(saddle.value.x) }));
      const built = createVectorEngine({ ...exp, problem: atDim, runs, seed: (exp.seed + s) % (LIMITS.seed.max + 1) }, labels);
      if (!built.ok) return fail(built.errors);
      built.engine.runs.forEach((run, i) => {
        const watch = new EscapeWatch(saddle.value.x, opts.radius);
        while (!run.done) {
          const c = run.advance(WATCH_STEPS);
          if (watch.observe(c.xy, c.dim, c.start)) break;
        }
        times[i].push(watch.step);
      });
    }
    out.runs.forEach((r, i) => {
      r.rows.push({ dim, saddle: { label: saddle.value.label, index: saddle.value.index }, escaped: times[i].filter((t) => t !== null).length, ...censoredQuartiles(times[i]), times: times[i] });
    });
  }
  return { ok: true, value: out };
}
