// The census of critical points of the running network experiment (src/nets/census), asked for
// from the network panel: N seeded random starts plus points along every run's kept path so far
// (the CLI's --census starts: once the race has stopped, the census is the CLI's), shared out over
// the census workers' pool (workers/censusClient.ts: progress over the pool; Cancel terminates
// every worker; a failed worker ends it with one message and the last census stays). Also the weights
// a user can take away (a run's weights and the dataset, as the CLI's --with-data) and bring back
// (as a run's Run.init).
import { create } from 'zustand';
import { DEFAULT_CENSUS_SETTINGS, type CensusSettings } from '../experiment/census';
import { decodeExperiment, encodeCensus } from '../experiment/link';
import { initShapeError } from '../experiment/netInit';
import type { Experiment, LayerWeights } from '../experiment/types';
import { CENSUS_CANCELLED, censusClient } from '../workers/censusClient';
import type { CensusReport, NetExport } from '../workers/client';
import { engine, EngineRestarted } from './engineWorker';
import { startExperiment } from './runStream';
import { useStore } from './store';

export type { CensusReport, NetExport };

export type { CensusSettings };

export interface CensusState {
  settings: CensusSettings;
  running: boolean;
  progress: { done: number; total: number } | null;
  report: CensusReport | null;
  /** The experiment the report is of (a new experiment hides it). */
  of: Experiment | null;
  error: string | null;
  /** What the last weights import did (or why it was refused), one line. */
  importMessage: { ok: boolean; text: string } | null;
}

export const useCensusStore = create<CensusState>(() => ({
  settings: { ...DEFAULT_CENSUS_SETTINGS },
  running: false,
  progress: null,
  report: null,
  of: null,
  error: null,
  importMessage: null,
}));

/** Counts the census runs: an answer is shown only if no newer census was asked for since. */
let generation = 0;

export function setCensusSettings(settings: Partial<CensusSettings>): void {
  useCensusStore.setState((s) => ({ settings: { ...s.settings, ...settings } }));
}

/** The experiment's link with the settings' `census=` field when they are not the defaults. */
export function withCensusField(hash: string): string {
  const value = encodeCensus(useCensusStore.getState().settings);
  return value === null ? hash : `${hash}&census=${value}`;
}

/** A loaded link's `census=` settings, when it has them (its problems are the link notice's, from decodeExperiment). */
export function applyCensusField(hash: string): void {
  const census = decodeExperiment(hash).census;
  if (census) useCensusStore.setState({ settings: census });
}

/** Stops the running census (its workers are terminated) and keeps the last report. */
export function cancelCensus(): void {
  generation++;
  censusClient().cancel();
  useCensusStore.setState({ running: false, progress: null });
}

/** Runs the census of the current network experiment. */
export async function runCensus(): Promise<void> {
  cancelCensus();
  const mine = generation;
  const { experiment } = useStore.getState();
  if (experiment.problem.kind !== 'network') return;
  const { settings } = useCensusStore.getState();
  useCensusStore.setState({ running: true, progress: { done: 0, total: settings.starts }, error: null });
  // The path starts come from the engine worker; a restart (a cancelled long step) cuts the call off.
  const path = await engine().netCensusPathStarts().catch((e: unknown) => (e instanceof EngineRestarted ? null : Promise.reject(e)));
  if (mine !== generation) return;
  if (path === null) {
    useCensusStore.setState({ running: false, progress: null, error: 'the census was not started: the engine was restarted while it read the paths; run the census again' });
    return;
  }
  const r = await censusClient().run({ experiment, count: settings.starts, eps: settings.eps, path: path.ok ? path.value : [] }, (done, total) => {
    if (mine === generation) useCensusStore.setState({ progress: { done, total } });
  });
  if (mine !== generation) return;
  // A failure keeps the last census on screen, with the reason above it.
  if (r.ok) useCensusStore.setState({ report: r.value, of: experiment, error: null, running: false, progress: null });
  else useCensusStore.setState({ error: r.error === CENSUS_CANCELLED ? null : r.error, running: false, progress: null });
}

/** A run's weights at its current step and the dataset, as one JSON document to download. */
export async function exportWeights(run: number): Promise<{ ok: true; name: string; text: string } | { ok: false; error: string }> {
  const r = await engine()
    .netExport(run)
    .catch((e: unknown) => (e instanceof EngineRestarted ? { ok: false as const, error: 'the export was cancelled: the engine was restarted; export again' } : Promise.reject(e)));
  if (!r.ok) return r;
  const { label, step, sizes, weights, data } = r.value;
  const doc = {
    format: 'saddlepoint network weights v1',
    layout: 'weights: one { W, b } per layer, W outputs x inputs (torch.nn.Linear.weight); logit = W_L act(... act(W_1 x + b_1) ...) + b_L',
    experiment: useStore.getState().experiment,
    run,
    label,
    step,
    sizes,
    weights,
    data,
  };
  return { ok: true, name: `weights-run${run}-step${step}.json`, text: JSON.stringify(doc) };
}

/**
 * The weights in `text` (an exported document, or a bare [{ W, b }, ...]) as run `run`'s initial
 * weights in a copy of the experiment, or one printable line saying why not.
 */
export function experimentWithInit(text: string, run: number): { ok: true; experiment: Experiment } | { ok: false; error: string } {
  const exp = useStore.getState().experiment;
  if (exp.problem.kind !== 'network') return { ok: false, error: 'weights can only start a network run' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON' };
  }
  const layers = Array.isArray(doc) ? doc : (doc as { weights?: unknown } | null)?.weights;
  const isLayer = (l: unknown): l is LayerWeights =>
    typeof l === 'object' && l !== null && Array.isArray((l as LayerWeights).W) && (l as LayerWeights).W.every((row) => Array.isArray(row) && row.every(Number.isFinite)) && Array.isArray((l as LayerWeights).b) && (l as LayerWeights).b.every(Number.isFinite);
  if (!Array.isArray(layers) || !layers.every(isLayer)) return { ok: false, error: 'no weights found: expected "weights": [{ "W": [[...]], "b": [...] }, ...]' };
  const shape = initShapeError(exp.problem, layers);
  if (shape) return { ok: false, error: `these weights do not fit: ${shape}` };
  const runs = exp.runs.map((r, i) => (i === run ? { ...r, init: layers } : r));
  return { ok: true, experiment: { ...exp, runs } };
}

/** Restarts the experiment with the weights in `text` as run `run`'s start; says what happened in importMessage. */
export async function importWeights(text: string, fileName: string, run: number): Promise<void> {
  const r = experimentWithInit(text, run);
  if (!r.ok) {
    useCensusStore.setState({ importMessage: { ok: false, text: `${fileName.slice(0, 80)}: ${r.error}` } });
    return;
  }
  await startExperiment(r.experiment);
  const label = useStore.getState().netTraces[run]?.label ?? `run ${run + 1}`;
  useCensusStore.setState({ importMessage: { ok: true, text: `${label} starts from the weights in ${fileName.slice(0, 80)} (kept in the experiment's JSON, not in the share link)` } });
}
