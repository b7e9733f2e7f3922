// The app's state: the Experiment being explored and the runs' streamed buffers.
// Components select only what they draw; the actions that talk to the worker are in
// controller.ts (by concern), the maps' in maps/.
import { create } from 'zustand';
import { openingExperiment } from '../experiment/defaults';
import type { LinkProblem } from '../experiment/link';
import type { ChartXAxis, Experiment, ViewWindow } from '../experiment/types';
import type { NetTrace } from './netTraces';
import type { LandscapeSlice } from '../nets/slice';
import type { CriticalPoint, DecisionGrid, FunctionInfo, NetworkInfo, PlanePca, PlaneProbe, Probe, SurfaceInfo } from '../workers/client';
import type { Plane } from '../functions/plane';
import { initialTheme } from './theme';
import type { RunTrace } from './traces';
import type { ContourScale } from '../workers/contourImage';

export type { ContourScale };

/** The worker's network shapes, for the views that draw them (components never import workers). */
export type { DecisionGrid, FunctionInfo, NetworkInfo, PlaneProbe };

/** The plane of a run's two principal components (src/numeric/pca.ts, computed in the engine worker), and how much of its path's variance each holds. */
export type PcaPlane = Omit<PlanePca, 'xy'>;

/** A function problem in the explorer: its facts and the plane shown (two coordinates, or the PCA plane). */
export interface FunctionPlane {
  info: FunctionInfo;
  /** The two coordinates of the coordinate plane (kept while the PCA plane shows). */
  axes: [number, number];
  kind: 'coordinates' | 'pca';
  /** The PCA plane, once the selected run's path has points enough (null before, and on the coordinate plane until asked for). */
  pca: PcaPlane | null;
}
export type PlaybackStatus = 'idle' | 'playing' | 'paused' | 'finished';

export interface ContourGrid {
  /** The window the contour picture covers. */
  view: ViewWindow;
  /** The contours, rasterized by the worker at the plot's size in device pixels. */
  bitmap: ImageBitmap;
  levels: number;
  /** The colours' values, for the colour bar. */
  scale: ContourScale;
  /** A function problem's plane the contours were drawn on (null on a surface). */
  plane: Plane | null;
}

export interface AppState {
  experiment: Experiment;
  /** What the running problem is: a 2D surface or a small network. */
  mode: 'surface' | 'network';
  surface: SurfaceInfo | null;
  /** Set while a function problem runs (mode 'surface': its paths are drawn projected on a plane). */
  fn: FunctionPlane | null;
  traces: RunTrace[];
  /** Network runs' streamed series (mode 'network'). */
  netTraces: NetTrace[];
  netInfo: NetworkInfo | null;
  /** The decision function of the selected network run, on a grid. */
  decision: DecisionGrid | null;
  slice: LandscapeSlice | null;
  sliceBusy: boolean;
  selectedRun: number;
  /** Bumped whenever a trace grows, so views that draw traces re-render. */
  revision: number;
  status: PlaybackStatus;
  /** Steps each run advances per worker tick while playing. */
  speed: number;
  grid: ContourGrid | null;
  /** The window shown (zoomed and panned); the grid follows it. */
  view: ContourGrid['view'] | null;
  /** Critical points of the objective in the view (computed in the worker), or null while searching. */
  criticalPoints: CriticalPoint[] | null;
  /** Why the critical-point search may have missed points; null when it found them all. */
  criticalTruncated: string | null;
  /** The readout under the pointer: values at the pointer, or a critical point's exact values. */
  probe: Probe | null;
  /** The readout on a function problem's plane: the point in R^d under the pointer. */
  planeProbe: PlaneProbe | null;
  hoveredPoint: CriticalPoint | null;
  /** Playback scrubbed back to this step (paths drawn up to it), or null to show everything. */
  scrubStep: number | null;
  theme: 'light' | 'dark';
  /** Draw only each path's recent steps strongly, older steps faded. */
  fadeTail: boolean;
  /** The run charts' x axis: steps, or evaluations of f and its gradient (the link's `xaxis=`). */
  chartX: ChartXAxis;
  /** The step hovered on a chart or the plot (linked views), or null. */
  hoverStep: number | null;
  /** What a loaded link or imported file had that was rejected (each field fell back to its default). */
  linkProblems: LinkProblem[] | null;
  /** Where linkProblems came from: a link (fields named by link keys) or an imported file. */
  noticeSource: 'link' | 'file';
  /**
   * A typed expression a link or file carried that does not compile: the surface fell back to the
   * default, and the expression box keeps this text for editing (null when there is none).
   */
  rejectedExpr: string | null;
  /** A short confirmation (link copied, file exported). */
  toast: string | null;
  /** The last error to show (bad experiment, worker failure); the app keeps running. */
  error: string | null;
}

export const useStore = create<AppState>(() => ({
  experiment: openingExperiment(),
  mode: 'surface',
  netTraces: [],
  netInfo: null,
  decision: null,
  slice: null,
  sliceBusy: false,
  selectedRun: 0,
  surface: null,
  fn: null,
  traces: [],
  revision: 0,
  status: 'idle',
  speed: 5,
  grid: null,
  view: null,
  hoverStep: null,
  chartX: 'steps',
  scrubStep: null,
  fadeTail: false,
  theme: initialTheme(),
  criticalPoints: null,
  criticalTruncated: null,
  probe: null,
  planeProbe: null,
  hoveredPoint: null,
  linkProblems: null,
  noticeSource: 'link',
  rejectedExpr: null,
  toast: null,
  error: null,
}));
