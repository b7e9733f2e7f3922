// Trajectories as CSV, one row per point: step, run, x, y, f, gradNorm, evals (the evaluations of
// f and its gradient spent before the point's step: RunResult.evals); a function problem's
// points have every coordinate, x1 .. xd. Shared by the CLI's --format csv and the app's export;
// numbers are written in full (round-trip) precision.
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

/**
 * A function problem's CSV header: coordinates numbered from 1, as in the formulas (also at d = 2,
 * so a function problem's CSV never looks like a surface's x,y). The CLI's stream writes it too.
 */
export function vectorCsvHeader(dim: number): string {
  return `step,run,${Array.from({ length: dim }, (_, k) => `x${k + 1}`).join(',')},f,gradNorm,evals`;
}

export interface VectorTrajectoryColumns extends Omit<TrajectoryColumns, 'xy'> {
  /** dim numbers a point, point after point (absent for a run of no points). */
  points?: ArrayLike<number>;
}

/** A function problem's trajectories: step,run,x1,...,xd,f,gradNorm,evals, the bytes of the CLI's --format csv. */
export function vectorTrajectoryCsv(runs: VectorTrajectoryColumns[], dim: number): string {
  const lines = [vectorCsvHeader(dim)];
  runs.forEach((r, run) => {
    for (let step = 0; step < r.length; step++) {
      const x = Array.from({ length: dim }, (_, k) => r.points![step * dim + k]);
      lines.push(`${step},${run},${x.join(',')},${r.f[step]},${r.gradNorm[step]},${r.evals[step]}`);
    }
  });
  return lines.join('\n') + '\n';
}
