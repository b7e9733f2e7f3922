// The current plot's contours as vector paths, for the exported figure (drawn in the worker,
// light-theme colours: a slide is printed on white).
import type { ContourPaths } from '../workers/contourPaths';
import { currentSlice, GRID_SIZE } from './contourGrid';
import { engine } from './engineWorker';
import { useStore } from './store';

export type { ContourPaths };

export async function figureContours(width: number, height: number): Promise<ContourPaths | null> {
  const s = useStore.getState();
  const view = s.view ?? s.grid?.view;
  if (s.mode !== 'surface' || !view) return null;
  // A function problem's figure shows the contours of the plane drawn (two coordinates or the PCA plane).
  const slice = currentSlice();
  const r = slice && s.experiment.problem.kind === 'function'
    ? await engine().sliceContourPaths(s.experiment.problem, slice, view, GRID_SIZE, width, height)
    : await engine().contourPaths(s.experiment, view, GRID_SIZE /* the plot's own grid: the figure shows the bands the page shows */, width, height);
  return r.ok ? r.value : null;
}
