// Separable functions f(x) = finish(start + sum_i g_i(x_i)): one builder for value, gradient,
// Hessian-vector product and Hessian, and the exact critical-point structure that separability
// gives: grad f = 0 iff every g_i'(x_i) = 0, and the Hessian is diagonal, so the index of a
// critical point is the number of coordinates at a point where g_i'' < 0.
import type { PointKind } from '../experiment/types';
import type { AxisCriticalPoint, FunctionParams, Instance, KnownCriticalPoint, SliceView, DFunctionId } from './types';

/** One coordinate's term g(t). */
export interface AxisTerm {
  /**
   * sum + g(t), written out so that the running sum associates the same way as the 2D
   * catalogue's formula (`20 + x*x - A cos(..) + y*y - ...`): the 2D case is then bit-identical.
   */
  add(sum: number, t: number): number;
  /** d f / d x_i at x_i = t (finish's factor included). */
  slope(t: number): number;
  /** d^2 f / d x_i^2 at x_i = t (finish's factor included). */
  curvature(t: number): number;
  /** Every critical point of g, ascending (the caller memoizes). */
  critical(): AxisCriticalPoint[];
}

export interface SeparableSpec {
  id: DFunctionId;
  params: FunctionParams;
  formula: string;
  /** One term per coordinate (the same object may repeat). */
  axes: AxisTerm[];
  start: number;
  /** A linear map of the sum (styblinskiTang halves it); identity when absent. */
  finish?: (sum: number) => number;
  defaultStart: Float64Array;
  suggestedLr: number;
  /**
   * The named critical points, as one choice of axis point per coordinate (indices into axis(i)).
   * The one marked global gives globalMin: f at the computed point, so the two always agree.
   */
  named: { label: string; global?: true; choice: (axis: readonly AxisCriticalPoint[], i: number) => number }[];
  view: Omit<SliceView, 'center'> & { center?: Float64Array };
}

export function separableInstance(spec: SeparableSpec): Instance {
  const { axes, start } = spec;
  const dim = axes.length;
  const finish = spec.finish ?? ((s: number) => s);
  const f = (x: Float64Array): number => {
    let s = start;
    for (let i = 0; i < dim; i++) s = axes[i].add(s, x[i]);
    return finish(s);
  };
  const memo = new Map<AxisTerm, AxisCriticalPoint[]>();
  const axis = (i: number): readonly AxisCriticalPoint[] => {
    const term = axes[i];
    let pts = memo.get(term);
    if (!pts) memo.set(term, (pts = term.critical()));
    return pts;
  };
  const instance: Instance = {
    id: spec.id,
    dim,
    params: spec.params,
    formula: spec.formula,
    f,
    grad(x, out) {
      let s = start;
      for (let i = 0; i < dim; i++) {
        s = axes[i].add(s, x[i]);
        out[i] = axes[i].slope(x[i]);
      }
      return finish(s);
    },
    hvp(x, v, out) {
      for (let i = 0; i < dim; i++) out[i] = axes[i].curvature(x[i]) * v[i];
    },
    hessian(x, out) {
      out.fill(0);
      for (let i = 0; i < dim; i++) out[i * dim + i] = axes[i].curvature(x[i]);
    },
    defaultStart: () => spec.defaultStart.slice(),
    suggestedLr: spec.suggestedLr,
    view: { ...spec.view, center: spec.view.center ?? spec.defaultStart.slice() },
  };
  const named = spec.named.map(({ label, choice }) =>
    separablePoint(instance, axis, Array.from({ length: dim }, (_, i) => choice(axis(i), i)), label),
  );
  instance.criticalPoints = { named, complete: true, axis };
  const global = spec.named.findIndex((n) => n.global);
  if (global >= 0) instance.globalMin = named[global].value;
  return instance;
}

export function kindOfIndex(index: number, dim: number): PointKind {
  return index === 0 ? 'minimum' : index === dim ? 'maximum' : 'saddle';
}

/** The critical point that picks axis(i)[choice[i]] on every coordinate. */
export function separablePoint(
  instance: Pick<Instance, 'dim' | 'f'>,
  axis: (i: number) => readonly AxisCriticalPoint[],
  choice: readonly number[],
  label: string,
): KnownCriticalPoint {
  const x = new Float64Array(instance.dim);
  let index = 0;
  for (let i = 0; i < instance.dim; i++) {
    const p = axis(i)[choice[i]];
    x[i] = p.t;
    if (p.curvature < 0) index++;
  }
  return { label, x, kind: kindOfIndex(index, instance.dim), index, value: instance.f(x) };
}

/**
 * The zeros of `slope` on [breaks[0], breaks[last]], where slope is monotone between consecutive
 * breakpoints (so each piece holds at most one zero): bisection to the last bit. Exact, not a
 * scan that could miss a close pair.
 */
export function monotoneRoots(term: Pick<AxisTerm, 'slope' | 'curvature'>, breaks: readonly number[]): AxisCriticalPoint[] {
  const roots: number[] = [];
  const push = (t: number) => {
    if (roots.length === 0 || roots[roots.length - 1] !== t) roots.push(t);
  };
  for (let k = 0; k + 1 < breaks.length; k++) {
    let lo = breaks[k];
    let hi = breaks[k + 1];
    let slo = term.slope(lo);
    const shi = term.slope(hi);
    if (slo === 0) push(lo);
    if (shi === 0) {
      push(hi);
      continue;
    }
    if (slo === 0 || slo > 0 === shi > 0) continue;
    for (;;) {
      const mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) break;
      const s = term.slope(mid);
      if (s === 0) {
        lo = hi = mid;
        break;
      }
      if (s > 0 === slo > 0) {
        lo = mid;
        slo = s;
      } else hi = mid;
    }
    push(Math.abs(term.slope(lo)) <= Math.abs(term.slope(hi)) ? lo : hi);
  }
  return roots.map((t) => ({ t, curvature: term.curvature(t) }));
}
