// Trajectories as CSV, one row per point: step, run, x, y, f, gradNorm, evals (the evaluations of
// f and its gradient spent before the point's step: RunResult.evals). Shared by the CLI's
// --format csv and the app's export; numbers are written in full (round-trip) precision.
export interface TrajectoryColumns {
  /** Interleaved x, y. */
  xy: ArrayLike<number>;
  f: ArrayLike<number>;
  gradNorm: ArrayLike<number>;
  evals: ArrayLike<number>;
  length: number;
}

export function trajectoryCsv(runs: TrajectoryColumns[]): string {
  const lines = ['step,run,x,y,f,gradNorm,evals'];
  runs.forEach((r, run) => {
    for (let step = 0; step < r.length; step++) {
      lines.push(`${step},${run},${r.xy[2 * step]},${r.xy[2 * step + 1]},${r.f[step]},${r.gradNorm[step]},${r.evals[step]}`);
    }
  });
  return lines.join('\n') + '\n';
}
