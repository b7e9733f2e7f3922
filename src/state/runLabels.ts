// The runs' labels, as the editor, the run summaries, the legends and the pickers show them:
// two different runs never share one. A run's own label is kept; otherwise the optimizer and its
// learning rate, then every setting that differs from its default (momentum=0.9, noise=0.1,
// sched=step, ...), then the start where that is the only difference; runs still alike (copies)
// are numbered. (The engine's defaultLabel, `SGD lr=0.05`, is the first part of this.)
import { OPTIMIZER_SPECS, resolveParams } from '../optim/optimizers/params';
import { fmtNum } from '../optim/verdict';
import type { ParamValue, Run } from '../experiment/types';

function valueText(v: ParamValue): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (Array.isArray(v)) return v.map((x) => fmtNum(x)).join(',');
  // a choice parameter (lbfgs's lineSearch, cg's beta) is its name
  return typeof v === 'string' ? v : fmtNum(v);
}

const same = (a: ParamValue, b: ParamValue): boolean => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);

/** The optimizer, its lr, and each other setting that is not at its default. */
function describe(run: Run): string {
  const spec = OPTIMIZER_SPECS[run.optimizer];
  const params = resolveParams(run.optimizer, run.params);
  const parts = [`${spec.name} lr=${valueText(params.lr)}`];
  for (const [name, p] of Object.entries(spec.params)) {
    if (name === 'lr') continue;
    if (!same(params[name], p.default)) parts.push(p.type === 'boolean' ? (params[name] ? name : `no ${name}`) : `${name}=${valueText(params[name])}`);
  }
  if (run.gradNoise !== undefined && run.gradNoise !== 0) parts.push(`noise=${fmtNum(run.gradNoise)}`);
  if (run.clip !== undefined) parts.push(`clip=${fmtNum(run.clip)}`);
  if (run.schedule !== undefined && run.schedule.kind !== 'constant') parts.push(`sched=${run.schedule.kind}`);
  return parts.join(' ');
}

const startText = (run: Run) => (run.start ? ` from (${fmtNum(run.start[0])}, ${fmtNum(run.start[1])})` : '');

/** Adds `suffix(i)` to every label shared by two or more runs. */
function disambiguate(labels: string[], suffix: (i: number) => string): string[] {
  const count = new Map<string, number>();
  for (const l of labels) count.set(l, (count.get(l) ?? 0) + 1);
  return labels.map((l, i) => ((count.get(l) ?? 0) > 1 ? l + suffix(i) : l));
}

/** One label per run, all different. */
export function runLabels(runs: readonly Run[]): string[] {
  const first = runs.map((r) => r.label ?? describe(r));
  const byStart = disambiguate(first, (i) => startText(runs[i]));
  return disambiguate(byStart, (i) => ` (run ${i + 1})`);
}
