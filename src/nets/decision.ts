// The network's decision function on a regular grid, for the decision-boundary heat map.
// Row-major with y from view.y[0] up, as the surfaces' sampleGrid: value[j * nx + i] is
// p(class 1) = sigmoid(logit) at (x_i, y_j), x_i = x0 + (x1 - x0) i / (nx - 1).
import type { ViewWindow } from '../experiment/types';
import type { PointSet } from './datasets';
import { forward, type Mlp, mlpWork, sigmoid } from './mlp';

export const MAX_DECISION_GRID = 256;
const BLOCK = 1024;

export function predictGrid(net: Mlp, weights: Float64Array, view: ViewWindow, nx: number, ny = nx): Float64Array {
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2 && nx <= MAX_DECISION_GRID && ny <= MAX_DECISION_GRID)) {
    throw new RangeError(`grid size must be an integer in 2..${MAX_DECISION_GRID} (got ${nx} x ${ny})`);
  }
  if (weights.length !== net.weightCount) throw new RangeError(`expected ${net.weightCount} weights, got ${weights.length}`);
  const count = nx * ny;
  const out = new Float64Array(count);
  // Blocks of BLOCK points keep the scratch buffers small (a 256 x 256 grid of a 4 x 64 network
  // would otherwise need ~200 MB of activations at once).
  const block = Math.min(BLOCK, count);
  const points: PointSet = { x: new Float64Array(2 * block), y: new Float64Array(block), count: block };
  const work = mlpWork(net, block);
  const logits = work.z[net.layers.length];
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  for (let start = 0; start < count; start += block) {
    const m = Math.min(block, count - start);
    for (let q = 0; q < m; q++) {
      const k = start + q;
      const i = k % nx;
      const j = (k - i) / nx;
      points.x[2 * q] = x0 + ((x1 - x0) * i) / (nx - 1);
      points.x[2 * q + 1] = y0 + ((y1 - y0) * j) / (ny - 1);
    }
    forward(net, weights, points, null, m, work);
    for (let q = 0; q < m; q++) out[start + q] = sigmoid(logits[q]);
  }
  return out;
}
