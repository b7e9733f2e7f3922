// Newton's method on grad f = 0 from one seed, safeguarded so that it works from anywhere:
// - the step solves H d = -g through the eigen-decomposition of H, with a tiny Levenberg-
//   Marquardt shift (lambda / (lambda^2 + mu)) so that a singular Hessian gives a finite step;
// - every step must shrink ||grad f|| (backtracking; the Newton direction always descends
//   ||g||^2, its slope being -2||g||^2): no step lands somewhere worse, and the iterates still
//   close in on a cusp, where ||g|| never gets small (Ackley's origin, see cusp.ts);
// - steps are capped (a trust region), and a run that wanders far from its seed is abandoned.
// Near a degenerate point the convergence is only linear (monkey saddle: the error halves each
// step), hence the generous iteration budget.
import { eigenSym2 } from '../classify';
import type { Surface } from '../types';

export interface NewtonSettings {
  maxIterations: number;
  /** Converged when a step is shorter than this. */
  stepTol: number;
  /** Longest step allowed. */
  maxStep: number;
  /** Levenberg-Marquardt shift mu (a curvature squared). */
  shift: number;
  /**
   * Abandon a run that wanders farther than this from its seed. On a dense seed grid every
   * critical point has seeds close by, so a long walk only finds what a nearer seed finds faster,
   * and long walks are where runs waste their iterations (Beale's plateaus, where ||g|| shrinks
   * slowly for a long way).
   */
  maxTravel: number;
}

/**
 * converged: a step shorter than stepTol (or grad f = 0 exactly); exhausted: out of iterations;
 * stalled: no step along the Newton direction shrinks ||g||; abandoned: wandered too far from its
 * seed or met a non-finite gradient. Only the caller's tests on the end point say whether it is
 * critical.
 */
export type NewtonStatus = 'converged' | 'exhausted' | 'stalled' | 'abandoned';

export interface NewtonOutcome {
  status: NewtonStatus;
  x: number;
  y: number;
  gradNorm: number;
}

/** Smallest backtracking factor tried before the run is declared stalled. */
const MIN_STEP_FRACTION = 2 ** -30;
/** Armijo constant of the sufficient-decrease test on ||g||. */
const ARMIJO = 1e-4;

/** Scratch arrays reused across calls: the search runs thousands of seeds. */
export class NewtonSolver {
  private readonly g = new Float64Array(2);
  private readonly h = new Float64Array(3);

  constructor(
    private readonly surface: Surface,
    private readonly settings: NewtonSettings,
  ) {}

  solve(x0: number, y0: number): NewtonOutcome {
    const { surface, g, h, settings } = this;
    let x = x0;
    let y = y0;
    surface.grad(x, y, g);
    let gn = Math.hypot(g[0], g[1]);
    if (!Number.isFinite(gn)) return { status: 'abandoned', x, y, gradNorm: gn };
    for (let k = 0; k < settings.maxIterations && gn > 0; k++) {
      surface.hessian(x, y, h);
      const { values, vectors } = eigenSym2(h[0], h[1], h[2]);
      let dx = 0;
      let dy = 0;
      for (let i = 0; i < 2; i++) {
        const [vx, vy] = vectors[i];
        const lambda = values[i];
        const coefficient = (-lambda * (vx * g[0] + vy * g[1])) / (lambda * lambda + settings.shift);
        dx += coefficient * vx;
        dy += coefficient * vy;
      }
      const length = Math.hypot(dx, dy);
      if (!Number.isFinite(length)) return { status: 'stalled', x, y, gradNorm: gn };
      if (length > settings.maxStep) {
        dx *= settings.maxStep / length;
        dy *= settings.maxStep / length;
      }
      // Backtrack until ||g|| decreases enough; g then holds the gradient at the new point.
      let t = 1;
      let accepted = false;
      while (t >= MIN_STEP_FRACTION) {
        const nx = x + t * dx;
        const ny = y + t * dy;
        surface.grad(nx, ny, g);
        const ngn = Math.hypot(g[0], g[1]);
        if (ngn <= (1 - ARMIJO * t) * gn) {
          x = nx;
          y = ny;
          gn = ngn;
          accepted = true;
          break;
        }
        t /= 2;
      }
      if (!accepted) return { status: 'stalled', x, y, gradNorm: gn };
      if (Math.hypot(x - x0, y - y0) > settings.maxTravel) return { status: 'abandoned', x, y, gradNorm: gn };
      if (t * Math.min(length, settings.maxStep) <= settings.stepTol) {
        return { status: 'converged', x, y, gradNorm: gn };
      }
    }
    return { status: gn === 0 ? 'converged' : 'exhausted', x, y, gradNorm: gn };
  }
}
