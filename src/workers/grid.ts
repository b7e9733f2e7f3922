// Sampling a surface on a regular grid for the contour plot. Row-major, y from view.y[0] up:
// value[j * nx + i] = f(x_i, y_j). Non-finite values are kept (the plot skips them).
import type { Objective2 } from '../surfaces/objective';
import type { ViewWindow } from '../experiment/types';

export function sampleGrid(objective: Objective2, view: ViewWindow, nx: number, ny: number): Float64Array {
  const values = new Float64Array(nx * ny);
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  for (let j = 0; j < ny; j++) {
    const y = y0 + ((y1 - y0) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) {
      values[j * nx + i] = objective.f(x0 + ((x1 - x0) * i) / (nx - 1), y);
    }
  }
  return values;
}
