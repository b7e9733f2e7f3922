// Rates against eps (the CLI's --rates; the app can call the same functions): for each run, the
// first step at which ||grad f(x_t)|| <= eps, for eps on a log grid 1e-1 .. 1e-8, and the slope
// of log t against log(1/eps), fitted by least squares: t ~ C eps^-slope. Gradient descent on a
// smooth non-convex f needs O(eps^-2) steps in the worst case (Nesterov 2004, "Introductory
// lectures on convex optimization", (1.2.13)): slope 2; a linear rate near a non-degenerate
// minimum needs O(log(1/eps)) steps, which shows as a slope that falls towards 0 along the grid.
// Only eps the run reaches count, and only from t >= 1 (log 0 is no point); a run stops at its
// own gradTol, so set the experiment's gradTol to 0 (or below 1e-8) to see the whole grid.
import { log } from '../numeric';
import type { OptimizerId, RunStop } from '../experiment/types';

/** The eps grid, one per decade: literals, so every engine reads the same doubles. */
export const RATE_EPS: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

/** Watches one run's ||grad f|| series for the first step at or below each eps. */
export class RateWatch {
  /** Per eps of RATE_EPS: the first step with ||grad f|| <= eps, or null while not reached. */
  readonly steps: (number | null)[] = RATE_EPS.map(() => null);
  /** How many eps are reached (they are reached in grid order: a smaller eps implies every larger one). */
  private reached = 0;

  /** Feeds ||grad f|| of steps start, start + 1, ...; true once every eps is reached. */
  observe(gradNorm: Float64Array, start: number): boolean {
    for (let i = 0; i < gradNorm.length && this.reached < RATE_EPS.length; i++) {
      while (this.reached < RATE_EPS.length && gradNorm[i] <= RATE_EPS[this.reached]) this.steps[this.reached++] = start + i;
    }
    return this.reached === RATE_EPS.length;
  }
}

export interface LogLogFit {
  /** t ~ C eps^-slope. */
  slope: number;
  /** The (eps, t) pairs fitted (t >= 1). */
  points: number;
}

/** Least-squares slope of log t on log(1/eps) over the reached eps with t >= 1; null with fewer than 2 such points. */
export function fitLogLogSlope(eps: readonly number[], steps: readonly (number | null)[]): LogLogFit | null {
  const xs: number[] = [];
  const ys: number[] = [];
  steps.forEach((t, i) => {
    if (t !== null && t >= 1) {
      xs.push(-log(eps[i]));
      ys.push(log(t));
    }
  });
  if (xs.length < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
  }
  return { slope: sxy / sxx, points: xs.length };
}

/** What the rates need of an engine (a surface's, a function's or a network's). */
export interface GradNormSource {
  labels: string[];
  readonly done: boolean;
  advance(steps: number): { run: number; start: number; gradNorm: Float64Array; stop?: RunStop }[];
}

export interface RunRates {
  label: string;
  optimizer: OptimizerId;
  /** Per eps of `eps`: the first step with ||grad f|| <= eps, or null. */
  steps: (number | null)[];
  fit: LogLogFit | null;
  /** Where the run stopped; null when it was still running once every run had reached the whole grid or stopped. */
  stop: RunStop | null;
}

export interface Rates {
  kind: 'rates';
  eps: readonly number[];
  runs: RunRates[];
}

/**
 * ratesOf in steps: each advance() is one round of the engine (`chunkSteps` steps of every run
 * still going), so a caller can report progress and stop between rounds (the app's worker) and
 * still get ratesOf's numbers, which depend on where the rounds end (`stop` is seen per round).
 */
export class RatesRunner {
  private readonly watches: RateWatch[];
  private readonly stops: (RunStop | null)[];
  /** Per run: the last step seen. */
  private readonly seen: number[];

  constructor(
    private readonly optimizers: readonly OptimizerId[],
    private readonly engine: GradNormSource,
    private readonly chunkSteps = 4096,
  ) {
    this.watches = optimizers.map(() => new RateWatch());
    this.stops = optimizers.map(() => null);
    this.seen = optimizers.map(() => 0);
  }

  get done(): boolean {
    return this.engine.done || this.watches.every((w, i) => this.stops[i] !== null || w.steps[RATE_EPS.length - 1] !== null);
  }

  /** One round; nothing once done. */
  advance(): void {
    if (this.done) return;
    for (const c of this.engine.advance(this.chunkSteps)) {
      this.watches[c.run].observe(c.gradNorm, c.start);
      this.seen[c.run] = c.start + c.gradNorm.length - 1;
      if (c.stop) this.stops[c.run] = c.stop;
    }
  }

  /** The share of the work done, 0 .. 1: per run 1 once it stopped or reached the grid, else its step over maxSteps. */
  progress(maxSteps: number): number {
    if (this.done) return 1;
    const shares = this.watches.map((w, i) => (this.stops[i] !== null || w.steps[RATE_EPS.length - 1] !== null ? 1 : Math.min(1, this.seen[i] / Math.max(1, maxSteps))));
    return shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
  }

  result(): Rates {
    return {
      kind: 'rates',
      eps: RATE_EPS,
      runs: this.optimizers.map((optimizer, i) => ({ label: this.engine.labels[i], optimizer, steps: this.watches[i].steps, fit: fitLogLogSlope(RATE_EPS, this.watches[i].steps), stop: this.stops[i] })),
    };
  }
}

/** Runs the engine until every run has reached the whole grid or stopped; chunks are not kept. */
export function ratesOf(optimizers: readonly OptimizerId[], engine: GradNormSource, chunkSteps = 4096): Rates {
  const runner = new RatesRunner(optimizers, engine, chunkSteps);
  while (!runner.done) runner.advance();
  return runner.result();
}
