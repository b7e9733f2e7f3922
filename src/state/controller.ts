// Actions: everything that talks to the worker. The store holds state; this module changes it.
import { LIMITS } from '../experiment/limits';
import { formatErrors, parseExperiment } from '../experiment/parse';
import type { Experiment, ViewWindow } from '../experiment/types';
import { appendNetChunk, emptyNetTrace } from './netTraces';
import { proxy, type AnyChunk } from '../workers/client';
import { PLOT_INNER } from '../components/usePlotScales';
import { engine } from './engineWorker';
import { refreshDecision } from './network';
import { useStore } from './store';
import { appendToTrace, emptyTrace } from './traces';

const GRID_SIZE = 160;


/** Each start gets a generation number, so chunks of a superseded run are ignored. */
let generation = 0;

// Chunks are appended as they arrive, but views re-render at most once per animation frame.
let frameRequested = false;
function publishTraces(): void {
  if (!frameRequested) return;
  frameRequested = false;
  useStore.setState((s) => ({ revision: s.revision + 1 }));
  if (useStore.getState().mode === 'network') void refreshDecision();
}

/** Chunks that arrive before start() has answered (the worker sends x_0 at once) wait here. */
let early: { chunks: AnyChunk[]; finished: boolean; seq: number }[] = [];
let tracesReady = false;

// Pausing is a round trip: the worker answers with the number of its last message, and the page
// shows 'paused' once that message is in (chunks and replies travel on different ports, so a
// chunk sent just before the pause can arrive after the reply).
let received = 0;
let pausedAt: number | null = null;

function settlePause(): void {
  if (pausedAt === null || received < pausedAt) return;
  pausedAt = null;
  flushTraces();
  if (useStore.getState().status !== 'finished') useStore.setState({ status: 'paused' });
}

function onChunks(gen: number, chunks: AnyChunk[], finished: boolean, seq: number): void {
  if (gen !== generation) return;
  if (!tracesReady) {
    early.push({ chunks, finished, seq });
    return;
  }
  received = Math.max(received, seq);
  const s = useStore.getState();
  for (const c of chunks) {
    if ('xy' in c) appendToTrace(s.traces[c.run], c);
    else appendNetChunk(s.netTraces[c.run], c);
  }
  if (finished) useStore.setState({ status: 'finished' });
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(publishTraces);
  }
  settlePause();
}

/** Publishes appended chunks now rather than at the next frame. */
function flushTraces(): void {
  if (frameRequested) publishTraces();
}

/** Starts the experiment from step 0 (paused or playing); false when a later start superseded it. */
export async function startExperiment(exp: Experiment, opts: { paused?: boolean } = {}): Promise<boolean> {
  const gen = ++generation;
  tracesReady = false;
  early = [];
  received = 0;
  pausedAt = null;
  const paused = opts.paused ?? false;
  useStore.setState({ experiment: exp, error: null, scrubStep: null, hoverStep: null });
  const res = await engine().start(exp, proxy((chunks: AnyChunk[], finished: boolean, seq: number) => onChunks(gen, chunks, finished, seq)), {
    stepsPerTick: useStore.getState().speed,
    paused,
  });
  if (gen !== generation) return false;
  if (!res.ok) {
    useStore.setState({ error: res.message, status: 'idle' });
    return true;
  }
  const prev = useStore.getState();
  const status = paused ? 'paused' : 'playing';
  if (res.kind === 'network') {
    useStore.setState({
      mode: 'network',
      surface: null,
      traces: [],
      netTraces: res.labels.map((label, i) => emptyNetTrace(label, i)),
      netInfo: res.info,
      decision: null,
      slice: null,
      selectedRun: Math.min(prev.selectedRun, res.labels.length - 1),
      revision: prev.revision + 1,
      status,
    });
  } else {
    useStore.setState({
      mode: 'surface',
      surface: res.surface,
      view: exp.view ?? res.surface.view,
      traces: res.labels.map((label, i) => emptyTrace(label, i)),
      netTraces: [],
      netInfo: null,
      revision: prev.revision + 1,
      status,
    });
  }
  tracesReady = true;
  for (const e of early) onChunks(gen, e.chunks, e.finished, e.seq);
  early = [];
  if (res.kind === 'surface') requestGrid(exp, exp.view ?? res.surface.view);
  return true;
}

// Contour grids and critical points follow the problem and the visible window. Requests made
// while one is computing collapse into the latest (zooming sends many).
let gridKey = '';
let gridBusy = false;
let pendingGrid: { exp: Experiment; view: ViewWindow } | null = null;
let problemKey = '';

function requestGrid(exp: Experiment, view: ViewWindow): void {
  const key = JSON.stringify([exp.problem, view]);
  if (key === gridKey) return;
  const pk = JSON.stringify(exp.problem);
  if (pk !== problemKey) {
    problemKey = pk;
    useStore.setState({ criticalPoints: null });
  }
  gridKey = key;
  pendingGrid = { exp, view };
  if (!gridBusy) void drainGrid();
}

async function drainGrid(): Promise<void> {
  gridBusy = true;
  try {
    while (pendingGrid) {
      const { exp, view } = pendingGrid;
      pendingGrid = null;
      await loadGrid(exp, view);
    }
  } catch (err) {
    gridKey = ''; // let the next request try again
    useStore.setState({ error: `could not draw the contours: ${(err as Error).message}` });
  } finally {
    gridBusy = false;
  }
}

async function loadGrid(exp: Experiment, view: ViewWindow): Promise<void> {
  const dpr = window.devicePixelRatio || 1;
  const image = await engine().contours(exp, view, GRID_SIZE, PLOT_INNER.width * dpr, PLOT_INNER.height * dpr);
  if ('error' in image) {
    useStore.setState({ error: image.error });
    return;
  }
  const grid = { view, bitmap: image.bitmap, levels: image.levels };
  const old = useStore.getState().grid;
  useStore.setState({ grid });
  old?.bitmap.close();
  if (pendingGrid) return; // still zooming: skip the critical points of an intermediate window
  const found = await engine().criticalPoints(exp, view);
  if ('error' in found) return;
  if (useStore.getState().grid === grid) useStore.setState({ criticalPoints: found.points, criticalTruncated: found.truncated });
}

/** Shows another window of the surface (zoom, pan, reset); the runs go on untouched. */
export function setView(view: ViewWindow | null): void {
  if (view && !(view.x[1] - view.x[0] >= LIMITS.viewSpan.min && view.y[1] - view.y[0] >= LIMITS.viewSpan.min)) return;
  const s = useStore.getState();
  const experiment = { ...s.experiment };
  if (view) experiment.view = view;
  else delete experiment.view;
  const shown = view ?? s.surface?.view;
  if (!shown) return;
  useStore.setState({ experiment, view: shown });
  requestGrid(experiment, shown);
}

// Values under the pointer: one request in flight; the latest position is asked for when it
// returns, and a reply that arrives after the pointer left is dropped.
let probing = false;
let wanted: { x: number; y: number } | null = null;

export async function probeAt(x: number, y: number): Promise<void> {
  wanted = { x, y };
  if (probing) return;
  probing = true;
  try {
    while (wanted) {
      const at = wanted;
      wanted = null;
      const probe = await engine().probe(useStore.getState().experiment, at.x, at.y);
      if (!pointerGone) useStore.setState({ probe });
    }
  } finally {
    probing = false;
  }
}

let pointerGone = false;
export function probeEnter(): void {
  pointerGone = false;
}
export function probeLeave(): void {
  pointerGone = true;
  wanted = null;
  useStore.setState({ probe: null, hoverStep: null });
}

export function play(): void {
  const s = useStore.getState();
  if (s.status === 'finished') return;
  pausedAt = null;
  useStore.setState({ status: 'playing', scrubStep: null });
  void engine().resume();
}

/** Stops the stream; the status reads 'paused' once every point sent before the pause is in. */
export async function pause(): Promise<void> {
  if (useStore.getState().status !== 'playing') return;
  const gen = generation;
  const last = await engine().pause();
  if (gen !== generation) return;
  pausedAt = last;
  settlePause();
}

export function step(steps = 1): void {
  const s = useStore.getState();
  if (s.status === 'finished') return;
  void (async () => {
    const gen = generation;
    const last = await engine().step(steps);
    if (gen !== generation) return;
    pausedAt = last;
    settlePause();
  })();
}

export function reset(): void {
  void startExperiment(useStore.getState().experiment, { paused: true });
}

export function setSpeed(speed: number): void {
  useStore.setState({ speed });
  void engine().setSpeed(speed);
}

/** Moves run `index`'s start (a click on the plot) and restarts, playing. */
export function setStart(x: number, y: number, index = 0): void {
  const exp = structuredClone(useStore.getState().experiment);
  // A stale map may name a run that was removed since: nothing to start then.
  if (!exp.runs[index]) return;
  exp.runs[index] = { ...exp.runs[index], start: [x, y] };
  const parsed = parseExperiment(exp);
  if (!parsed.ok) {
    useStore.setState({ error: formatErrors(parsed.errors) });
    return;
  }
  void startExperiment(parsed.value);
}
