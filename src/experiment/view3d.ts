// The 3D view's settings: which views show (2D, 3D or both side by side), how f becomes height,
// and the camera. What the share link's `view3d=` field carries (link/view3d.ts); not part of
// the Experiment (it shapes no run). A sanitizer clamps untrusted input, as maps.ts does.
//
// The camera lives in the scene's own units, not the surface's: the plot's plot region is drawn as
// the square [-1, 1] x [-1, 1] and f as heights from 0 to HEIGHT_SPAN, so a camera shared with
// a link frames any surface and any zoom the same way.

export type ViewLayout = '2d' | '3d' | 'both';
export const VIEW_LAYOUTS: readonly ViewLayout[] = ['2d', '3d', 'both'];

/** f as height: 'linear', or 'log' (log(f - min + delta), the contours' own scale: valleys like Rosenbrock's keep their floor). */
export type HeightScale = 'linear' | 'log';
export const HEIGHT_SCALES: readonly HeightScale[] = ['linear', 'log'];

/** The tallest height in scene units (the plot region is 2 units wide). */
export const HEIGHT_SPAN = 0.9;

export interface Camera3d {
  /** Degrees around the vertical axis, from the +x axis towards +y; in [-180, 180). */
  azimuth: number;
  /** Degrees above the plane of the plot region. */
  elevation: number;
  /** From the target, in scene units. */
  distance: number;
  /** The point the camera orbits, in scene units. */
  target: [number, number, number];
}

export interface View3dSettings {
  layout: ViewLayout;
  heights: HeightScale;
  camera: Camera3d;
}

export const VIEW3D_LIMITS = {
  elevation: { min: -89, max: 89 },
  distance: { min: 0.3, max: 30 },
  target: { min: -10, max: 10 },
} as const;

export const DEFAULT_CAMERA: Readonly<Camera3d> = { azimuth: -60, elevation: 32, distance: 4.2, target: [0, 0, 0.25] };

export const DEFAULT_VIEW3D: Readonly<View3dSettings> = { layout: '2d', heights: 'linear', camera: DEFAULT_CAMERA };

export function defaultView3d(): View3dSettings {
  return structuredClone(DEFAULT_VIEW3D) as View3dSettings;
}

// Links stay short: angles to a tenth of a degree, lengths to a thousandth of the plot region's half-width.
const round = (v: number, unit: number) => Math.round(v / unit) * unit;
const tidy = (v: number, unit: number) => Number(round(v, unit).toFixed(unit < 0.01 ? 3 : 1)) + 0; // + 0 turns -0 into 0
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const finiteOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The same direction in [-180, 180). */
export function wrapAzimuth(degrees: number): number {
  return ((((degrees + 180) % 360) + 360) % 360) - 180;
}

/** A camera within the limits, rounded as the link writes it. */
export function sanitizeCamera(v: unknown): Camera3d {
  const d = DEFAULT_CAMERA;
  if (typeof v !== 'object' || v === null) return structuredClone(d) as Camera3d;
  const c = v as Partial<Record<keyof Camera3d, unknown>>;
  const { elevation: el, distance: di, target: ta } = VIEW3D_LIMITS;
  const target = Array.isArray(c.target) ? c.target : [];
  return {
    // Wrapped before rounding (a huge angle would overflow), and again after (179.96 rounds to 180).
    azimuth: tidy(wrapAzimuth(tidy(wrapAzimuth(finiteOr(c.azimuth, d.azimuth)), 0.1)), 0.1),
    elevation: tidy(clamp(finiteOr(c.elevation, d.elevation), el.min, el.max), 0.1),
    distance: tidy(clamp(finiteOr(c.distance, d.distance), di.min, di.max), 0.001),
    target: [0, 1, 2].map((i) => tidy(clamp(finiteOr(target[i], d.target[i]), ta.min, ta.max), 0.001)) as [number, number, number],
  };
}

/** Untrusted input (a decoded link) to valid settings: anything missing or out of range takes its default. */
export function sanitizeView3d(v: unknown): View3dSettings {
  const d = defaultView3d();
  if (typeof v !== 'object' || v === null) return d;
  const s = v as Partial<Record<keyof View3dSettings, unknown>>;
  return {
    layout: VIEW_LAYOUTS.includes(s.layout as ViewLayout) ? (s.layout as ViewLayout) : d.layout,
    heights: HEIGHT_SCALES.includes(s.heights as HeightScale) ? (s.heights as HeightScale) : d.heights,
    camera: sanitizeCamera(s.camera),
  };
}
