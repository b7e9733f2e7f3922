// Critical points on a crease: a line across which grad f jumps, such as the axes under L1
// regularization (f + l1 (|x| + |y|)), where the minima of a sparse solution sit. Newton cannot
// converge there: across the crease its iterates shuttle ever closer to the line while ||g||
// stays about the jump, and along it they never settle, because every step is judged by ||g||,
// which the jump dominates. So a run that stalls on a crease (or a winding box of the index
// audit that holds one) hands over to a search along it:
//   - find the crease: where, along an axis, grad f jumps by more than its smooth change
//     (H times the span); the jump points along the crease's normal n (f = smooth + h(n . x)
//     with a kink in h changes only the normal component of the gradient);
//   - along the tangent t, a critical point is where t . grad f vanishes (the mean of the two
//     sides, which share their tangential component): a 1D root, found by Newton with t . H t
//     and finished by bisection once a sign change brackets it (a second crease crossing the
//     first, as at the origin under L1, is such a sign change);
//   - a curved crease leaves the tangent line, so the point is put back onto the crease and the
//     search repeats from there.
// The point found still has to pass the cusp test (0 among the gradients around it).
import type { Surface } from '../types';

export interface CreaseSettings {
  /** Offset to either side of the crease where the gradient is read. */
  offset: number;
  /** Longest step along the crease, and farthest walk from the start. */
  maxStep: number;
  maxTravel: number;
  /** Bisections stop when the bracket is this short. */
  tol: number;
}

const MAX_STEPS = 60;
const MAX_HALVINGS = 80;
const MAX_ROUNDS = 4;
/** A discontinuity jumps by about as much on a 100 times narrower span; a smooth slope does not. */
const JUMP_PERSISTENCE = 0.5;
/** ...and by more than rounding: this fraction of the gradient there at least. */
const MIN_JUMP = 1e-6;
const AXES: Vec[] = [[1, 0], [0, 1]];

type Vec = [number, number];

/**
 * A critical point on a crease passing within `reach` of (x, y), or null when there is no crease
 * there or no critical point along it within reach of the walk.
 */
export function searchAlongCrease(
  surface: Surface,
  x: number,
  y: number,
  reach: number,
  s: CreaseSettings,
): Vec | null {
  const probe = new CreaseProbe(surface, s);
  const found = probe.find([x, y], reach);
  if (!found) return null;
  let { point, normal } = found;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const along = probe.rootAlong(point, normal);
    if (!along) return null;
    const back = probe.find(along, s.maxStep, normal);
    if (!back) return null;
    if (Math.hypot(back.point[0] - along[0], back.point[1] - along[1]) <= s.tol) return back.point;
    ({ point, normal } = back);
  }
  return null;
}

class CreaseProbe {
  private readonly g = new Float64Array(2);
  private readonly h = new Float64Array(3);

  constructor(
    private readonly surface: Surface,
    private readonly s: CreaseSettings,
  ) {}

  /**
   * The crease point nearest p along the given directions (the axes by default), searched in
   * brackets widening up to `reach`, with its unit normal; null when grad f does not jump there.
   */
  find(p: Vec, reach: number, ...directions: Vec[]): { point: Vec; normal: Vec } | null {
    const { offset } = this.s;
    for (let half = offset; ; half = Math.min(4 * half, reach)) {
      let best: { point: Vec; normal: Vec; size: number } | null = null;
      const floor = MIN_JUMP * this.gradientNear(p);
      for (const e of directions.length ? directions : AXES) {
        // Nothing jumps in the bracket (the common case: a smooth stall): skip the bisection.
        if (Math.hypot(...this.jump(p, e, -half, half)) <= floor) continue;
        const c = this.locateJump(p, e, -half, half);
        const q: Vec = [p[0] + c * e[0], p[1] + c * e[1]];
        const wide = this.jump(q, e, -offset, offset);
        const size = Math.hypot(...wide);
        const narrow = Math.hypot(...this.jump(q, e, -offset / 100, offset / 100));
        const significant = size > MIN_JUMP * this.gradientNear(q);
        if (significant && narrow >= JUMP_PERSISTENCE * size && size > (best?.size ?? 0)) {
          best = { point: q, normal: [wide[0] / size, wide[1] / size], size };
        }
      }
      if (best) return best;
      if (half >= reach) return null;
    }
  }

  /** From p along the crease's tangent to where t . grad f (mean of both sides) changes sign. */
  rootAlong(p: Vec, [nx, ny]: Vec): Vec | null {
    const { s } = this;
    const [tx, ty] = [-ny, nx];
    const at = (u: number): Vec => [p[0] + u * tx, p[1] + u * ty];
    const slope = (u: number): number => {
      const [qx, qy] = at(u);
      let sum = 0;
      for (const side of [-1, 1]) {
        this.surface.grad(qx + side * s.offset * nx, qy + side * s.offset * ny, this.g);
        sum += tx * this.g[0] + ty * this.g[1];
      }
      return sum / 2;
    };
    let u = 0;
    let phi = slope(0);
    for (let k = 0; k < MAX_STEPS; k++) {
      if (phi === 0) return at(u);
      this.surface.hessian(...at(u), this.h);
      const c = tx * tx * this.h[0] + 2 * tx * ty * this.h[1] + ty * ty * this.h[2];
      // Newton along the crease; where the curvature says nothing, walk against the slope.
      let step = Number.isFinite(c) && c !== 0 ? -phi / c : -Math.sign(phi) * s.maxStep;
      step = Math.max(-s.maxStep, Math.min(s.maxStep, step));
      const next = u + step;
      if (!Number.isFinite(next) || Math.abs(next) > s.maxTravel) return null;
      const phiNext = slope(next);
      if (Math.sign(phiNext) !== Math.sign(phi)) return at(bisectRoot(slope, u, phi, next, s.tol));
      if (Math.abs(step) <= s.tol) return at(next);
      u = next;
      phi = phiNext;
    }
    return null;
  }

  private gradientNear(q: Vec): number {
    this.surface.grad(q[0], q[1], this.g);
    return Math.hypot(this.g[0], this.g[1]);
  }

  /** Where along p + c e (a <= c <= b) the gradient jumps most: keep halving toward it. */
  private locateJump(p: Vec, e: Vec, a: number, b: number): number {
    for (let k = 0; k < MAX_HALVINGS && b - a > this.s.tol; k++) {
      const m = (a + b) / 2;
      if (Math.hypot(...this.jump(p, e, a, m)) >= Math.hypot(...this.jump(p, e, m, b))) b = m;
      else a = m;
    }
    return (a + b) / 2;
  }

  /** grad f(p + b e) - grad f(p + a e), less the smooth change (midpoint Hessian times the span). */
  private jump(p: Vec, e: Vec, a: number, b: number): Vec {
    const { surface, g, h } = this;
    surface.grad(p[0] + b * e[0], p[1] + b * e[1], g);
    const [bx, by] = [g[0], g[1]];
    surface.grad(p[0] + a * e[0], p[1] + a * e[1], g);
    const m = (a + b) / 2;
    surface.hessian(p[0] + m * e[0], p[1] + m * e[1], h);
    const d = b - a;
    return [bx - g[0] - d * (h[0] * e[0] + h[1] * e[1]), by - g[1] - d * (h[1] * e[0] + h[2] * e[1])];
  }
}

/** A root of fn between a and b, fn(a) = fa and fn(b) of the other sign. */
function bisectRoot(fn: (u: number) => number, a: number, fa: number, b: number, tol: number): number {
  for (let k = 0; k < MAX_HALVINGS && Math.abs(b - a) > tol; k++) {
    const m = (a + b) / 2;
    const fm = fn(m);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return (a + b) / 2;
}
