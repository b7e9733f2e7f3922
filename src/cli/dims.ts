// The CLI's outputs of function problems (d dimensions): the size check of a full run output,
// --escape-vs-dim and --rates. The computations are the core's (src/optim/escape.ts, rates.ts).
import { formatErrors } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { createNetworkEngine } from '../nets/engine';
import { createEngine } from '../optim/engine';
import { escapeVsDim, type EscapeOptions } from '../optim/escape';
import { ratesOf } from '../optim/rates';

type Output = { ok: true; value: string } | { ok: false; message: string };

/**
 * The most numbers a function problem's run output may hold (runs x points x (d + 2)): the CLI
 * keeps every chunk until the runs end (stream.ts), 8 bytes a number, and the text is about
 * 20 bytes a number, so this is 400 MB in memory and about 1 GB of text.
 */
export const MAX_OUTPUT_NUMBERS = 5e7;

/** Null when the output fits, else the line that says why not and what to do. */
export function functionOutputTooLarge(exp: Experiment): string | null {
  const p = exp.problem;
  if (p.kind !== 'function') return null;
  const numbers = exp.runs.length * (exp.stop.maxSteps + 1) * (p.dim + 2);
  if (numbers <= MAX_OUTPUT_NUMBERS) return null;
  return `the output would hold up to ${exp.runs.length} runs x ${exp.stop.maxSteps + 1} points x ${p.dim + 2} numbers = ${numbers.toExponential(2)} numbers, more than ${MAX_OUTPUT_NUMBERS.toExponential(0)}: lower stop.maxSteps or problem.dim, or ask for --rates or --escape-vs-dim, which keep no path`;
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
