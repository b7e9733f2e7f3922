// The runs of the figures in d dimensions: escape time against d and rates against eps, each with
// its state (progress, time taken, cancelled, failed) and its last result, computed in workers
// (src/workers/dimFiguresClient.ts). A new compute supersedes the one in flight (cancelled, its
// workers terminated); a cancel keeps the last result.
import { create } from 'zustand';
import type { DimFigureSettings } from '../../experiment/dimFigures';
import type { Experiment } from '../../experiment/types';
import type { EscapeVsDim } from '../../optim/escape';
import type { Rates } from '../../optim/rates';
import { dimFiguresClient, type DimFigure, type DimFigureError } from '../../workers/dimFiguresClient';
import type { WorkerResult } from '../../workers/result';

export type { DimFigure, EscapeVsDim, Rates };

export type DimRunState =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; ms: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface DimSlot<R> {
  state: DimRunState;
  /** The last result and the identity of its inputs (to tell when they changed since). */
  result: { key: string; value: R } | null;
}

export interface DimFigureRuns {
  escape: DimSlot<EscapeVsDim>;
  rates: DimSlot<Rates>;
}

const IDLE = { state: { status: 'idle' }, result: null } as const;
export const useDimFigureRuns = create<DimFigureRuns>(() => ({ escape: IDLE, rates: IDLE }));

/** The identity of a figure's inputs. */
export const escapeFigureKey = (exp: Experiment, settings: DimFigureSettings): string => JSON.stringify([exp, settings]);
export const ratesFigureKey = (exp: Experiment): string => JSON.stringify(exp);

const aborts = new Map<DimFigure, AbortController>();

function setSlot(slot: DimFigure, change: Partial<DimSlot<EscapeVsDim | Rates>>): void {
  useDimFigureRuns.setState((s) => ({ [slot]: { ...s[slot], ...change } }) as Partial<DimFigureRuns>);
}

async function compute<R extends EscapeVsDim | Rates>(slot: DimFigure, key: string, work: (signal: AbortSignal, onProgress: (f: number) => void) => Promise<WorkerResult<R, DimFigureError>>): Promise<void> {
  aborts.get(slot)?.abort();
  const abort = new AbortController();
  aborts.set(slot, abort);
  const mine = () => aborts.get(slot) === abort;
  const started = performance.now();
  let last = 0;
  const onProgress = (f: number) => {
    const now = performance.now();
    if (!mine() || (now - last < 50 && f < 1)) return; // at most ~20 renders a second
    last = now;
    setSlot(slot, { state: { status: 'running', progress: f } });
  };
  setSlot(slot, { state: { status: 'running', progress: 0 } });
  let state: DimRunState;
  try {
    const answer = await work(abort.signal, onProgress);
    if (!mine()) return;
    if (answer.ok) {
      setSlot(slot, { result: { key, value: answer.value } });
      state = { status: 'done', ms: performance.now() - started };
    } else state = answer.error.kind === 'cancelled' ? { status: 'cancelled' } : { status: 'error', message: answer.error.message };
  } catch (e) {
    if (!mine()) return;
    state = { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  aborts.delete(slot);
  setSlot(slot, { state });
}

/** Escape time against d for the experiment's runs (its function problem at each dimension). */
export function computeEscapeVsDim(exp: Experiment, settings: DimFigureSettings): Promise<void> {
  return compute('escape', escapeFigureKey(exp, settings), (signal, onProgress) => dimFiguresClient().escapeVsDim(exp, settings, { signal, onProgress }));
}

/** Rates against eps for the experiment's runs, as it is. */
export function computeRates(exp: Experiment): Promise<void> {
  return compute('rates', ratesFigureKey(exp), (signal, onProgress) => dimFiguresClient().rates(exp, { signal, onProgress }));
}

/** Stops the figure's computation (its workers are terminated); the last result stays. */
export function cancelDimFigure(slot: DimFigure): void {
  aborts.get(slot)?.abort();
  aborts.delete(slot);
  setSlot(slot, { state: { status: 'cancelled' } });
}
