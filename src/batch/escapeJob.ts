// An escape-time job: one run of an experiment that has randomness (pgd's kicks, noisySgd's noise,
// or gradient noise), repeated over many seeds, each timed on its way out of a ball around the
// critical point it starts near. Plain data, so it crosses to workers by structured clone; the CLI
// (`--escape-times`) and the app's histogram run the same job through escapeRun.ts.
//
// The ball: its centre is the critical point (of the regularized objective, in the experiment's
// view window, as the plot and `--critical-points` find them) nearest to the run's start. Its
// radius is given, or by default the smaller of a tenth of the window's shorter side and half the
// distance from the centre to the nearest other critical point, so the ball holds that one point.
import { OPTIMIZER_SPECS } from '../optim/optimizers/params';
import type { EscapeSettings } from '../experiment/escape';
import { LIMITS } from '../experiment/limits';
import { runStreamId } from '../experiment/streamIds';
import { createEngine } from '../optim/engine';
import type { Experiment, PointKind, Run } from '../experiment/types';
import { pow } from '../numeric';
import { findCriticalPoints, type CriticalPoint } from '../surfaces/critical';
import { regularizedSurface } from '../surfaces/objective';
import { resolveSurface } from '../surfaces/resolve';

/** What makes a run random, and the knob that sets how much: pgd's kick radius, noisySgd's sigma, or the gradient noise. */
export interface Randomness {
  param: 'radius' | 'sigma' | 'gradNoise';
  value: number;
  /** How the knob reads in a sentence. */
  label: string;
}

/** The run's randomness, or null for a deterministic run (then every seed gives the same path). */
export function randomnessOf(run: Run): Randomness | null {
  const p = run.params ?? {};
  const own = (name: 'radius' | 'sigma') => (typeof p[name] === 'number' ? (p[name] as number) : (OPTIMIZER_SPECS[run.optimizer].params[name]?.default as number));
  if (run.optimizer === 'pgd' && own('radius') > 0) return { param: 'radius', value: own('radius'), label: "pgd's perturbation radius" };
  if (run.optimizer === 'noisySgd' && own('sigma') > 0) return { param: 'sigma', value: own('sigma'), label: "noisySgd's sigma" };
  if ((run.gradNoise ?? 0) > 0) return { param: 'gradNoise', value: run.gradNoise as number, label: 'the gradient noise' };
  return null;
}

export interface EscapeBall {
  center: { x: number; y: number; kind: PointKind; f: number };
  radius: number;
  /** 'given' (the settings' radius) or 'default' (the rule above). */
  radiusFrom: 'given' | 'default';
}

export interface EscapeJob {
  experiment: Experiment;
  /** The run repeated, and the knob that makes it random. */
  run: number;
  randomness: Randomness;
  /** Seeds firstSeed, firstSeed + 1, ... (mod 2^32): seed s is the explorer's run with seed s. */
  firstSeed: number;
  seeds: number;
  ball: EscapeBall;
}

export type EscapeJobResult = { ok: true; job: EscapeJob } | { ok: false; message: string };

/** The default radius: a tenth of the window's shorter side, or half the way to the nearest other critical point if less. */
export function defaultEscapeRadius(points: readonly CriticalPoint[], center: CriticalPoint, window: { x: [number, number]; y: [number, number] }): number {
  let r = 0.1 * Math.min(window.x[1] - window.x[0], window.y[1] - window.y[0]);
  for (const p of points) {
    const d = Math.hypot(p.x - center.x, p.y - center.y);
    if (p !== center && d > 0) r = Math.min(r, d / 2);
  }
  return r;
}

const NEEDS_RANDOMNESS = 'use pgd, noisySgd or gradient noise > 0';

/** The run the settings name: `run` itself, or when null the first run with randomness (null if none has any). */
export function escapeRunIndex(exp: Experiment, run: number | null): number | null {
  if (run !== null) return run;
  const i = exp.runs.findIndex((r) => randomnessOf(r) !== null);
  return i >= 0 ? i : null;
}

export function buildEscapeJob(exp: Experiment, settings: EscapeSettings): EscapeJobResult {
  if (exp.problem.kind !== 'surface') return { ok: false, message: 'escape times need a surface problem' };
  const index = escapeRunIndex(exp, settings.run);
  if (index === null) return { ok: false, message: `no run has randomness (${NEEDS_RANDOMNESS}): every seed would give the same path` };
  const run = exp.runs[index];
  if (!run) return { ok: false, message: `the experiment has no run ${index + 1}` };
  const randomness = randomnessOf(run);
  if (!randomness) {
    const random = exp.runs.map((r, i) => (randomnessOf(r) ? i + 1 : 0)).filter((i) => i > 0);
    const hint = random.length ? `; run${random.length > 1 ? 's' : ''} ${random.join(', ')} ha${random.length > 1 ? 've' : 's'} randomness` : '';
    return { ok: false, message: `run ${index + 1} has no randomness (${NEEDS_RANDOMNESS}): every seed gives the same path${hint}` };
  }
  // What the engine refuses (a line-search method with noise, say) is refused here, once.
  const engine = createEngine(seedExperiment({ experiment: exp, run: index }, exp.seed));
  if (!engine.ok) return { ok: false, message: engine.errors.map((e) => `${e.path.replace(/^runs\[0\]/, `runs[${index}]`)}: ${e.message}`).join('; ') };
  const resolved = resolveSurface(exp.problem);
  if (!resolved.ok) return { ok: false, message: `problem: ${resolved.message}` };
  const window = exp.view ?? resolved.surface.view;
  const points = findCriticalPoints(regularizedSurface(resolved.surface, exp.problem.regularization), window);
  const start = run.start ?? resolved.surface.start;
  let center: CriticalPoint | null = null;
  for (const p of points) {
    if (!center || Math.hypot(p.x - start[0], p.y - start[1]) < Math.hypot(center.x - start[0], center.y - start[1])) center = p;
  }
  if (!center) return { ok: false, message: 'the surface has no critical point in the view window to escape from' };
  const radius = settings.radius ?? defaultEscapeRadius(points, center, window);
  return {
    ok: true,
    job: {
      experiment: exp,
      run: index,
      randomness,
      firstSeed: exp.seed,
      seeds: settings.seeds,
      ball: { center: { x: center.x, y: center.y, kind: center.kind, f: center.f }, radius, radiusFrom: settings.radius === null ? 'default' : 'given' },
    },
  };
}

/**
 * The experiment of seed `seed`: the job's run alone, on its own random stream (runStreamId), so
 * createEngine gives it the path run `job.run` has in the explorer with that seed.
 */
export function seedExperiment(job: Pick<EscapeJob, 'experiment' | 'run'>, seed: number): Experiment {
  const run = job.experiment.runs[job.run];
  return { ...job.experiment, seed, runs: [{ ...run, stream: runStreamId(run, job.run) }] };
}

/** The seed of the job's seed number i. */
export const seedAt = (job: EscapeJob, i: number): number => (job.firstSeed + i) >>> 0;

/** How many values the sweep of the median takes, and how many seeds at each (at most). */
export const ESCAPE_SWEEP = { points: 7, seeds: 100 } as const;

/** The sweep's values: the knob's own value times 10^-1 .. 10^1 on a log scale, within the parameter's limits. */
export function escapeSweepValues(job: EscapeJob, points: number = ESCAPE_SWEEP.points): number[] {
  const { param, value } = job.randomness;
  const spec = param === 'gradNoise' ? LIMITS.gradNoise : (OPTIMIZER_SPECS[job.experiment.runs[job.run].optimizer].params[param] as { min: number; max: number });
  return Array.from({ length: points }, (_, k) => Math.min(spec.max, Math.max(spec.min, value * pow(10, points === 1 ? 0 : -1 + (2 * k) / (points - 1)))));
}

/** The job with its randomness knob set to `value` and `seeds` seeds (one point of the sweep); the ball stays. */
export function withKnob(job: EscapeJob, value: number, seeds: number): EscapeJob {
  const experiment = structuredClone(job.experiment);
  const run = experiment.runs[job.run];
  if (job.randomness.param === 'gradNoise') run.gradNoise = value;
  else run.params = { ...run.params, [job.randomness.param]: value };
  return { ...job, experiment, randomness: { ...job.randomness, value }, seeds };
}
