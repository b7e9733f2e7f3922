// The contours of a function problem on a plane: every grid value is f at the point of R^d the
// plane maps it to (two coordinates, or the PCA plane through the current point); the gradient
// and Hessian in the plane are the projections of the closed forms.
import { describe, expect, it } from 'vitest';
import { make } from '../functions/functions.testutil';
import { type Plane, planeCoords, planePoint } from '../functions/plane';
import { pathPca } from '../numeric/pca';
import { collectResults, createEngine } from '../optim/engine';
import type { Experiment } from '../experiment/types';
import { sampleGrid } from './grid';
import { sliceObjective } from './slice';

const d = 10;
const inst = make('strictSaddle', d, { k: 2 });
const center = Array.from({ length: d }, (_, i) => 0.3 * Math.sin(i + 1));

/** The PCA plane of GD's path on strictSaddle d = 10 from a point off the saddle's stable manifold. */
function pcaPlane(): Extract<Plane, { kind: 'pca' }> {
  const exp: Experiment = { v: 1, problem: { kind: 'function', id: 'strictSaddle', dim: d, params: { k: 2 } }, runs: [{ optimizer: 'sgd', params: { lr: 0.05 }, start: center }], stop: { maxSteps: 400, gradTol: 1e-6 }, seed: 0 };
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const [run] = collectResults(exp, built.engine);
  const pca = pathPca(Float64Array.from(run.points.flat()), d, run.points.length)!;
  return { kind: 'pca', origin: Array.from(pca.mean), u: Array.from(pca.axes[0]), v: Array.from(pca.axes[1]) };
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0);

describe('sliceObjective', () => {
  const planes: [string, Plane][] = [
    ['coordinates x2, x7', { kind: 'coordinates', axes: [1, 6] }],
    ['the PCA plane of a path', pcaPlane()],
  ];

  it.each(planes)('%s: grid values are f at the mapped points; the centre lies on its own projection', (_name, plane) => {
    const objective = sliceObjective(inst, { plane, center });
    const [ca, cb] = planeCoords(plane, center);
    const view = { x: [ca - 1, ca + 1.5] as [number, number], y: [cb - 0.7, cb + 0.9] as [number, number] };
    const n = 9;
    const grid = sampleGrid(objective, view, n, n);
    const x = new Float64Array(d);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const a = view.x[0] + ((view.x[1] - view.x[0]) * i) / (n - 1);
        const b = view.y[0] + ((view.y[1] - view.y[0]) * j) / (n - 1);
        expect(grid[j * n + i]).toBe(inst.f(planePoint(plane, center, a, b, x)));
        // the mapped point has plane coordinates (a, b), and only its part in the plane moved
        const [pa, pb] = planeCoords(plane, x);
        expect(pa).toBeCloseTo(a, 12);
        expect(pb).toBeCloseTo(b, 12);
      }
    }
    expect(objective.f(ca, cb)).toBeCloseTo(inst.f(Float64Array.from(center)), 12);
  });

  it.each(planes)('%s: gradient and Hessian in the plane are the projections of grad f and H', (_name, plane) => {
    const objective = sliceObjective(inst, { plane, center });
    const dirs = plane.kind === 'coordinates' ? plane.axes.map((k) => Array.from({ length: d }, (_, i) => (i === k ? 1 : 0))) : [plane.u, plane.v];
    const [a, b] = [0.4, -0.2];
    const x = planePoint(plane, center, a, b, new Float64Array(d));
    const g = new Float64Array(d);
    inst.grad(x, g);
    const g2 = new Float64Array(2);
    objective.grad(a, b, g2);
    expect(g2[0]).toBeCloseTo(dot(g, dirs[0]), 12);
    expect(g2[1]).toBeCloseTo(dot(g, dirs[1]), 12);
    const h = new Float64Array(3);
    objective.hessian(a, b, h);
    const hv = new Float64Array(d);
    inst.hvp(x, Float64Array.from(dirs[0]), hv);
    expect(h[0]).toBeCloseTo(dot(hv, dirs[0]), 12);
    expect(h[1]).toBeCloseTo(dot(hv, dirs[1]), 12);
    inst.hvp(x, Float64Array.from(dirs[1]), hv);
    expect(h[2]).toBeCloseTo(dot(hv, dirs[1]), 12);
  });

  it('the coordinate plane sets the two coordinates exactly (the values the coordinate plane always drew)', () => {
    const objective = sliceObjective(inst, { plane: { kind: 'coordinates', axes: [0, 2] }, center });
    const x = Float64Array.from(center);
    x[0] = 0.123;
    x[2] = -1.5;
    expect(objective.f(0.123, -1.5)).toBe(inst.f(x));
  });
});
