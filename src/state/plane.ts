// A function problem's plane in the explorer: two chosen coordinates, or the plane of the
// selected run's two principal components (PC1, PC2 of its path, centred at the path's mean:
// src/numeric/pca.ts). Changing it re-projects every path from its kept coordinates and redraws
// the contours; the contours also follow the point they go through (the selected run's point at
// the shown step). The PCA follows the path as it grows (again whenever it has grown by a
// quarter, and at the end), and the selected run: the window is then fitted to the paths. The
// PCA (up to ~0.3 s at 20,001 points in d = 1000) and the projection of every path on its plane
// are the engine worker's (src/workers/keptPaths.ts, which keeps the paths too): the page asks,
// the latest request wins, and the answer is applied as it comes; the page never computes them.
import type { PlaneChoice } from '../experiment/plane';
import { planeChoiceProblem } from '../experiment/plane';
import { type Plane, planeCoords } from '../functions/plane';
import { refreshPlane, setView } from './contourGrid';
import { engine } from './engineWorker';
import { latestWins } from './latest';
import { type FunctionInfo, type FunctionPlane, useStore } from './store';
import { grow, project, type RunTrace } from './traces';
import { currentPlane } from './planeOf';

export { contoursStale, currentPlane, planeChoice, planeLabels } from './planeOf';

/** The PCA is computed again once the path has this many times the points it was computed from. */
const PCA_REGROW = 1.25;
/** Fewer points give no plane (a line at most): the coordinate plane shows meanwhile. */
const PCA_MIN_POINTS = 3;

/** A plane asked for by a link, applied when its experiment starts ('own': the link has none, so the function's own). */
let requested: PlaneChoice | 'own' | null = null;

/** A loaded link's plane (undefined: it has none, and the function's own plane is drawn, not the one shown before). */
export function requestPlane(choice: PlaneChoice | undefined): void {
  requested = choice ?? 'own';
}

/**
 * The plane of a function problem that starts: the one a link asked for, else the one shown
 * before when it still fits (an edit restarts the runs), else the function's own.
 */
export function planeAtStart(info: FunctionInfo, prev: FunctionPlane | null): FunctionPlane {
  const choice = requested;
  requested = null;
  const fits = (c: PlaneChoice) => planeChoiceProblem(c, info.dim) === null;
  if (choice && choice !== 'own' && fits(choice)) return choice.kind === 'pca' ? { info, axes: info.axes, kind: 'pca', pca: null } : { info, axes: choice.axes, kind: 'coordinates', pca: null };
  if (choice === null && prev && prev.info.dim === info.dim && fits({ kind: 'coordinates', axes: prev.axes })) {
    // The old PCA plane stays drawn until the new path has points enough for its own.
    return { info, axes: prev.axes, kind: prev.kind, pca: prev.kind === 'pca' ? prev.pca : null };
  }
  return { info, axes: info.axes, kind: 'coordinates', pca: null };
}

/**
 * Re-projects every path on `plane` (new trace objects: views cache a path per trace object):
 * from `given[i]`, run i's points already projected in the worker (as many as it held then),
 * and only the points that came since here.
 */
function reproject(traces: RunTrace[], plane: Plane, given?: Float64Array[]): RunTrace[] {
  return traces.map((t, i) => {
    const xy = given?.[i];
    const done = xy ? Math.min(xy.length / 2, t.length) : 0;
    const copy = { ...t, xy: xy ? grow(xy, t.xy.length) : t.xy.slice() };
    project(copy, plane, done);
    return copy;
  });
}

function showPlane(fn: FunctionPlane, fit: boolean, projected?: Float64Array[]): void {
  const s = useStore.getState();
  const plane = currentPlane(fn);
  const traces = reproject(s.traces, plane, projected);
  const first = traces[0];
  const start = first?.points && first.length ? planeCoords(plane, first.points, 0) : s.surface?.start;
  const view = fit && plane.kind === 'pca' ? fittedView(traces) : s.surface?.view;
  const surface = s.surface && start && view ? { ...s.surface, start, view } : s.surface;
  // planeProbe: the point under the pointer was on the old plane
  useStore.setState({ fn, traces, surface, planeProbe: null, revision: s.revision + 1 });
  if (fit && view) setView(view);
  else if (fn.kind === 'coordinates' && s.fn?.kind === 'pca') setView(fn.info.view);
  refreshPlane();
}

/** Shows the plane of coordinates axes[0] and axes[1] (numbered from 0). */
export function setPlaneAxes(axes: [number, number]): void {
  const s = useStore.getState();
  if (!s.fn || axes[0] === axes[1] || axes.some((a) => !Number.isInteger(a) || a < 0 || a >= s.fn!.info.dim)) return;
  showPlane({ ...s.fn, axes, kind: 'coordinates' }, false);
}

/** The run whose point the plane goes through (and whose path defines the PCA plane). */
export function selectPlaneRun(run: number): void {
  const s = useStore.getState();
  if (Number.isInteger(run) && run >= 0 && run < s.traces.length) useStore.setState({ selectedRun: run });
}

/** Shows the plane of the selected run's principal components (the coordinate plane stays drawn until the worker's answer). */
export function setPlanePca(): void {
  const s = useStore.getState();
  if (!s.fn || s.fn.kind === 'pca') return;
  useStore.setState({ fn: { ...s.fn, kind: 'pca', pca: null } });
  followPca();
}

/** A PCA asked of the engine worker: run `run`'s first n points, of the problem started with `info` (one object a start). */
interface PcaRequest {
  info: FunctionInfo;
  run: number;
  n: number;
}

/** The request in flight or waiting: while it is, the same run's PCA is not asked again. */
let asked: PcaRequest | null = null;

const pcas = latestWins<PcaRequest>(
  async (request, superseded) => {
    const res = await engine().planePca(request.run, request.n);
    if (asked === request) asked = null;
    const s = useStore.getState();
    // Another start, another run or the coordinate plane since: the answer is out of date.
    if (superseded() || !res.ok || !res.value || s.fn?.info !== request.info || s.fn.kind !== 'pca') return;
    const { xy, ...pca } = res.value;
    showPlane({ ...s.fn, pca }, true, xy);
    followPca(); // the path may have grown (or ended) meanwhile
  },
  (error) => {
    asked = null;
    useStore.setState({ error: `could not compute the PCA plane: ${(error as Error).message}` });
  },
);

/** Asks for the PCA plane again when the selected run changed or its path grew (or restarted, or ended). */
export function followPca(): void {
  const s = useStore.getState();
  if (!s.fn || s.fn.kind !== 'pca') return;
  const run = s.traces[s.selectedRun] ? s.selectedRun : 0;
  const n = s.traces[run]?.length ?? 0;
  const old = s.fn.pca;
  const stale = !old || old.run !== run || n >= PCA_REGROW * old.points || n < old.points || (s.status === 'finished' && n !== old.points);
  if (!stale || n < PCA_MIN_POINTS) return;
  if (asked && asked.info === s.fn.info && asked.run === run) return; // its answer comes first, then this is asked again
  asked = { info: s.fn.info, run, n };
  void pcas.request(asked);
}

/** A square window (a and b are lengths in R^d alike) around every path's projection, with a margin. */
function fittedView(traces: RunTrace[]): { x: [number, number]; y: [number, number] } {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const t of traces) {
    for (let i = 0; i < t.length; i++) {
      const a = t.xy[2 * i];
      const b = t.xy[2 * i + 1];
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      x0 = Math.min(x0, a);
      x1 = Math.max(x1, a);
      y0 = Math.min(y0, b);
      y1 = Math.max(y1, b);
    }
  }
  if (!(x1 >= x0)) return { x: [-1, 1], y: [-1, 1] };
  const half = Math.max(0.6 * Math.max(x1 - x0, y1 - y0), 1e-3);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return { x: [cx - half, cx + half], y: [cy - half, cy + half] };
}

// The plane goes through the selected run's shown point: follow scrubbing and the run chosen;
// the PCA plane follows the selected run and the end of the runs.
useStore.subscribe((s, prev) => {
  if (!s.fn) return;
  if (s.selectedRun !== prev.selectedRun || (s.status !== prev.status && s.status === 'finished')) followPca();
  if (s.scrubStep !== prev.scrubStep || s.selectedRun !== prev.selectedRun || (s.status !== prev.status && s.status !== 'playing')) refreshPlane();
});
