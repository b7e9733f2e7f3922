// Which critical point each pixel's run ended at: the basin map's classes. A run belongs to the
// nearest critical point within `radius` of its end, whatever its stop reason (a run that used
// up maxSteps next to a minimum has found it; float32 runs may never reach a tiny gradTol).
// Runs that diverged, ended far from every known point after maxSteps, or stopped on
// ||grad|| <= eps far from every known point (a plateau: eps-stationary is not critical) get
// classes of their own.
import type { ViewWindow } from '../experiment/types';
import type { BatchOutcome } from './outcome';
import { REASON } from './outcome';

export const CLASS = { diverged: -1, notConverged: -2, elsewhere: -3 } as const;

export interface PointXY {
  x: number;
  y: number;
}

export interface BasinClasses {
  /** Per pixel: the index of the critical point, or a CLASS code. */
  classOf: Int32Array;
  /** Pixels per critical point. */
  counts: number[];
  diverged: number;
  notConverged: number;
  elsewhere: number;
}

/** The default capture radius: 1% of the view's diagonal. */
export function captureRadius(view: ViewWindow): number {
  return 0.01 * Math.hypot(view.x[1] - view.x[0], view.y[1] - view.y[0]);
}

/** Buckets of side `radius`, so each lookup checks the 3 x 3 cells around the end point. */
class PointIndex {
  private readonly cells = new Map<string, number[]>();
  constructor(
    private readonly points: readonly PointXY[],
    private readonly radius: number,
  ) {
    points.forEach((p, i) => {
      const key = this.key(Math.floor(p.x / radius), Math.floor(p.y / radius));
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    });
  }

  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }

  /** The nearest point within the radius, or -1. */
  nearest(x: number, y: number): number {
    const cx = Math.floor(x / this.radius);
    const cy = Math.floor(y / this.radius);
    let best = -1;
    let bestD = this.radius;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          const d = Math.hypot(this.points[i].x - x, this.points[i].y - y);
          if (d <= bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }
}

export function classifyEnds(outcome: BatchOutcome, points: readonly PointXY[], radius: number): BasinClasses {
  if (!(radius > 0)) throw new RangeError('classifyEnds: radius must be positive');
  const n = outcome.endX.length;
  const classOf = new Int32Array(n);
  const counts = points.map(() => 0);
  const index = new PointIndex(points, radius);
  const result = { classOf, counts, diverged: 0, notConverged: 0, elsewhere: 0 };
  for (let p = 0; p < n; p++) {
    const reason = outcome.reason[p];
    let c: number;
    if (reason === REASON.diverged) c = CLASS.diverged;
    else {
      c = index.nearest(outcome.endX[p], outcome.endY[p]);
      if (c < 0) c = reason === REASON.gradTol ? CLASS.elsewhere : CLASS.notConverged;
    }
    classOf[p] = c;
    if (c >= 0) counts[c]++;
    else if (c === CLASS.diverged) result.diverged++;
    else if (c === CLASS.notConverged) result.notConverged++;
    else result.elsewhere++;
  }
  return result;
}
