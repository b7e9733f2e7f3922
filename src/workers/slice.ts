// A d-dimensional function seen on a plane: coordinates axes[0] and axes[1] vary, the others
// stay at the centre point's values. The contour worker draws an Objective2, so the slice is one
// (f, the gradient's and Hessian's components in the plane, from the instance's closed forms).
import type { Instance } from '../functions/types';
import type { Objective2 } from '../surfaces/objective';
import type { Surface } from '../surfaces/types';

export interface Slice {
  axes: [number, number];
  /** The plane goes through this point (d numbers). */
  center: number[];
}

export function sliceObjective(instance: Instance, slice: Slice): Objective2 {
  const [i, j] = slice.axes;
  const x = Float64Array.from(slice.center);
  const g = new Float64Array(instance.dim);
  const v = new Float64Array(instance.dim);
  const hv = new Float64Array(instance.dim);
  const at = (a: number, b: number) => {
    x[i] = a;
    x[j] = b;
    return x;
  };
  const surface: Surface = {
    id: instance.id,
    name: `${instance.id} (d = ${instance.dim}), plane of x${i + 1} and x${j + 1}`,
    expression: instance.formula,
    teaches: '',
    view: { x: [...instance.view.x], y: [...instance.view.y] },
    start: [slice.center[i], slice.center[j]],
    globalMin: instance.globalMin,
    f: (a, b) => instance.f(at(a, b)),
    grad(a, b, out) {
      instance.grad(at(a, b), g);
      out[0] = g[i];
      out[1] = g[j];
    },
    hessian(a, b, out) {
      // Columns i and j of H by two Hessian-vector products: H_ii, H_ij, H_jj.
      at(a, b);
      v.fill(0);
      v[i] = 1;
      instance.hvp(x, v, hv);
      out[0] = hv[i];
      out[1] = hv[j];
      v[i] = 0;
      v[j] = 1;
      instance.hvp(x, v, hv);
      out[2] = hv[j];
    },
  };
  return { surface, f: surface.f, grad: surface.grad, hessian: surface.hessian };
}
