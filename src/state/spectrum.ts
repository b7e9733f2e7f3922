// The Hessian spectrum of the selected network run, kept live while it trains: every `stride`
// steps of the run (and at its stop) the run's weights are read from the engine worker (a copy,
// between two ticks) and the spectrum is computed in a worker of its own (workers/spectrumApi.ts),
// so the race never waits for it. The latest request wins (latest.ts): one spectrum is computed at
// a time, and of the requests made meanwhile only the newest runs next, with the weights of the
// moment it starts, so a slow spectrum skips steps instead of queueing. The view says when the
// spectrum shown is of an older step than the run's current one.
import { create } from 'zustand';
import { createSpectrumWorker, type NetSpectrum } from '../workers/client';
import { engine, EngineRestarted } from './engineWorker';
import { latestWins } from './latest';
import { useStore } from './store';

export type { NetSpectrum };

export const SPECTRUM_STRIDES = [0, 10, 50, 200] as const;

export interface SpectrumState {
  /** Recompute every this many steps of the selected run; 0: only on request. */
  stride: number;
  spectrum: NetSpectrum | null;
  /** The experiment the spectrum is of (a new experiment hides it until its own arrives). */
  of: unknown;
  error: string | null;
}

export const useSpectrumStore = create<SpectrumState>(() => ({ stride: 50, spectrum: null, of: null, error: null }));

let worker: ReturnType<typeof createSpectrumWorker> | null = null;

function spectrumWorker(): ReturnType<typeof createSpectrumWorker> {
  worker ??= createSpectrumWorker();
  return worker;
}

/** What the shown spectrum is of: the experiment object and run it was asked for, and the step. */
let asked: { experiment: unknown; run: number; step: number } | null = null;

const spectra = latestWins<{ run: number }>(
  async ({ run }) => {
    const experiment = useStore.getState().experiment;
    const current = () => {
      const s = useStore.getState();
      return s.mode === 'network' && s.experiment === experiment && s.selectedRun === run;
    };
    const weights = await engine().netWeights(run);
    if (!current()) return;
    if (!weights.ok) return useSpectrumStore.setState({ error: weights.error });
    const r = await spectrumWorker().spectrum(experiment, weights.value);
    if (current()) useSpectrumStore.setState(r.ok ? { spectrum: r.value, of: experiment, error: null } : { error: r.error });
  },
  // A call cut off by an engine restart (a cancelled long step) is no error: the follow-up request comes with the next chunk.
  (error) => {
    if (!(error instanceof EngineRestarted)) useSpectrumStore.setState({ error: String(error) });
  },
);

/** The selected run's current step, from its streamed trace (-1 before its first chunk). */
function currentStep(): { run: number; step: number; stopped: boolean } {
  const { selectedRun, netTraces } = useStore.getState();
  const t = netTraces[selectedRun];
  return { run: selectedRun, step: t ? t.length - 1 : -1, stopped: t?.stop != null };
}

/** The selected run's current step, for the view's "the run is now at step N". */
export function useSelectedRunStep(): number {
  return useStore((s) => (s.netTraces[s.selectedRun]?.length ?? 0) - 1);
}

/** The spectrum to show: the last one computed, if it is of the current experiment. */
export function useShownSpectrum(): NetSpectrum | null {
  const { spectrum, of } = useSpectrumStore();
  const experiment = useStore((s) => s.experiment);
  return of === experiment ? spectrum : null;
}

/** Asks for the spectrum now (the button, a new stride). */
export function requestSpectrum(): void {
  const { run, step } = currentStep();
  if (step < 0) return;
  asked = { experiment: useStore.getState().experiment, run, step };
  void spectra.request({ run });
}

/** Called as chunks arrive: asks again once the run is `stride` steps past the last spectrum, or has stopped. */
export function followSpectrum(): void {
  const { stride } = useSpectrumStore.getState();
  const { run, step, stopped } = currentStep();
  if (step < 0) return;
  const experiment = useStore.getState().experiment;
  const fresh = asked === null || asked.experiment !== experiment || asked.run !== run;
  if (fresh) useSpectrumStore.setState({ spectrum: null, error: null });
  if (stride === 0 && !fresh) return;
  if (fresh || step >= asked!.step + stride || (stopped && step !== asked!.step)) requestSpectrum();
}

export function setSpectrumStride(stride: number): void {
  useSpectrumStore.setState({ stride });
  requestSpectrum();
}
