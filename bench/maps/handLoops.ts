// Hand-written basin maps: one start at a time (pixel-outer), each run to its end with the
// surface and the update inlined in one loop, everything in locals. Same semantics as the
// batched engine (src/batch/jsBatch.ts, the rules of src/optim/runRules.ts): the stopping rule at
// x_t, the step, the divergence box, then f and g at x_(t+1); the bench asserts that every end
// point is the engine's, bit for bit. The per-step scalars (Adam's bias corrections) are computed
// once per step for all starts, into a table, before the loop. These are the ceiling the engine's
// generality is measured against.
import type { BatchJob } from '../../src/batch/batchJob';
import { pixelStart } from '../../src/batch/batchJob';
import { jobObjective } from '../../src/batch/batchObjective';
import { pow } from '../../src/numeric';
import { lerp } from '../../src/optim/optimizers/lerp';
import { gradNorm2, STOP, stopCodeAt } from '../../src/optim/runRules';
import { boxHalfWidth, homeBox } from '../../src/optim/runRulesDivergence';

export interface HandOutcome {
  endX: Float64Array;
  endY: Float64Array;
  steps: Int32Array;
  work: number;
}

/** The shared frame: starts, box, outcome arrays; `run` takes one start to its end. */
function eachStart(job: BatchJob, run: (x: number, y: number, r: number, k: number, out: HandOutcome) => number): HandOutcome {
  const { nx, ny } = job.grid;
  const out: HandOutcome = { endX: new Float64Array(nx * ny), endY: new Float64Array(nx * ny), steps: new Int32Array(nx * ny), work: 0 };
  const home = homeBox(jobObjective(job).surface.view);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [sx, sy] = pixelStart(job, i, j);
      out.work += run(sx, sy, boxHalfWidth(sx, sy, home.cx, home.cy, home.r), j * nx + i, out);
    }
  }
  return out;
}

/** Plain gradient descent (sgd without momentum or decay) from every start of a basin job. */
export function handGd(job: BatchJob): HandOutcome {
  const { f, grad, surface } = jobObjective(job);
  const home = homeBox(surface.view);
  const { cx, cy } = home;
  const lr = job.params.lr as number;
  const { gradTol, maxSteps } = job;
  const { nx: w, ny: h } = job.grid;
  const out: HandOutcome = { endX: new Float64Array(w * h), endY: new Float64Array(w * h), steps: new Int32Array(w * h), work: 0 };
  const g = new Float64Array(2);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      let [x, y] = pixelStart(job, i, j);
      const r = boxHalfWidth(x, y, cx, cy, home.r);
      let fx = f(x, y);
      grad(x, y, g);
      let gx = g[0];
      let gy = g[1];
      let t = 0;
      while (stopCodeAt(fx, gradNorm2(gx, gy), t, gradTol, maxSteps) === STOP.running) {
        const nx = x - lr * gx;
        const ny = y - lr * gy;
        const fn = f(nx, ny);
        if (!Number.isFinite(fn) || !(Number.isFinite(nx) && Number.isFinite(ny) && Math.abs(nx - cx) <= r && Math.abs(ny - cy) <= r)) break;
        grad(nx, ny, g);
        if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) break;
        x = nx;
        y = ny;
        fx = fn;
        gx = g[0];
        gy = g[1];
        t++;
      }
      const k = j * w + i;
      out.endX[k] = x;
      out.endY[k] = y;
      out.steps[k] = t;
      out.work += t;
    }
  }
  return out;
}

/** Adam (torch.optim.Adam, no weight decay, no amsgrad) from every start of a basin job. */
export function handAdam(job: BatchJob): HandOutcome {
  const { f, grad, surface } = jobObjective(job);
  const { cx, cy } = homeBox(surface.view);
  const lr = job.params.lr as number;
  const eps = job.params.eps as number;
  const [beta1, beta2] = job.params.betas as number[];
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  const { gradTol, maxSteps } = job;
  // once per step for every start: lr / (1 - beta1^s) and sqrt(1 - beta2^s), s = t + 1
  const stepSize = new Float64Array(maxSteps);
  const bc2Sqrt = new Float64Array(maxSteps);
  for (let t = 0; t < maxSteps; t++) {
    stepSize[t] = lr / (1 - pow(beta1, t + 1));
    bc2Sqrt[t] = Math.sqrt(1 - pow(beta2, t + 1));
  }
  const g = new Float64Array(2);
  return eachStart(job, (x, y, r, k, out) => {
    let fx = f(x, y);
    grad(x, y, g);
    let gx = g[0];
    let gy = g[1];
    let m0 = 0;
    let m1 = 0;
    let v0 = 0;
    let v1 = 0;
    let t = 0;
    while (stopCodeAt(fx, gradNorm2(gx, gy), t, gradTol, maxSteps) === STOP.running) {
      m0 = lerp(m0, gx, w1);
      m1 = lerp(m1, gy, w1);
      v0 = v0 * beta2 + w2 * gx * gx;
      v1 = v1 * beta2 + w2 * gy * gy;
      const nx = x + (-stepSize[t] * m0) / (Math.sqrt(v0) / bc2Sqrt[t] + eps);
      const ny = y + (-stepSize[t] * m1) / (Math.sqrt(v1) / bc2Sqrt[t] + eps);
      const fn = f(nx, ny);
      if (!Number.isFinite(fn) || !(Number.isFinite(nx) && Number.isFinite(ny) && Math.abs(nx - cx) <= r && Math.abs(ny - cy) <= r)) break;
      grad(nx, ny, g);
      if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) break;
      x = nx;
      y = ny;
      fx = fn;
      gx = g[0];
      gy = g[1];
      t++;
    }
    out.endX[k] = x;
    out.endY[k] = y;
    out.steps[k] = t;
    return t;
  });
}
