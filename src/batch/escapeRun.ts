// Runs an escape-time job: each seed is the explorer's run (the scalar engine, createEngine, on the
// run alone with the run's own random stream id), so seed s here is bit for bit the path the
// explorer draws for that run with seed s. The batched engine (jsBatch.ts) cannot do this: it
// gives each grid row one random stream shared by the row's pixels, and keeps no path.
//
// The escape step: the run leaves the ball for good, so it is the first step after the path's last
// point inside the ball (for a path that leaves once, the first step outside). A run that ends
// inside has not escaped, nor has one that never came in. This is the lesson checker's rule
// (src/cli/lessons/checkClaim.ts, leavesBall); a test proves the two agree.
import { createEngine, type Engine } from '../optim/engine';
import type { StopReason } from '../experiment/types';
import { type EscapeJob, seedAt, seedExperiment } from './escapeJob';

export interface SeedEscape {
  seed: number;
  /** The escape step, or null: the run ended inside the ball, or never entered it. */
  escape: number | null;
  /** Whether the path was ever inside the ball. */
  entered: boolean;
  /** The step at which the run stopped, and why. */
  stop: number;
  reason: StopReason;
}

/** Follows one run's points as they come and keeps the step of its last point inside the ball. */
export class BallWatch {
  private lastInside = -1;
  private last = -1;

  constructor(
    private readonly cx: number,
    private readonly cy: number,
    private readonly r: number,
  ) {}

  /** Points `start`, `start + 1`, ... as interleaved x, y. */
  see(start: number, xy: Float64Array): void {
    for (let i = 0; 2 * i < xy.length; i++) {
      if (Math.hypot(xy[2 * i] - this.cx, xy[2 * i + 1] - this.cy) <= this.r) this.lastInside = start + i;
    }
    this.last = start + xy.length / 2 - 1;
  }

  get entered(): boolean {
    return this.lastInside >= 0;
  }

  /** The first step after the last point inside, or null when the path ends inside or never came in. */
  get escape(): number | null {
    return this.lastInside >= 0 && this.lastInside < this.last ? this.lastInside + 1 : null;
  }
}

function seedEngine(job: EscapeJob, seed: number): Engine {
  const built = createEngine(seedExperiment(job, seed));
  if (!built.ok) throw new Error(built.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  // escape times are measured on surfaces (escapeJob refuses other problems)
  if (built.engine.kind !== 'surface') throw new Error('escape times need a surface problem');
  return built.engine;
}

/** The job's seeds in order, advanced by a budget of steps at a time (so a worker can report progress and hear a cancel). */
export class EscapeRunner {
  readonly results: SeedEscape[] = [];
  private current: { engine: Engine; watch: BallWatch; seed: number } | null = null;
  /** Steps taken by the seed in progress. */
  private currentSteps = 0;

  constructor(private readonly job: EscapeJob) {}

  get done(): boolean {
    return this.results.length >= this.job.seeds;
  }

  /** Between 0 and 1: finished seeds, and the share of maxSteps the current one has taken. */
  get progress(): number {
    const partial = this.current ? Math.min(1, this.currentSteps / (this.job.experiment.stop.maxSteps + 1)) : 0;
    return Math.min(1, (this.results.length + partial) / this.job.seeds);
  }

  /** Runs up to about `budget` steps (over as many seeds as that covers); returns the steps taken. */
  advance(budget: number): number {
    let taken = 0;
    while (taken < budget && !this.done) {
      if (!this.current) {
        const seed = seedAt(this.job, this.results.length);
        const { x, y } = this.job.ball.center;
        this.current = { engine: seedEngine(this.job, seed), watch: new BallWatch(x, y, this.job.ball.radius), seed };
        this.currentSteps = 0;
      }
      const { engine, watch, seed } = this.current;
      const [chunk] = engine.advance(Math.max(1, Math.min(4096, budget - taken)));
      watch.see(chunk.start, chunk.xy);
      taken += chunk.f.length;
      this.currentSteps += chunk.f.length;
      const stop = chunk.stop;
      if (stop) {
        this.results.push({ seed, escape: watch.escape, entered: watch.entered, stop: stop.step, reason: stop.reason });
        this.current = null;
      }
    }
    return taken;
  }
}

/** Every seed of the job, run to the end (the CLI's path). */
export function runEscapeJob(job: EscapeJob, onProgress?: (fraction: number) => void): SeedEscape[] {
  const runner = new EscapeRunner(job);
  while (!runner.done) {
    runner.advance(1 << 16);
    onProgress?.(runner.progress);
  }
  return runner.results;
}
