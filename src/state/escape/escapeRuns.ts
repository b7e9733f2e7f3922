// The escape-time distribution's runs: the histogram of N seeds and the sweep of its median over
// the run's noise knob, each with its progress and last result. The job is built in a worker
// (critical-point search) and its seeds run on the escape pool (src/workers/escapeClient.ts); a
// new compute supersedes the one in flight, whose answer is then dropped.
import { create } from 'zustand';
import { ESCAPE_SWEEP, escapeSweepValues, withKnob, type EscapeJob } from '../../batch/escapeJob';
import type { SeedEscape } from '../../batch/escapeRun';
import { stepHistogram, summarizeEscapes, type EscapeSummary, type Histogram } from '../../batch/escapeStats';

export type { EscapeSummary, Histogram, Quartiles } from '../../batch/escapeStats';
import type { EscapeSettings } from '../../experiment/escape';
import type { Experiment } from '../../experiment/types';
import { escapeClient, type EscapeError } from '../../workers/escapeClient';

export type EscapeRunState =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; ms: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface EscapeDistribution {
  /** The inputs' identity (experiment and settings), to tell when they changed since. */
  key: string;
  job: EscapeJob;
  seeds: SeedEscape[];
  summary: EscapeSummary;
  /** Histograms of the escape step (seeds that escaped) and of the stop step (every seed). */
  escapeHistogram: Histogram;
  stopHistogram: Histogram;
}

export interface EscapeSweepPoint {
  value: number;
  summary: EscapeSummary;
}

export interface EscapeSweep {
  key: string;
  job: EscapeJob;
  /** Seeds at each value. */
  seeds: number;
  points: EscapeSweepPoint[];
}

export interface EscapeSlot<R> {
  state: EscapeRunState;
  result: R | null;
}

export interface EscapeRuns {
  distribution: EscapeSlot<EscapeDistribution>;
  sweep: EscapeSlot<EscapeSweep>;
}

export type EscapeSlotId = keyof EscapeRuns;

const IDLE = { state: { status: 'idle' }, result: null } as const;
export const useEscapeRuns = create<EscapeRuns>(() => ({ distribution: IDLE, sweep: IDLE }));

/** The identity of the inputs of a computation. */
export const escapeKey = (exp: Experiment, settings: EscapeSettings): string => JSON.stringify([exp, settings]);

const aborts = new Map<EscapeSlotId, AbortController>();

function setSlot<K extends EscapeSlotId>(slot: K, change: Partial<EscapeRuns[K]>): void {
  useEscapeRuns.setState((s) => ({ [slot]: { ...s[slot], ...change } }) as Partial<EscapeRuns>);
}

/** Starts `slot`'s computation (superseding the one in flight); `mine()` says whether it still owns the slot. */
function begin(slot: EscapeSlotId): { signal: AbortSignal; mine: () => boolean; progress: (f: number) => void; started: number } {
  aborts.get(slot)?.abort();
  const abort = new AbortController();
  aborts.set(slot, abort);
  const mine = () => aborts.get(slot) === abort;
  let last = 0;
  const progress = (f: number) => {
    const now = performance.now();
    if (!mine() || now - last < 50) return; // at most ~20 renders a second
    last = now;
    setSlot(slot, { state: { status: 'running', progress: f } });
  };
  setSlot(slot, { state: { status: 'running', progress: 0 } });
  return { signal: abort.signal, mine, progress, started: performance.now() };
}

function end(slot: EscapeSlotId, state: EscapeRunState): void {
  aborts.delete(slot);
  setSlot(slot, { state });
}

const failed = (e: unknown): EscapeRunState => ({ status: 'error', message: e instanceof Error ? e.message : String(e) });
const unfinished = (e: EscapeError): EscapeRunState => (e.kind === 'cancelled' ? { status: 'cancelled' } : { status: 'error', message: e.message });

/** The job for the settings (built in a worker), or null when the slot moved on or the settings name no random run (said in the slot). */
async function buildJob(slot: EscapeSlotId, run: ReturnType<typeof begin>, exp: Experiment, settings: EscapeSettings): Promise<EscapeJob | null> {
  const built = await escapeClient().build(exp, settings);
  if (!run.mine()) return null;
  if (built.ok) return built.value;
  end(slot, { status: 'error', message: built.error });
  return null;
}

/** The escape and stop steps of `settings.seeds` seeds of the run. */
export async function computeEscapeDistribution(exp: Experiment, settings: EscapeSettings): Promise<void> {
  const run = begin('distribution');
  try {
    const job = await buildJob('distribution', run, exp, settings);
    if (!job) return;
    const answer = await escapeClient().run(job, { signal: run.signal, onProgress: run.progress });
    if (!run.mine()) return;
    if (!answer.ok) return end('distribution', unfinished(answer.error));
    const seeds = answer.value;
    const escapes = seeds.flatMap((s) => (s.escape === null ? [] : [s.escape]));
    setSlot('distribution', {
      result: {
        key: escapeKey(exp, settings),
        job,
        seeds,
        summary: summarizeEscapes(seeds),
        escapeHistogram: stepHistogram(escapes),
        stopHistogram: stepHistogram(seeds.map((s) => s.stop)),
      },
    });
    end('distribution', { status: 'done', ms: performance.now() - run.started });
  } catch (e) {
    if (run.mine()) end('distribution', failed(e));
  }
}

/** The median escape step (and quartiles) at ESCAPE_SWEEP.points values of the run's noise knob, the points coming in one by one. */
export async function computeEscapeSweep(exp: Experiment, settings: EscapeSettings): Promise<void> {
  const run = begin('sweep');
  try {
    const job = await buildJob('sweep', run, exp, settings);
    if (!job) return;
    const seeds = Math.min(settings.seeds, ESCAPE_SWEEP.seeds);
    const values = escapeSweepValues(job);
    const sweep: EscapeSweep = { key: escapeKey(exp, settings), job, seeds, points: [] };
    setSlot('sweep', { result: sweep });
    for (const [k, value] of values.entries()) {
      const answer = await escapeClient().run(withKnob(job, value, seeds), { signal: run.signal, onProgress: (f) => run.progress((k + f) / values.length) });
      if (!run.mine()) return;
      if (!answer.ok) return end('sweep', unfinished(answer.error));
      sweep.points = [...sweep.points, { value, summary: summarizeEscapes(answer.value) }];
      setSlot('sweep', { result: { ...sweep } });
    }
    end('sweep', { status: 'done', ms: performance.now() - run.started });
  } catch (e) {
    if (run.mine()) end('sweep', failed(e));
  }
}

/** Stops the slot's computation; its answer, when it comes, is dropped. */
export function cancelEscape(slot: EscapeSlotId): void {
  aborts.get(slot)?.abort();
  aborts.delete(slot);
  setSlot(slot, { state: { status: 'cancelled' } });
}
