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
import type { SaddleChoice } from '../experiment/dimFigures';
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

export type { SaddleChoice };

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

type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * One piece of the figure: the seeds exp.seed + from .. + from + count - 1 at dims[dimIndex].
 * The figure is cut into such jobs so that a pool of workers can share it (src/workers); every
 * job is independent, and mergeEscapeJobs joins them into the sequential answer.
 */
export interface EscapeJob {
  dimIndex: number;
  from: number;
  count: number;
}

export interface EscapeJobResult {
  dimIndex: number;
  from: number;
  saddle: { label: string; index: number };
  /** Per run, per seed of the job: the escape step, or null. */
  times: (number | null)[][];
}

/** The figure's jobs in their order (dims in the given order, seeds ascending), each of at most `blockSize` seeds. */
export function escapeJobs(opts: Pick<EscapeOptions, 'dims' | 'seeds'>, blockSize = opts.seeds): EscapeJob[] {
  const size = Math.max(1, Math.floor(blockSize));
  return opts.dims.flatMap((_, dimIndex) => {
    const jobs: EscapeJob[] = [];
    for (let from = 0; from < opts.seeds; from += size) jobs.push({ dimIndex, from, count: Math.min(size, opts.seeds - from) });
    return jobs;
  });
}

/** Why the experiment cannot give escape times (null when it can), before any dimension is tried. */
export function escapeRefusal(exp: Experiment): string | null {
  if (exp.problem.kind !== 'function') return 'problem: escape times need a function problem (problem.kind "function")';
  const fixed = exp.runs.findIndex((r) => r.start !== undefined);
  if (fixed >= 0) return `runs[${fixed}].start: escape runs start at the saddle (give startRadius for a random start around it)`;
  return null;
}

/**
 * Runs one job: the experiment's function problem at d = dims[job.dimIndex], every run started at
 * the saddle (plus its startRadius draw), with seeds exp.seed + job.from + s (modulo 2^32).
 * `onSeed` hears each seed as it ends (progress). A run must not give `start`: the saddle is its start.
 */
export function runEscapeJob(exp: Experiment, opts: EscapeOptions, job: EscapeJob, onSeed?: () => void): Answer<EscapeJobResult> {
  const refusal = escapeRefusal(exp);
  if (refusal !== null) return { ok: false, error: refusal };
  const dim = opts.dims[job.dimIndex];
  const atDim: FunctionProblem = { ...(exp.problem as FunctionProblem), dim };
  const fail = (errors: { path: string; message: string }[]) => ({ ok: false as const, error: `at d = ${dim}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` });
  const inst = instanceOf(atDim);
  if (!inst.ok) return fail(inst.errors);
  const saddle = saddleOf(inst.value, inst.value.defaultStart(), opts.saddle);
  if (!saddle.ok) return saddle;
  const labels = exp.runs.map(defaultLabel);
  const runs = exp.runs.map((run) => ({ ...run, start: Array.from(saddle.value.x) }));
  const times: (number | null)[][] = exp.runs.map(() => []);
  for (let s = job.from; s < job.from + job.count; s++) {
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
    onSeed?.();
  }
  return { ok: true, value: { dimIndex: job.dimIndex, from: job.from, saddle: { label: saddle.value.label, index: saddle.value.index }, times } };
}

/**
 * The figure from its jobs' answers, in any order (each job's seeds go to their place): the first
 * refusal in the order given when there is one (answers in job order: the refusal running the jobs
 * one after another meets first). Every (dimension, seed) must be answered exactly once.
 */
export function mergeEscapeJobs(exp: Experiment, opts: EscapeOptions, answers: readonly Answer<EscapeJobResult>[]): Answer<EscapeVsDim> {
  const refusal = escapeRefusal(exp);
  if (refusal !== null) return { ok: false, error: refusal };
  const failed = answers.find((a) => !a.ok);
  if (failed) return failed;
  // Per dimension, per seed: the runs' escape steps; and the saddle each dimension's jobs named.
  const bySeed = opts.dims.map(() => new Array<(number | null)[] | undefined>(opts.seeds).fill(undefined));
  const saddles: (EscapeRow['saddle'] | undefined)[] = opts.dims.map(() => undefined);
  const gap = { ok: false as const, error: 'the escape jobs do not answer every dimension and seed once' };
  for (const a of answers) {
    const { dimIndex, from, saddle, times } = (a as { ok: true; value: EscapeJobResult }).value;
    const seeds = bySeed[dimIndex];
    if (seeds === undefined) return gap;
    saddles[dimIndex] = saddle;
    for (let k = 0; k < (times[0]?.length ?? 0); k++) {
      if (from + k >= opts.seeds || seeds[from + k] !== undefined) return gap;
      seeds[from + k] = times.map((t) => t[k]);
    }
  }
  if (exp.runs.length > 0 && bySeed.some((seeds) => seeds.some((t) => t === undefined))) return gap;
  const labels = exp.runs.map(defaultLabel);
  const out: EscapeVsDim = { kind: 'escapeVsDim', radius: opts.radius, seeds: opts.seeds, saddle: opts.saddle, runs: exp.runs.map((run, i) => ({ label: labels[i], optimizer: run.optimizer, rows: [] })) };
  opts.dims.forEach((dim, dimIndex) => {
    const saddle = saddles[dimIndex];
    if (saddle === undefined) return;
    out.runs.forEach((r, i) => {
      const times = bySeed[dimIndex].map((t) => (t as (number | null)[])[i]);
      r.rows.push({ dim, saddle, escaped: times.filter((t) => t !== null).length, ...censoredQuartiles(times), times });
    });
  });
  return { ok: true, value: out };
}

/**
 * For each dimension d: the experiment's function problem at d, every run started at the saddle
 * (plus its startRadius draw), with seeds exp.seed + 0 .. seeds - 1; per run, the escape times
 * over the seeds and their quartiles. The jobs of escapeJobs run one after another; the first
 * refusal ends it.
 */
export function escapeVsDim(exp: Experiment, opts: EscapeOptions): Answer<EscapeVsDim> {
  const answers: Answer<EscapeJobResult>[] = [];
  for (const job of escapeJobs(opts)) {
    const a = runEscapeJob(exp, opts, job);
    if (!a.ok) return a;
    answers.push(a);
  }
  return mergeEscapeJobs(exp, opts, answers);
}
