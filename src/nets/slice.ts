// A landscape slice of one run of a network engine, ready to draw: directions, grid, values and
// every run's path projected onto the plane. The values come from an evaluator: the plain-JS
// reference (synchronous) or a batched tfjs one (tf/tfLandscape.ts).
import { type DirectionKind, type Directions, filterNormalizedDirections, pcaDirections } from './directions';
import type { NetworkEngine } from './engine';
import {
  autoSpan,
  evaluateSliceJs,
  maxRelativeOffPlane,
  type ProjectedPath,
  projectPath,
  type SliceEvaluator,
  type SliceGrid,
  sliceGrid,
} from './landscape';
import { netStream } from './streams';

export interface SliceOptions {
  /** Default 'pca' (the plane that holds the path best); 'random' = filter-normalized. */
  directions?: DirectionKind;
  /** Odd, 3..51; default 51. */
  n?: number;
  /** Half-widths of the grid; default: enough to show every projected path (landscape.ts autoSpan). */
  span?: [number, number];
}

export interface LandscapeSlice extends SliceGrid {
  run: number;
  /** The step of the weights w* the slice is centred on. */
  step: number;
  directions: DirectionKind;
  /** Why the directions differ from those asked for, if they do. */
  note?: string;
  explained?: [number, number];
  /** Row-major n x n: loss[j * n + i] = L(w* + a_i d1 + b_j d2). */
  loss: Float64Array;
  /** L(w*), the value at (0, 0). */
  center: number;
  paths: ProjectedPath[];
  /** Worst ||w_t - plane|| / ||w_t - w*|| over all projected points. */
  maxRelativeOffPlane: number;
  backend: string;
  ms: number;
}

interface Prepared {
  center: Float64Array;
  step: number;
  dirs: Directions;
  note?: string;
  grid: SliceGrid;
  paths: ProjectedPath[];
}

function prepare(engine: NetworkEngine, run: number, opts: SliceOptions): Prepared {
  const center = engine.weights(run);
  const step = engine.step(run);
  const wanted = opts.directions ?? 'pca';
  let dirs: Directions | null = wanted === 'pca' ? pcaDirections(center, engine.path(run).weights) : null;
  let note: string | undefined;
  if (!dirs) {
    if (wanted === 'pca') note = 'the path is too short to define a plane: filter-normalized random directions instead';
    dirs = filterNormalizedDirections(engine.net, center, netStream(engine.seed, 'directions'));
  }
  const paths = engine.labels.map((_, i) => {
    const p = engine.path(i);
    return projectPath(i, p.steps, p.weights, center, dirs);
  });
  const span = opts.span ?? autoSpan(paths, dirs.kind === 'random' ? 1 : 0);
  return { center, step, dirs, note, grid: sliceGrid(opts.n ?? 51, span), paths };
}

function assemble(run: number, p: Prepared, loss: Float64Array, backend: string, ms: number): LandscapeSlice {
  const mid = (p.grid.n - 1) / 2;
  return {
    ...p.grid,
    run,
    step: p.step,
    directions: p.dirs.kind,
    ...(p.note ? { note: p.note } : {}),
    ...(p.dirs.explained ? { explained: p.dirs.explained } : {}),
    loss,
    center: loss[mid * p.grid.n + mid],
    paths: p.paths,
    maxRelativeOffPlane: maxRelativeOffPlane(p.paths),
    backend,
    ms,
  };
}

/** The slice with the plain-JS float64 evaluator (the reference). */
export function landscapeSlice(engine: NetworkEngine, run: number, opts: SliceOptions = {}): LandscapeSlice {
  const p = prepare(engine, run, opts);
  const t0 = performance.now();
  const loss = evaluateSliceJs(engine.objective, p.center, p.dirs, p.grid);
  return assemble(run, p, loss, 'js', performance.now() - t0);
}

/** The slice with another evaluator (e.g. batched tfjs on WebGL). */
export async function landscapeSliceWith(engine: NetworkEngine, run: number, opts: SliceOptions, evaluate: SliceEvaluator, backend: string): Promise<LandscapeSlice> {
  const p = prepare(engine, run, opts);
  const t0 = performance.now();
  const loss = await evaluate(p.center, p.dirs, p.grid);
  return assemble(run, p, loss, backend, performance.now() - t0);
}
