// The run stream: starting an experiment in the engine worker and taking its chunks into the
// runs' buffers. Chunks are appended as they arrive; views re-render at most once per animation
// frame. Each start gets a generation number, so chunks of a superseded run are ignored.
import type { Experiment } from '../experiment/types';
import { planeCoords } from '../functions/plane';
import { proxy, type AnyChunk, type StepProgress } from '../workers/client';
import { refreshPlane, requestGrid } from './contourGrid';
import { engine, restartEngine, unlessRestarted } from './engineWorker';
import { engineBusy, pointsArrived, reportProgress, useStepProgress } from './stepProgress';
import { appendNetChunk, emptyNetTrace } from './netTraces';
import { refreshDecision } from './network';
import { runLabels } from './runLabels';
import { useStore } from './store';
import { appendToTrace, appendVectorToTrace, emptyTrace, emptyVectorTrace } from './traces';
import { followPca, planeAtStart } from './plane';
import { currentPlane } from './planeOf';

let generation = 0;

/** The generation of the latest start: an answer for an older one is dropped. */
export const streamGeneration = (): number => generation;

let frameRequested = false;
/** When a function problem's plane last followed the moving point (its contours cost a grid of f). */
let planeAt = 0;
const PLANE_EVERY_MS = 400;
function publishTraces(): void {
  if (!frameRequested) return;
  frameRequested = false;
  useStore.setState((s) => ({ revision: s.revision + 1 }));
  const s = useStore.getState();
  if (s.mode === 'network') refreshDecision();
  if (s.fn && performance.now() - planeAt > PLANE_EVERY_MS) {
    planeAt = performance.now();
    followPca();
    refreshPlane();
  }
}

/** Chunks that arrive before start() has answered (the worker sends x_0 at once) wait here. */
let early: { chunks: AnyChunk[]; finished: boolean; seq: number }[] = [];
let tracesReady = false;

// Pausing is a round trip: the worker answers with the number of its last message, and the page
// shows 'paused' once that message is in (chunks and replies travel on different ports, so a
// chunk sent just before the pause can arrive after the reply).
let received = 0;
let pausedAt: number | null = null;
/** Points of each run received in this generation (the step in flight is the one past them). */
let pointsIn: number[] = [];
const pointsOf = (run: number): number => pointsIn[run] ?? 0;
/** After a cancel, the fresh worker's messages up to this one re-send points the page holds: dropped. */
let replayThrough = 0;

function settlePause(): void {
  if (pausedAt === null || received < pausedAt) return;
  pausedAt = null;
  flushTraces();
  if (useStore.getState().status !== 'finished') useStore.setState({ status: 'paused' });
}

/** The worker stopped after message `last` of generation `gen`: 'paused' once that message is in. */
export function pauseAfter(gen: number, last: number): void {
  if (gen !== generation) return;
  pausedAt = last;
  settlePause();
}

/** Playing again: no pause is waiting to settle. */
export function clearPause(): void {
  pausedAt = null;
}

/** A message of chunks from the worker: counted as it arrives (the step in flight ends with it), then taken in. */
function onMessage(gen: number, chunks: AnyChunk[], finished: boolean, seq: number): void {
  if (gen !== generation) return;
  if (seq <= replayThrough) {
    received = Math.max(received, seq);
    return;
  }
  for (const c of chunks) pointsIn[c.run] = pointsOf(c.run) + c.f.length;
  pointsArrived(pointsOf);
  onChunks(gen, chunks, finished, seq);
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
    if ('xy' in c) {
      if (c.dim !== undefined && s.fn) appendVectorToTrace(s.traces[c.run], c, currentPlane(s.fn));
      else appendToTrace(s.traces[c.run], c);
    } else appendNetChunk(s.netTraces[c.run], c);
  }
  if (finished) {
    useStore.setState({ status: 'finished' });
    planeAt = 0; // the last point's plane, at the next frame
  }
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

/** A new generation: what the previous one received is forgotten. */
function nextGeneration(): number {
  early = [];
  received = 0;
  pausedAt = null;
  pointsIn = [];
  replayThrough = 0;
  return ++generation;
}

/** Starts `exp` in the worker for generation `gen`: its chunks and its step progress come back tagged. */
function startInWorker(gen: number, exp: Experiment, paused: boolean) {
  return engine().start(
    exp,
    proxy((chunks: AnyChunk[], finished: boolean, seq: number) => onMessage(gen, chunks, finished, seq)),
    { stepsPerTick: useStore.getState().speed, paused },
    proxy((p: StepProgress) => {
      if (gen === generation) reportProgress(p, pointsOf);
    }),
  );
}

/**
 * Starts the experiment from step 0 (paused or playing); false when a later start superseded it.
 * A worker inside a long step would answer only after it: it is replaced by a fresh one.
 */
export async function startExperiment(exp: Experiment, opts: { paused?: boolean } = {}): Promise<boolean> {
  if (engineBusy()) restartEngine();
  useStepProgress.setState({ inFlight: null, restoring: null, cancelled: null });
  const gen = nextGeneration();
  tracesReady = false;
  const paused = opts.paused ?? false;
  // A network's start answers after its first step (seconds on a large net): the bar says at once
  // whether the new runs play (Play, Pause and Step wait in the worker behind the start).
  const statusNow = exp.problem.kind === 'network' ? { status: paused ? ('paused' as const) : ('playing' as const) } : {};
  useStore.setState({ experiment: exp, error: null, scrubStep: null, hoverStep: null, ...statusNow });
  let res: Awaited<ReturnType<typeof startInWorker>>;
  try {
    res = await startInWorker(gen, exp, paused);
  } catch (e) {
    unlessRestarted(e);
    return false; // cut off by a cancel or a newer start
  }
  if (gen !== generation) return false;
  if (!res.ok) {
    useStore.setState({ error: res.error, status: 'idle' });
    return true;
  }
  const started = res.value;
  // Labels are the page's (runLabels: never two alike), not the engine's plain defaultLabel.
  const prev = useStore.getState();
  const status = paused ? 'paused' : 'playing';
  if (started.kind === 'network') {
    useStore.setState({
      mode: 'network',
      surface: null,
      fn: null,
      traces: [],
      netTraces: runLabels(exp.runs).map((label, i) => emptyNetTrace(label, i)),
      netInfo: started.info,
      decision: null,
      slice: null,
      selectedRun: Math.min(prev.selectedRun, started.labels.length - 1),
      revision: prev.revision + 1,
      status,
    });
  } else if (started.kind === 'function') {
    const { info } = started;
    const fn = planeAtStart(info, prev.fn);
    const plane = currentPlane(fn);
    // The PCA plane's window is fitted to the paths (plane.ts); the coordinate plane's is the function's.
    const view = plane.kind === 'pca' && prev.fn?.kind === 'pca' && prev.view ? prev.view : info.view;
    useStore.setState({
      mode: 'surface',
      // The explorer's surface is the function's plane (the contours follow the current point).
      surface: { name: `${info.name}, d = ${info.dim}`, formula: info.formula, teaches: info.teaches, view, start: planeCoords(plane, started.starts[0]), globalMin: info.globalMin },
      fn,
      view,
      traces: started.labels.map((label, i) => emptyVectorTrace(label, i, info.dim, exp.stop.maxSteps + 1)),
      netTraces: [],
      netInfo: null,
      criticalPoints: [],
      revision: prev.revision + 1,
      status,
    });
  } else {
    useStore.setState({
      mode: 'surface',
      fn: null,
      surface: started.surface,
      view: exp.view ?? started.surface.view,
      traces: runLabels(exp.runs).map((label, i) => emptyTrace(label, i)),
      netTraces: [],
      netInfo: null,
      revision: prev.revision + 1,
      status,
    });
  }
  tracesReady = true;
  for (const e of early) onChunks(gen, e.chunks, e.finished, e.seq);
  early = [];
  if (started.kind === 'surface') requestGrid(exp, exp.view ?? started.surface.view);
  if (started.kind === 'function') requestGrid(exp, useStore.getState().view ?? started.info.view);
  return true;
}

/**
 * Cancels the long step in flight at once: the worker is terminated, and a fresh one re-runs the
 * experiment, paused, to the last step the page shows (the engine is deterministic, so the same
 * bits; the page keeps its points and drops the re-sent ones). Play then goes on from there, so
 * the cancelled step is computed again. Before the first point there is nothing to keep: the
 * experiment restarts paused. Resolves when the fresh worker has caught up (false: superseded).
 */
export async function cancelLongStep(): Promise<boolean> {
  const { inFlight } = useStepProgress.getState();
  const exp = useStore.getState().experiment;
  restartEngine();
  if (useStore.getState().status !== 'finished') useStore.setState({ status: 'paused' });
  // Every unfinished run has taken the same number of steps (the session advances all alike).
  const points = Math.max(0, ...pointsIn);
  if (points === 0 || !tracesReady) return startExperiment(exp, { paused: true });
  const kept = pointsIn;
  const gen = nextGeneration();
  pointsIn = kept;
  // start() sends x_0 in message 1 (its first step already taken); step(points - 1) sends the rest in message 2.
  replayThrough = points > 1 ? 2 : 1;
  useStepProgress.setState({ inFlight: null, restoring: { through: points, at: null }, cancelled: inFlight ? { step: inFlight.step, shown: points - 1 } : null });
  try {
    const res = await startInWorker(gen, exp, true);
    if (gen !== generation) return false;
    if (!res.ok) {
      useStore.setState({ error: res.error, status: 'idle' });
      return true;
    }
    if (points > 1) await engine().step(points - 1);
  } catch (e) {
    unlessRestarted(e);
    return false;
  } finally {
    if (gen === generation) useStepProgress.setState({ restoring: null });
  }
  return gen === generation;
}
