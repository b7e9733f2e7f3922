// The 3D view's state: which views show (2D, 3D, both), the heights and the camera (all three
// travel in the link's `view3d=` field, src/experiment/view3d.ts), presentation mode, and the
// height field of the visible window (sampled and coloured in the worker, as the contours are).
import { create } from 'zustand';
import { defaultView3d, HEIGHT_SPAN, sanitizeCamera, type Camera3d, type HeightScale, type View3dSettings, type ViewLayout } from '../experiment/view3d';
import type { Experiment, ViewWindow } from '../experiment/types';
import type { HeightField, ValueScale } from '../workers/client';
import { logValue } from '../workers/valueScale';
import { BAND_BACKGROUND, GRID_SIZE } from './contourGrid';
import { engine } from './engineWorker';
import { latestWins } from './latest';
import { useStore } from './store';

export type { Camera3d, HeightField, HeightScale, View3dSettings, ViewLayout };
export { DEFAULT_CAMERA, HEIGHT_SPAN } from '../experiment/view3d';

export interface View3dState extends View3dSettings {
  /** Presentation mode (a projector): larger type and lines, the panels folded away. Not in the link. */
  presenting: boolean;
  /** The surface of the visible window, or null until the worker has sampled it. */
  field: HeightField | null;
  /** Bumped when the camera is set from outside the view (a link, the reset button): the view moves to it. */
  cameraRevision: number;
}

export const useView3dStore = create<View3dState>(() => ({ ...defaultView3d(), presenting: false, field: null, cameraRevision: 0 }));

export function setLayout(layout: ViewLayout): void {
  useView3dStore.setState({ layout });
}

export function setHeights(heights: HeightScale): void {
  useView3dStore.setState({ heights });
}

/** The camera as the view's controls left it (rounded as the link writes it). */
export function setCamera(camera: Camera3d): void {
  const c = sanitizeCamera(camera);
  const old = useView3dStore.getState().camera;
  if (JSON.stringify(c) !== JSON.stringify(old)) useView3dStore.setState({ camera: c });
}

export function resetCamera(): void {
  useView3dStore.setState((s) => ({ camera: defaultView3d().camera, cameraRevision: s.cameraRevision + 1 }));
}

export function setPresenting(presenting: boolean): void {
  useView3dStore.setState({ presenting });
}

/** What the link carries. */
export function view3dSettings(): View3dSettings {
  const { layout, heights, camera } = useView3dStore.getState();
  return { layout, heights, camera };
}

/** Settings from a link (already sanitized by the decoder). */
export function loadView3d(settings: View3dSettings): void {
  useView3dStore.setState((s) => ({ ...settings, cameraRevision: s.cameraRevision + 1 }));
}

/**
 * f to height in scene units, 0 at the window's lowest sampled value and HEIGHT_SPAN at its
 * highest: linear, or on the contours' log scale (valueScale.ts). Values beyond the window's
 * range (a path that found lower ground, or diverged) are clamped a little past its ends.
 */
export function heightOf(scale: ValueScale | null, heights: HeightScale): (f: number) => number {
  if (!scale) return () => 0;
  const { lo, hi, delta } = scale;
  const clamp = (t: number) => HEIGHT_SPAN * Math.min(1.25, Math.max(0, t));
  if (heights === 'linear') return (f) => (Number.isFinite(f) ? clamp((f - lo) / (hi - lo)) : clamp(Infinity));
  const bottom = Math.log(delta);
  const span = logValue(scale, hi) - bottom;
  return (f) => clamp((logValue(scale, Math.max(f, lo)) - bottom) / span);
}

/** Samples per axis of the 3D surface. */
const FIELD_SIZE = 65;

const fields = latestWins<{ exp: Experiment; view: ViewWindow; background: string }>(
  async ({ exp, view, background }) => {
    const r = await engine().heightField(exp, view, FIELD_SIZE, background);
    if (r.ok) useView3dStore.setState({ field: r.value });
    else useStore.setState({ error: r.error });
  },
  (err) => useStore.setState({ error: `could not sample the surface: ${(err as Error).message}` }),
);

/** The smallest stride that keeps both edges of n samples and leaves at most `most` of them. */
export function strideFor(n: number, most: number): number {
  for (let s = 1; s < n; s++) if ((n - 1) % s === 0 && (n - 1) / s + 1 <= most) return s;
  return 1;
}

/**
 * A function problem's plane: the samples behind the 2D contours (the worker keeps the last
 * plane it drew), thinned to about FIELD_SIZE a side, asked for each time the 2D picture changes.
 */
const planes = latestWins<{ background: string }>(
  async ({ background }) => {
    const r = await engine().planeHeightField(strideFor(GRID_SIZE, FIELD_SIZE), background);
    if (r.ok) useView3dStore.setState({ field: r.value });
  },
  (err) => useStore.setState({ error: `could not sample the plane: ${(err as Error).message}` }),
);

/** Keeps the height field in step with the problem and the window while the 3D view is open; returns the stop. */
export function followHeightField(): () => void {
  let key = '';
  const update = () => {
    const s = useStore.getState();
    if (s.mode !== 'surface' || !s.view) return;
    // The surface is coloured as the contours are, blended toward the theme's panel colour.
    const background = BAND_BACKGROUND[s.theme];
    if (s.fn) {
      key = ''; // back on a surface, sample it again
      if (s.grid) void planes.request({ background });
      return;
    }
    const next = JSON.stringify([s.experiment.problem, s.view, background]);
    if (next === key) return;
    key = next;
    void fields.request({ exp: s.experiment, view: s.view, background });
  };
  update();
  return useStore.subscribe((s, prev) => {
    if (s.view !== prev.view || s.experiment.problem !== prev.experiment.problem || s.mode !== prev.mode || s.theme !== prev.theme || (s.fn && s.grid !== prev.grid)) update();
  });
}
