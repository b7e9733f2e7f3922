// A read-only window onto the app's state for end-to-end tests and the browser benchmarks:
// `window.__saddlepoint.results()` gives every run's streamed points as plain numbers.
import { formatErrors, parseExperiment } from '../experiment/parse';
import { setSpeed, startExperiment } from './controller';
import { forceMapPath, type MapId } from './maps/mapRuns';
import { mapSnapshot, type MapSnapshot } from './maps/mapSnapshot';
import { useCensusStore } from './census';
import { useStore } from './store';

export interface TraceSnapshot {
  label: string;
  points: [number, number][];
  f: number[];
  gradNorm: number[];
  stop: unknown;
  perturbations: number[];
  /** Network runs: the held-out loss at each step. */
  heldOutLoss?: number[];
}

function results(): TraceSnapshot[] {
  const s = useStore.getState();
  if (s.mode === 'network') {
    return s.netTraces.map((t) => ({
      label: t.label,
      points: [],
      f: Array.from(t.f.subarray(0, t.length)),
      gradNorm: Array.from(t.gradNorm.subarray(0, t.length)),
      stop: t.stop,
      perturbations: [...t.perturbations],
      heldOutLoss: Array.from(t.heldOutLoss.subarray(0, t.length)),
    }));
  }
  return s.traces.map((t) => ({
    label: t.label,
    points: Array.from({ length: t.length }, (_, i) => [t.xy[2 * i], t.xy[2 * i + 1]] as [number, number]),
    f: Array.from(t.f.subarray(0, t.length)),
    gradNorm: Array.from(t.gradNorm.subarray(0, t.length)),
    stop: t.stop,
    perturbations: [...t.perturbations],
  }));
}

function maps(): Record<MapId, MapSnapshot> {
  return { basins: mapSnapshot('basins'), compare: mapSnapshot('compare'), sweep: mapSnapshot('sweep') };
}

export function exposeTestHooks(): void {
  (window as unknown as { __saddlepoint: unknown }).__saddlepoint = {
    results,
    status: () => useStore.getState().status,
    experiment: () => useStore.getState().experiment,
    maps,
    /** The census shown in the network panel (null when none). */
    census: () => useCensusStore.getState().report?.census ?? null,
    /** Runs the maps on 'webgl' or 'js' rather than the measured choice (null: measured again). */
    forceMapPath,
    /** Loads an experiment as a link would (validated); returns the error text or null. */
    load: (input: unknown, speed?: number): string | null => {
      const parsed = parseExperiment(input);
      if (!parsed.ok) return formatErrors(parsed.errors);
      if (speed !== undefined) setSpeed(speed);
      void startExperiment(parsed.value);
      return null;
    },
  };
}
