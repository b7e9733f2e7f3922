// Network runs as CSV, one row per recorded step: step, run, loss, gradNorm, heldOutLoss,
// accuracy, heldOutAccuracy, evals (RunResult.evals) (the network twin of src/optim/csv.ts: the CLI's --format csv and
// the app's export). Numbers in full round-trip precision.
export interface NetworkColumns {
  f: ArrayLike<number>;
  gradNorm: ArrayLike<number>;
  heldOutLoss: ArrayLike<number>;
  accuracy: ArrayLike<number>;
  heldOutAccuracy: ArrayLike<number>;
  evals: ArrayLike<number>;
  length: number;
}

export function networkCsv(runs: NetworkColumns[]): string {
  const lines = ['step,run,loss,gradNorm,heldOutLoss,accuracy,heldOutAccuracy,evals'];
  runs.forEach((r, run) => {
    for (let step = 0; step < r.length; step++) {
      lines.push(`${step},${run},${r.f[step]},${r.gradNorm[step]},${r.heldOutLoss[step]},${r.accuracy[step]},${r.heldOutAccuracy[step]},${r.evals[step]}`);
    }
  });
  return lines.join('\n') + '\n';
}
