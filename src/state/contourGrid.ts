// Contour grids and critical points follow the problem and the visible window. Zooming and
// panning ask for many windows: the latest request wins (latest.ts), and the critical points
// of a window already left behind are not searched.
import { LIMITS } from '../experiment/limits';
import type { Experiment, ViewWindow } from '../experiment/types';
import type { Slice } from '../workers/client';
import { engine } from './engineWorker';
import { latestWins } from './latest';
import { useStore } from './store';
import { pointAt } from './traces';
import { currentPlane } from './planeOf';

/** Samples per axis of the objective behind the contours. */
export const GRID_SIZE = 160;

/** The contour picture's size in device pixels: the plot tells it (setContourRaster). */
let raster: { width: number; height: number } | null = null;
/** A window asked for before the plot told its size: drawn once it does. */
let beforeRaster: { exp: Experiment; view: ViewWindow } | null = null;

let gridKey = '';
let problemKey = '';

/**
 * What the contour colours are blended toward: the plot panel's colour in each theme (the
 * --panel of styles.css), so that the bands are light on light and dim on dark.
 */
export const BAND_BACKGROUND = { light: '#ffffff', dark: '#1f2126' } as const;

const grids = latestWins<{ exp: Experiment; view: ViewWindow; width: number; height: number; background: string; slice: Slice | null }>(
  async ({ exp, view, width, height, background, slice }, superseded) => {
    const image =
      slice && exp.problem.kind === 'function'
        ? await engine().sliceContours(exp.problem, slice, view, GRID_SIZE, width, height, background)
        : await engine().contours(exp, view, GRID_SIZE, width, height, background);
    if (!image.ok) {
      useStore.setState({ error: image.error });
      return;
    }
    const grid = { view, bitmap: image.value.bitmap, levels: image.value.levels, scale: image.value.scale, plane: slice?.plane ?? null };
    const old = useStore.getState().grid;
    useStore.setState({ grid });
    old?.bitmap.close();
    if (superseded()) return; // still zooming: skip the critical points of an intermediate window
    // A plane of a d-dimensional function: its critical points are not the function's, none are searched.
    if (slice) {
      useStore.setState({ criticalPoints: [], criticalTruncated: null });
      return;
    }
    const found = await engine().criticalPoints(exp, view);
    if (!found.ok) return;
    if (useStore.getState().grid === grid) useStore.setState({ criticalPoints: found.value.points, criticalTruncated: found.value.truncated ? found.value.truncatedReason ?? 'the search stopped early' : null });
  },
  (err) => {
    gridKey = ''; // let the next request try again
    useStore.setState({ error: `could not draw the contours: ${(err as Error).message}` });
  },
);

/**
 * The plane a function problem is drawn on (two coordinates, or the PCA plane), through the
 * selected run's point at the shown step (the scrubbed one, else its latest), or the function's own point.
 */
export function currentSlice(): Slice | null {
  const s = useStore.getState();
  if (!s.fn) return null;
  const t = s.traces[s.selectedRun] ?? s.traces[0];
  const center = (t && pointAt(t, Math.min(s.scrubStep ?? Infinity, t.length - 1))) ?? s.fn.info.center;
  return { plane: currentPlane(s.fn), center };
}

/** Asks for the contours (and critical points) of `exp`'s problem over `view`; a function problem's on its current plane. */
export function requestGrid(exp: Experiment, view: ViewWindow): void {
  if (!raster) {
    beforeRaster = { exp, view };
    return;
  }
  const background = BAND_BACKGROUND[useStore.getState().theme];
  const slice = currentSlice();
  const key = JSON.stringify([exp.problem, view, raster, background, slice]);
  if (key === gridKey) return;
  const pk = JSON.stringify(exp.problem);
  if (pk !== problemKey) {
    problemKey = pk;
    useStore.setState({ criticalPoints: null });
  }
  gridKey = key;
  void grids.request({ exp, view, ...raster, background, slice });
}

/** The plot's drawing area in device pixels; the contours are rasterized at this size. */
export function setContourRaster(width: number, height: number): void {
  if (raster && raster.width === width && raster.height === height) return;
  raster = { width, height };
  const waiting = beforeRaster;
  beforeRaster = null;
  const s = useStore.getState();
  if (waiting) requestGrid(waiting.exp, waiting.view);
  else if (s.mode === 'surface' && s.view) requestGrid(s.experiment, s.view);
}

/** Shows another window of the surface (zoom, pan, reset); the runs go on untouched. */
export function setView(view: ViewWindow | null): void {
  if (view && !(view.x[1] - view.x[0] >= LIMITS.viewSpan.min && view.y[1] - view.y[0] >= LIMITS.viewSpan.min)) return;
  const s = useStore.getState();
  const experiment = { ...s.experiment };
  // A function problem's window belongs to the plane shown, not to the experiment (which has none).
  if (view && !s.fn) experiment.view = view;
  else delete experiment.view;
  const shown = view ?? s.surface?.view;
  if (!shown) return;
  useStore.setState({ experiment, view: shown });
  requestGrid(experiment, shown);
}

/** Draws the contours again in the current theme's colours. */
export function redrawContours(): void {
  const s = useStore.getState();
  if ((s.mode === 'surface' || s.fn) && s.view) requestGrid(s.experiment, s.view);
}

/** Redraws a function problem's contours on the plane through the current point (the point moved, or the plane changed). */
export function refreshPlane(): void {
  const s = useStore.getState();
  if (s.fn && s.view) requestGrid(s.experiment, s.view);
}
