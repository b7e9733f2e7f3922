// The Hessian spectrum of the selected network run, kept live while it trains: recomputed in the
// engine worker every `stride` steps of the run (and at its stop), between the session's ticks,
// the latest request winning (latest.ts), so a slow spectrum skips steps instead of queueing.
import { create } from 'zustand';
import type { NetSpectrum } from '../workers/client';
import { engine } from './engineWorker';
import { latestWins } from './latest';
import { useStore } from './store';

export type { NetSpectrum };

export const SPECTRUM_STRIDES = [0, 10, 50, 200] as const;

export interface SpectrumState {
  /** Recompute every this many steps of the selected run; 0: only on request. */
  stride: number;
  spectrum: NetSpectrum | null;
  error: string | null;
}

export const useSpectrumStore = create<SpectrumState>(() => ({ stride: 50, spectrum: null, error: null }));

/** What the shown spectrum is of: the experiment object and run it was asked for, and the step. */
let asked: { experiment: unknown; run: number; step: number } | null = null;

const spectra = latestWins<{ run: number }>(
  async ({ run }) => {
    const experiment = useStore.getState().experiment;
    const r = await engine().netSpectrum(run);
    const s = useStore.getState();
    if (s.mode !== 'network' || s.experiment !== experiment || s.selectedRun !== run) return;
    useSpectrumStore.setState(r.ok ? { spectrum: r.value, error: null } : { error: r.error });
  },
  (error) => useSpectrumStore.setState({ error: String(error) }),
);

/** The selected run's current step, from its streamed trace (-1 before its first chunk). */
function currentStep(): { run: number; step: number; stopped: boolean } {
  const { selectedRun, netTraces } = useStore.getState();
  const t = netTraces[selectedRun];
  return { run: selectedRun, step: t ? t.length - 1 : -1, stopped: t?.stop != null };
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
