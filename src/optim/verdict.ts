// Words for where a run stopped: the sentence the CLI and the explorer show.
import type { PointKind, RunStop } from '../experiment/types';

const article: Record<PointKind, string> = {
  minimum: 'at a minimum',
  saddle: 'at a saddle',
  maximum: 'at a maximum',
  degenerate: 'at a degenerate point',
};

/** Short display of a number: 3 significant digits, exponent form outside [1e-3, 1e4), no trailing zeros. */
export const fmtNum = (v: number, digits = 3): string => {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) {
    const [mantissa, exp] = v.toExponential(digits - 1).split('e');
    return `${String(Number(mantissa))}e${exp}`;
  }
  return String(Number(v.toPrecision(digits + 1)));
};

export function describeStop(stop: RunStop, gradTol: number): string {
  const lambdas = stop.hessianEigenvalues ? ` (lambda = ${fmtNum(stop.hessianEigenvalues[0])}, ${fmtNum(stop.hessianEigenvalues[1])})` : '';
  const where = stop.kind ? `${article[stop.kind]}${lambdas}` : '';
  switch (stop.reason) {
    case 'gradTol':
      return `||grad f|| <= ${fmtNum(gradTol)} at step ${stop.step}, ${where}`;
    case 'maxSteps':
      return `no eps-stationary point within ${stop.step} steps; stopped near ${where.replace(/^at /, '')}`.trim();
    case 'diverged':
      return stop.message ?? `diverged at step ${stop.step}`;
  }
}
