// A d-dimensional function seen on a plane (src/functions/plane.ts): two coordinates vary and the
// others stay at the centre point's values, or the plane of two directions u, v through the
// centre. The contour worker draws an Objective2, so the slice is one: f at the plane's point,
// the gradient's and the Hessian's components in the plane (from the instance's closed forms).
import type { Instance } from '../functions/types';
import { type Plane, planeCoords, planePoint } from '../functions/plane';
import type { Objective2 } from '../surfaces/objective';
import type { Surface } from '../surfaces/types';

export interface Slice {
  plane: Plane;
  /** The plane goes through this point (d numbers). */
  center: number[];
}

export function sliceObjective(instance: Instance, slice: Slice): Objective2 {
  const { plane, center } = slice;
  const x = Float64Array.from(center);
  const g = new Float64Array(instance.dim);
  const v = new Float64Array(instance.dim);
  const hv = new Float64Array(instance.dim);
  const at = (a: number, b: number) => planePoint(plane, center, a, b, x);
  // The plane's two directions in R^d: unit coordinate vectors, or u and v.
  const dirs: [Float64Array, Float64Array] = plane.kind === 'coordinates'
    ? [unit(instance.dim, plane.axes[0]), unit(instance.dim, plane.axes[1])]
    : [Float64Array.from(plane.u), Float64Array.from(plane.v)];
  const dotDir = (w: Float64Array, k: 0 | 1) => {
    if (plane.kind === 'coordinates') return w[plane.axes[k]];
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i] * dirs[k][i];
    return s;
  };
  const what = plane.kind === 'coordinates' ? `plane of x${plane.axes[0] + 1} and x${plane.axes[1] + 1}` : 'plane of the path\'s principal components';
  const surface: Surface = {
    id: instance.id,
    name: `${instance.id} (d = ${instance.dim}), ${what}`,
    expression: instance.formula,
    teaches: '',
    view: { x: [...instance.view.x], y: [...instance.view.y] },
    start: planeCoords(plane, center),
    globalMin: instance.globalMin,
    f: (a, b) => instance.f(at(a, b)),
    grad(a, b, out) {
      instance.grad(at(a, b), g);
      out[0] = dotDir(g, 0);
      out[1] = dotDir(g, 1);
    },
    hessian(a, b, out) {
      // d1^T H d1, d1^T H d2, d2^T H d2 by two Hessian-vector products.
      at(a, b);
      v.set(dirs[0]);
      instance.hvp(x, v, hv);
      out[0] = dotDir(hv, 0);
      out[1] = dotDir(hv, 1);
      v.set(dirs[1]);
      instance.hvp(x, v, hv);
      out[2] = dotDir(hv, 1);
    },
  };
  return { surface, f: surface.f, grad: surface.grad, hessian: surface.hessian };
}

function unit(d: number, i: number): Float64Array {
  const e = new Float64Array(d);
  e[i] = 1;
  return e;
}
