// A point where Newton's iterates pile up although ||grad f|| stays large is either a failure
// (the run stopped short, or a local minimum of ||g|| where H g = 0) or a cusp, where grad f has
// no limit (the tip of Ackley's cone, |x|, sqrt(x^2 + y^2), ...). Two properties tell a cusp:
// - it is critical in Clarke's sense: 0 lies in the convex hull of the gradients around it;
// - it looks the same at every scale: on rings of radius r and r/100 the gradients spread just as
//   widely, whereas around a smooth point the spread shrinks with the radius (g(p + r u) is
//   g(p) + r H u + ...). That second test is what keeps a smooth point that Newton merely
//   approached (gradient small, hull test passed) from passing as a cusp.
import type { PointKind } from '../../experiment/types';
import type { Surface } from '../types';

const DIRECTIONS = 16;
const RADIUS_RATIO = 100;
/** A cusp's spread of gradients on the inner ring is at least this fraction of the outer one's. */
const SCALE_INVARIANCE = 0.5;

interface Ring {
  /** Largest distance between a gradient on the ring and their mean. */
  spread: number;
  kind: PointKind | null;
}

/**
 * The kind of the cusp at (x, y) judged by the slopes of f along the rays leaving it (rising in
 * every direction: minimum; falling in every direction: maximum; both: saddle), or null when
 * (x, y) is not a cusp.
 */
export function classifyCusp(surface: Surface, x: number, y: number, radius: number): PointKind | null {
  const outer = ring(surface, x, y, radius);
  if (outer.kind === null) return null;
  const inner = ring(surface, x, y, radius / RADIUS_RATIO);
  if (inner.kind !== outer.kind || inner.spread < SCALE_INVARIANCE * outer.spread) return null;
  return inner.kind;
}

function ring(surface: Surface, x: number, y: number, radius: number): Ring {
  const g = new Float64Array(2);
  const gx: number[] = [];
  const gy: number[] = [];
  let rising = 0;
  let falling = 0;
  for (let k = 0; k < DIRECTIONS; k++) {
    const ux = Math.cos((2 * Math.PI * k) / DIRECTIONS);
    const uy = Math.sin((2 * Math.PI * k) / DIRECTIONS);
    surface.grad(x + radius * ux, y + radius * uy, g);
    if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) return { spread: 0, kind: null };
    gx.push(g[0]);
    gy.push(g[1]);
    const slope = ux * g[0] + uy * g[1];
    if (slope > 0) rising++;
    else if (slope < 0) falling++;
  }
  const mx = gx.reduce((a, b) => a + b) / DIRECTIONS;
  const my = gy.reduce((a, b) => a + b) / DIRECTIONS;
  const spread = Math.max(...gx.map((v, k) => Math.hypot(v - mx, gy[k] - my)));
  if (!hullContainsOrigin(gx.map((v, k) => Math.atan2(gy[k], v)))) return { spread, kind: null };
  const kind = rising === DIRECTIONS ? 'minimum' : falling === DIRECTIONS ? 'maximum' : 'saddle';
  return { spread, kind };
}

/** 0 is in the convex hull of vectors with these directions iff no gap between them exceeds pi. */
function hullContainsOrigin(angles: number[]): boolean {
  angles.sort((a, b) => a - b);
  let widestGap = angles[0] + 2 * Math.PI - angles[angles.length - 1];
  for (let k = 1; k < angles.length; k++) widestGap = Math.max(widestGap, angles[k] - angles[k - 1]);
  return widestGap <= Math.PI;
}
