// The worker's API. The page's type of it is derived from this object (`typeof api`), so the
// page and the worker cannot drift apart (comlink, as squoosh does).
import * as Comlink from 'comlink';
import { formatErrors } from '../experiment/parse';
import { planeStart } from '../experiment/functions';
import type { Experiment, FunctionProblem, ViewWindow } from '../experiment/types';
import { createNetworkEngine, type NetworkEngine } from '../nets/engine';
import type { LandscapeSlice, SliceOptions } from '../nets/slice';
import { createEngine, type VectorEngine } from '../optim/engine';
import { instanceOf, pathsTooLarge } from '../optim/vectorEngine';
import { D_FUNCTIONS } from '../functions';
import type { Instance } from '../functions/types';
import { type Slice, sliceObjective } from './slice';
import { planePoint, planeProblem } from '../functions/plane';
import { eigenSym2 } from '../surfaces/classify';
import { searchCriticalPoints, type CriticalPoint } from '../surfaces/critical';

import { type ContourImage, renderContourImage } from './contourImage';
import { contourPaths, type ContourPaths } from './contourPaths';
import { sampleGrid } from './grid';
import { heightField, subsampleField, type HeightField } from './heightField';
import { objectiveOf } from './objectiveCache';
import { decisionBuffers, netDecisionGrid, netInfo, netLandscape, sliceBuffers, type DecisionGrid, type NetworkInfo, type SliceBackend } from './netApi';
import { netCensusPathStarts, netExport, netWeights, type NetExport } from './netApi';
import type { RunWeights } from './spectrumApi';
import type { CensusStart } from '../nets/census/starts';
import { fail, ok, type WorkerResult } from './result';
import { type AnyChunk, chunkBuffers, Session, withLambdaMin } from './session';
import { KeptPaths, type PlanePca, withKeptPaths } from './keptPaths';
import { type StepProgressListener, throttledProgress } from './stepProgress';

export interface SurfaceInfo {
  name: string;
  formula: string;
  teaches: string;
  view: ViewWindow;
  start: [number, number];
  globalMin?: number;
}

/** A function problem as the explorer shows it: on a plane of two coordinates (the function's suggested slice first). */
export interface FunctionInfo {
  name: string;
  formula: string;
  teaches: string;
  dim: number;
  /** The function's suggested plane: its two coordinates, its point and its window. */
  axes: [number, number];
  center: number[];
  view: ViewWindow;
  globalMin?: number;
}

export type Started =
  | { kind: 'surface'; labels: string[]; surface: SurfaceInfo; starts: [number, number][] }
  | { kind: 'network'; labels: string[]; info: NetworkInfo }
  | { kind: 'function'; labels: string[]; info: FunctionInfo; /** Each run's x_0 (after its random draw). */ starts: number[][] };

/** The error is the experiment's field errors, one printable line each. */
export type StartResult = WorkerResult<Started>;

export type ChunkListener = (chunks: AnyChunk[], finished: boolean, seq: number) => void;

export interface Probe {
  x: number;
  y: number;
  f: number;
  gradNorm: number;
  eigenvalues: [number, number];
}

/** What lies under the pointer on a function problem's plane: the point in R^d it stands for. */
export interface PlaneProbe {
  a: number;
  b: number;
  x: number[];
  f: number;
  gradNorm: number;
}

const NO_NETWORK = 'no network is running';

let session: Session | null = null;
/** The running network engine, for the decision grid and the landscape slice. */
let network: NetworkEngine | null = null;
/** The running function problem's paths with every coordinate (for the PCA plane). */
let kept: KeptPaths | null = null;

function streamTo(listener: ChunkListener) {
  return (chunks: AnyChunk[], finished: boolean, seq: number) => listener(Comlink.transfer(chunks, chunkBuffers(chunks)) as AnyChunk[], finished, seq);
}

function startNetwork(exp: Experiment, listener: ChunkListener, opts: { stepsPerTick: number; paused: boolean }, progress?: StepProgressListener): StartResult {
  const built = createNetworkEngine(exp, progress ? { onProgress: throttledProgress(progress) } : {});
  if (!built.ok) return fail(formatErrors(built.errors));
  network = built.engine;
  // One step at a time inside a tick: a large network's step takes a good part of the budget.
  session = new Session(network, streamTo(listener), opts.stepsPerTick, 1);
  session.begin(opts.paused);
  return ok({ kind: 'network', labels: network.labels, info: netInfo(network) });
}

function startFunction(exp: Experiment, engine: VectorEngine, listener: ChunkListener, opts: { stepsPerTick: number; paused: boolean }): StartResult {
  const tooLarge = pathsTooLarge(exp);
  if (tooLarge) return fail(tooLarge);
  const { instance } = engine;
  const fn = D_FUNCTIONS[instance.id];
  const { axes, center, x, y } = instance.view;
  kept = new KeptPaths(instance.dim, engine.runs.length, exp.stop.maxSteps + 1);
  session = new Session(withKeptPaths(engine, kept), streamTo(listener), opts.stepsPerTick);
  session.begin(opts.paused);
  return ok({
    kind: 'function',
    labels: engine.labels,
    info: { name: fn.name, formula: instance.formula, teaches: fn.about, dim: instance.dim, axes: [axes[0], axes[1]], center: Array.from(center), view: { x: [x[0], x[1]], y: [y[0], y[1]] }, globalMin: instance.globalMin },
    starts: engine.runs.map((r) => Array.from(r.x0)),
  });
}

/** The instance of the last function problem drawn, reused while the problem stays. */
let sliceCache: { key: string; instance: Instance } | null = null;
/** The samples of the function plane last contoured (sliceContours), for the 3D view. */
let lastPlane: { values: Float64Array; n: number; view: ViewWindow } | null = null;

/** The function problem's instance (kept while the problem stays), checked against the plane. */
function sliceInstance(problem: FunctionProblem, slice: Slice): WorkerResult<Instance> {
  const key = JSON.stringify(problem);
  if (sliceCache?.key !== key) {
    const built = instanceOf(problem);
    if (!built.ok) return fail(formatErrors(built.errors));
    sliceCache = { key, instance: built.value };
  }
  const { instance } = sliceCache;
  const problemHere = planeProblem(slice.plane, instance.dim) ?? (slice.center.length === instance.dim ? null : `the plane needs a point of ${instance.dim} numbers`);
  return problemHere ? fail(problemHere) : ok(instance);
}

export const api = {
  /**
   * Starts (or restarts) an experiment; chunks stream to `listener`. Paused when `paused`.
   * `progress` hears how far a network's dense-Hessian steps are (seconds each on a large net).
   */
  start(exp: Experiment, listener: ChunkListener, opts: { stepsPerTick: number; paused: boolean }, progress?: StepProgressListener): StartResult {
    session?.pause();
    session = null;
    network = null;
    kept = null;
    if (exp.problem.kind === 'network') return startNetwork(exp, listener, opts, progress);
    const built = createEngine(exp);
    if (!built.ok) return fail(formatErrors(built.errors));
    const { engine } = built;
    if (engine.kind === 'function') return startFunction(exp, engine, listener, opts);
    const s = engine.surface;
    const objective = objectiveOf(exp);
    const stepper = objective.ok ? withLambdaMin(engine, (x, y, h) => objective.objective.hessian(x, y, h)) : engine;
    session = new Session(stepper, streamTo(listener), opts.stepsPerTick);
    session.begin(opts.paused);
    return ok({
      kind: 'surface',
      labels: engine.labels,
      surface: { name: s.name, formula: s.expression, teaches: s.teaches, view: s.view, start: s.start, globalMin: s.globalMin },
      starts: exp.runs.map((r) => planeStart(r) ?? s.start),
    });
  },
  /** Stops playback; returns the number of the last message sent (see Session.pause). */
  pause(): number {
    return session?.pause() ?? 0;
  },
  resume(): void {
    session?.play();
  },
  step(steps = 1): number {
    return session?.step(steps) ?? 0;
  },
  setSpeed(stepsPerTick: number): void {
    session?.setSpeed(stepsPerTick);
  },
  cancel(): void {
    session?.pause();
    session = null;
  },
  /** p(class 1) of a network run's current weights on an n x n grid (the decision boundary). */
  netDecisionGrid(run: number, n = 96): WorkerResult<DecisionGrid> {
    if (!network || run >= network.labels.length) return fail(NO_NETWORK);
    const grid = netDecisionGrid(network, run, n);
    return Comlink.transfer(ok(grid), decisionBuffers(grid));
  },
  /** The loss-landscape slice around a network run's current weights. */
  async netLandscape(run: number, opts: SliceOptions & { backend?: SliceBackend }): Promise<WorkerResult<LandscapeSlice>> {
    if (!network || run >= network.labels.length) return fail(NO_NETWORK);
    const slice = await netLandscape(network, run, opts);
    return Comlink.transfer(ok(slice), sliceBuffers(slice));
  },
  /** A network run's current weights and step (for the spectrum worker: the spectrum is not computed here, so the race never waits for it). */
  netWeights(run: number): WorkerResult<RunWeights> {
    if (!network || run >= network.labels.length) return fail(NO_NETWORK);
    const weights = netWeights(network, run);
    return Comlink.transfer(ok(weights), [weights.w.buffer as ArrayBuffer]);
  },
  /** The census's starts along the runs' kept paths (the CLI's --census takes the same). */
  netCensusPathStarts(): WorkerResult<CensusStart[]> {
    if (!network) return fail(NO_NETWORK);
    return ok(netCensusPathStarts(network));
  },
  /** A network run's weights at its current step and the dataset, for download. */
  netExport(run: number): WorkerResult<NetExport> {
    if (!network || run >= network.labels.length) return fail(NO_NETWORK);
    return ok(netExport(network, run));
  },
  /** The PCA plane of a function run's first n points (pathPca), with every run's kept path projected on it; null when there is none. */
  planePca(run: number, n: number): WorkerResult<PlanePca | null> {
    if (!kept) return fail('no function problem is running');
    const found = kept.pca(run, n);
    return found ? Comlink.transfer(ok(found), found.xy.map((a) => a.buffer as ArrayBuffer)) : ok(null);
  },
  /** The contours of the objective over `view`, sampled on n x n, drawn on width x height pixels, colours blended toward `background`. */
  contours(exp: Experiment, view: ViewWindow, n: number, width: number, height: number, background = '#ffffff'): WorkerResult<ContourImage> {
    const r = objectiveOf(exp);
    if (!r.ok) return fail(r.message);
    const image = renderContourImage(sampleGrid(r.objective, view, n, n), n, n, view, width, height, background);
    return Comlink.transfer(ok(image), [image.bitmap]);
  },
  /** The contours as SVG paths on a width x height drawing area (the exported figure's vector contours). */
  contourPaths(exp: Experiment, view: ViewWindow, n: number, width: number, height: number): WorkerResult<ContourPaths> {
    const r = objectiveOf(exp);
    if (!r.ok) return fail(r.message);
    return ok(contourPaths(sampleGrid(r.objective, view, n, n), n, n, view, width, height));
  },
  /** The contours of a function problem on the plane `slice` (two coordinates, or two directions, through a point), over `view`. */
  sliceContours(problem: FunctionProblem, slice: Slice, view: ViewWindow, n: number, width: number, height: number, background = '#ffffff'): WorkerResult<ContourImage> {
    const built = sliceInstance(problem, slice);
    if (!built.ok) return built;
    const values = sampleGrid(sliceObjective(built.value, slice), view, n, n);
    lastPlane = { values, n, view };
    const image = renderContourImage(values, n, n, view, width, height, background);
    return Comlink.transfer(ok(image), [image.bitmap]);
  },
  /** The contours of a function problem on the plane `slice` as SVG paths (the exported figure). */
  sliceContourPaths(problem: FunctionProblem, slice: Slice, view: ViewWindow, n: number, width: number, height: number): WorkerResult<ContourPaths> {
    const built = sliceInstance(problem, slice);
    if (!built.ok) return built;
    return ok(contourPaths(sampleGrid(sliceObjective(built.value, slice), view, n, n), n, n, view, width, height));
  },
  /** The point drawn at (a, b) on a function problem's plane, in R^d, with f and ||grad f|| there (the hover readout). */
  planeProbe(problem: FunctionProblem, slice: Slice, a: number, b: number): WorkerResult<PlaneProbe> {
    const built = sliceInstance(problem, slice);
    if (!built.ok) return built;
    const instance = built.value;
    const x = planePoint(slice.plane, slice.center, a, b, new Float64Array(instance.dim));
    const g = new Float64Array(instance.dim);
    const f = instance.grad(x, g);
    let sq = 0;
    for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
    return ok({ a, b, x: Array.from(x), f, gradNorm: Math.sqrt(sq) });
  },
  /**
   * The function plane the contours were last drawn on, as the 3D view's height field: the very
   * samples behind the 2D picture, every `stride`-th of them, coloured as its bands are.
   */
  planeHeightField(stride: number, background = '#ffffff'): WorkerResult<HeightField> {
    if (!lastPlane) return fail('no function plane has been drawn yet');
    const { values, n, view } = lastPlane;
    const field = subsampleField(heightField(values.slice(), n, view, background), stride); // a copy: the transfer detaches it
    return Comlink.transfer(ok(field), [field.f.buffer, field.colors.buffer]);
  },
  /** The objective sampled n x n over `view` with the contours' colour of each sample (the 3D view), blended toward `background` as the contours are. */
  heightField(exp: Experiment, view: ViewWindow, n: number, background = '#ffffff'): WorkerResult<HeightField> {
    const r = objectiveOf(exp);
    if (!r.ok) return fail(r.message);
    const field = heightField(sampleGrid(r.objective, view, n, n), n, view, background);
    return Comlink.transfer(ok(field), [field.f.buffer, field.colors.buffer]);
  },
  /** Every critical point of the objective inside `view`, classified (never on the main thread). */
  criticalPoints(exp: Experiment, view: ViewWindow): WorkerResult<{ points: CriticalPoint[]; truncated: boolean; truncatedReason: string | null; ms: number }> {
    const r = objectiveOf(exp);
    if (!r.ok) return fail(r.message);
    const t0 = performance.now();
    const { points, truncated, truncatedReason } = searchCriticalPoints(r.asSurface, view);
    return ok({ points, truncated, truncatedReason, ms: performance.now() - t0 });
  },
  /** f, gradient and Hessian eigenvalues at one point (the plot's hover readout). */
  probe(exp: Experiment, x: number, y: number): WorkerResult<Probe> {
    const r = objectiveOf(exp);
    if (!r.ok) return fail(r.message);
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    r.objective.grad(x, y, g);
    r.objective.hessian(x, y, h);
    return ok({ x, y, f: r.objective.f(x, y), gradNorm: Math.hypot(g[0], g[1]), eigenvalues: eigenSym2(h[0], h[1], h[2]).values });
  },
};

export type WorkerApi = typeof api;
