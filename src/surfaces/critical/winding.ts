// The winding number of grad f around a rectangle: how many times the gradient turns around
// while one walks once round the rectangle's edge. Index theory makes it a census that needs no
// derivative beyond the gradient and no smoothness: a minimum or a maximum inside counts +1, a
// saddle -1, the monkey saddle -2, a cone tip +1 (its gradient points away from, or towards, the
// tip all round). A nonzero winding number therefore says that something critical is inside,
// provided the edge was sampled finely enough to follow the gradient's turning; a field that
// turns faster than the samples (Rosenbrock's narrow valley on a coarse grid) can alias either
// way, so a caller treats the number as a lead to check, never as a verdict.
import type { Surface } from '../types';

/** Between two samples along an edge the gradient may turn at most this much (else subdivide). */
const MAX_TURN = Math.PI / 2;
/**
 * Halvings of an edge before a fast turn is taken as it is (see JUMP_LIMIT). Deep,
 * because near a degenerate point the gradient can turn half round within a tiny part of the
 * edge (Peano's surface (y - x^2)(y - 2x^2): on an edge at distance d from the origin, within
 * about d^3); only the segment where it turns is refined, so depth costs two gradients a level.
 */
const MAX_DEPTH = 60;

/**
 * On a sliver of edge (depth exhausted) the gradient still turns fast, and the turn counts the
 * short way when it is less than half a turn by more than rounding. That is right both across a
 * crease (L1's axes: the gradient jumps, the short way round) and past a zero just off the edge
 * (a field ~ H (p - z) turns by 2 atan(L / 2d) < pi, the short way); only a zero exactly on the
 * edge (a reversal, pi either way) is unknowable.
 */
const JUMP_LIMIT = Math.PI * (1 - 1e-9);

export class GradientField {
  private readonly g = new Float64Array(2);

  constructor(private readonly surface: Surface) {}

  /** Direction of grad f at (x, y), or null where it is 0 or not finite. */
  angle(x: number, y: number): number | null {
    this.surface.grad(x, y, this.g);
    const [gx, gy] = this.g;
    if (!Number.isFinite(gx) || !Number.isFinite(gy) || (gx === 0 && gy === 0)) return null;
    return Math.atan2(gy, gx);
  }

  /**
   * Winding number of grad f around [x0, x1] x [y0, y1], or null when it cannot be told (the
   * gradient vanishes on the edge or turns too fast there). Pass the corner angles when known,
   * counter-clockwise from (x0, y0).
   */
  winding(x0: number, y0: number, x1: number, y1: number, corners?: readonly (number | null)[]): number | null {
    const xs = [x0, x1, x1, x0];
    const ys = [y0, y0, y1, y1];
    const angles = corners ?? xs.map((x, k) => this.angle(x, ys[k]));
    let total = 0;
    for (let k = 0; k < 4; k++) {
      const next = (k + 1) % 4;
      const a = angles[k];
      const b = angles[next];
      if (a === null || b === null) return null;
      const turn = this.turn(xs[k], ys[k], a, xs[next], ys[next], b, 0);
      if (turn === null) return null;
      total += turn;
    }
    return Math.round(total / (2 * Math.PI));
  }

  /** Total turn of the gradient along the segment from a to b. */
  private turn(ax: number, ay: number, a: number, bx: number, by: number, b: number, depth: number): number | null {
    const step = wrap(b - a);
    if (Math.abs(step) <= MAX_TURN) return step;
    if (depth >= MAX_DEPTH) return Math.abs(step) < JUMP_LIMIT ? step : null;
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    const m = this.angle(mx, my);
    if (m === null) return null;
    const first = this.turn(ax, ay, a, mx, my, m, depth + 1);
    const second = first === null ? null : this.turn(mx, my, m, bx, by, b, depth + 1);
    return first === null || second === null ? null : first + second;
  }
}

/** The angle brought into (-pi, pi]. */
function wrap(angle: number): number {
  const turns = Math.round(angle / (2 * Math.PI));
  const r = angle - turns * 2 * Math.PI;
  return r <= -Math.PI ? r + 2 * Math.PI : r;
}
