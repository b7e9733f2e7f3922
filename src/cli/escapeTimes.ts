// `--escape-times N [--radius r] [--run K]`: one random run of the experiment repeated over N seeds
// (the experiment's seed and the N - 1 after it), each seed's escape step from the ball around the
// critical point nearest the run's start, and its stop step. The job and the engine are the app's
// (src/batch/escapeJob.ts, escapeRun.ts), so the histogram in the app shows these numbers.
import { buildEscapeJob, type EscapeBall, type Randomness } from '../batch/escapeJob';
import { runEscapeJob, type SeedEscape } from '../batch/escapeRun';
import { summarizeEscapes, type EscapeSummary } from '../batch/escapeStats';
import { defaultEscapeSettings, type EscapeSettings } from '../experiment/escape';
import type { Experiment } from '../experiment/types';
import type { CliOptions } from './args';

export interface EscapeTimesResult {
  kind: 'escapeTimes';
  /** The run repeated (counted from 0) and what makes it random. */
  run: number;
  randomness: Pick<Randomness, 'param' | 'value'>;
  /** The ball: centre (the critical point nearest the start), radius, and whether the radius was given. */
  center: EscapeBall['center'];
  radius: number;
  radiusFrom: EscapeBall['radiusFrom'];
  /** Milliseconds the runs took. */
  ms: number;
  summary: EscapeSummary;
  seeds: SeedEscape[];
}

export type EscapeTimesAnswer = { ok: true; value: EscapeTimesResult } | { ok: false; message: string };

/** The settings: the link's `escape=` (when the argument is a link that has one) under the command line's flags. */
export function escapeSettings(options: Pick<CliOptions, 'escapeTimes' | 'radius' | 'run'>, link: EscapeSettings = defaultEscapeSettings()): EscapeSettings {
  return { run: options.run ?? link.run, seeds: options.escapeTimes ?? link.seeds, radius: options.radius ?? link.radius };
}

export function escapeTimes(exp: Experiment, settings: EscapeSettings, onProgress?: (fraction: number) => void): EscapeTimesAnswer {
  const built = buildEscapeJob(exp, settings);
  if (!built.ok) return built;
  const { job } = built;
  const began = performance.now();
  const seeds = runEscapeJob(job, onProgress);
  const ms = performance.now() - began;
  return {
    ok: true,
    value: {
      kind: 'escapeTimes',
      run: job.run,
      randomness: { param: job.randomness.param, value: job.randomness.value },
      center: job.ball.center,
      radius: job.ball.radius,
      radiusFrom: job.ball.radiusFrom,
      ms,
      summary: summarizeEscapes(seeds),
      seeds,
    },
  };
}

/** seed,escape,entered,stop,reason: one row per seed; escape empty when the run did not escape. */
export function escapeCsv(result: EscapeTimesResult): string {
  const lines = result.seeds.map((s) => [s.seed, s.escape ?? '', s.entered, s.stop, s.reason].join(','));
  return ['seed,escape,entered,stop,reason', ...lines].join('\n') + '\n';
}
