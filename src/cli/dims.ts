// The CLI's outputs of function problems (d dimensions): --escape-vs-dim and --rates (the size
// check of a full run output is the core's: pathsTooLarge in src/optim/vectorEngine.ts). The computations are the core's (src/optim/escape.ts, rates.ts).
import type { DimFigureSettings } from '../experiment/dimFigures';
import { formatErrors } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { createNetworkEngine } from '../nets/engine';
import { createEngine } from '../optim/engine';
import { escapeVsDim, type EscapeOptions } from '../optim/escape';
import { ratesOf } from '../optim/rates';

type Output = { ok: true; value: string } | { ok: false; message: string };

/** --escape-vs-dim's settings: the flags given, else the link's `dimfig=` (when the argument is a link that has one), else the defaults. */
export function dimEscapeOptions(options: { escape: DimFigureSettings; escapeFlags?: Partial<DimFigureSettings> }, link?: DimFigureSettings): EscapeOptions {
  return link === undefined ? options.escape : { ...link, ...options.escapeFlags };
}

export function escapeOutput(exp: Experiment, opts: EscapeOptions): Output {
  const r = escapeVsDim(exp, opts);
  return r.ok ? { ok: true, value: JSON.stringify(r.value) + '\n' } : { ok: false, message: r.error };
}

/** --rates on any problem: its engine is run until every run reaches 1e-8 or stops. */
export function ratesOutput(exp: Experiment): Output {
  const built = exp.problem.kind === 'network' ? createNetworkEngine(exp) : createEngine(exp);
  if (!built.ok) return { ok: false, message: formatErrors(built.errors) };
  const rates = ratesOf(exp.runs.map((r) => r.optimizer), built.engine);
  return { ok: true, value: JSON.stringify(rates) + '\n' };
}
