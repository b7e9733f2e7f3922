// Shared by the quasi-Newton tests: fixtures/torch/lbfgs.json (scripts/gen_lbfgs_fixtures.py)
// and catalogue surfaces as evaluators of the line-search methods.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SurfaceId } from '../../experiment/types';
import { CATALOGUE } from '../../surfaces/catalogue';
import type { Surface } from '../../surfaces/types';
import type { Evaluate } from '../lineSearch';
import type { LbfgsOptions } from './lbfgs';
import type { LineSearchMethod, StepResult } from './types';

export interface LbfgsCase {
  surface: SurfaceId;
  optimizer: 'lbfgs';
  params: Pick<LbfgsOptions, 'lr' | 'lineSearch'> & Partial<LbfgsOptions>;
  start: [number, number];
  steps: number;
  /** The first k with ||grad f(x_k)|| < 1e-6, or null. */
  converged: number | null;
  /** torch's func_evals of each step. */
  evals: number[];
  /** x_0 .. x_steps, interleaved. */
  points: number[];
}

export interface LineSearchCase {
  surface: SurfaceId;
  x: [number, number];
  t0: number;
  /** Whether torch got t0 as a 0-dim tensor rather than a float. */
  t0Tensor: boolean;
  maxLs: number;
  t: number;
  f: number;
  g: [number, number];
  evals: number;
}

const FILE = fileURLToPath(new URL('../../../fixtures/torch/lbfgs.json', import.meta.url));
export const LBFGS_FIXTURE = JSON.parse(readFileSync(FILE, 'utf8')) as { cases: LbfgsCase[]; lineSearch: LineSearchCase[] };

/** The surface's f and gradient at a point, the gradient in one reused buffer; counts its calls. */
export function surfaceEvaluator(surface: Surface): Evaluate & { calls: number } {
  const g = new Float64Array(2);
  const evaluate = Object.assign(
    (x: Float64Array) => {
      evaluate.calls += 1;
      surface.grad(x[0], x[1], g);
      return { f: surface.f(x[0], x[1]), g };
    },
    { calls: 0 },
  );
  return evaluate;
}

export const surfaceOf = (id: SurfaceId): Surface => CATALOGUE[id];

/** |a - b| <= tol max(1, |b|): relative, absolute near 0. */
export const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/**
 * Runs a method as the engine would: at each step f and g at x, then step(). Stops after
 * maxSteps steps, or after the step taken from a point with ||g|| <= stopAt. Returns ||g|| at
 * x_0, x_1, ... (one more than the steps taken when it ran out) and a copy of every step's result.
 */
export function minimize(method: LineSearchMethod, evaluate: Evaluate, x: Float64Array, maxSteps: number, stopAt = 0) {
  const g = new Float64Array(x.length);
  const gradNorms: number[] = [];
  const steps: StepResult[] = [];
  for (let k = 0; k <= maxSteps; k++) {
    const at = evaluate(x);
    g.set(at.g);
    gradNorms.push(Math.hypot(...g));
    if (k === maxSteps) break;
    steps.push({ ...method.step(x, g, at.f, evaluate) }); // a copy: the method reuses its result
    if (gradNorms[k] <= stopAt) break;
  }
  return { gradNorms, steps };
}
