// Hand-written basin maps: one start at a time (pixel-outer), each run to its end with the
// surface and the update inlined in one loop, everything in locals. Same semantics as the
// batched engine (src/batch/jsBatch.ts, the rules of src/optim/runRules.ts): the stopping rule at
// x_t, the step, the divergence box, then f and g at x_(t+1); the bench asserts that every end
// point is the engine's, bit for bit. The per-step scalars (Adam's bias corrections) are computed
// once per step for all starts, into a table, before the loop. These are the ceiling the engine's
// generality is measured against.
//
// The job reaches the loop as data (a plain object of its numbers and functions, read by a
// module-level function per start), as it reaches the engine. Written instead as one loop nest
// over locals, V8 compiles the running loop on the stack (on-stack replacement) specialized to
// the values its closure holds: lr, gradTol = 0 and maxSteps become constants of the machine code
// and the GD map runs up to twice as fast, or not, from one process to the next. No code that
// takes the job as data can have that, so the reference is the data form; the loop nest's
// figure (handGdNested) is reported beside it for information.
import type { BatchJob } from '../../src/batch/batchJob';
import { pixelStart } from '../../src/batch/batchJob';
import { jobObjective } from '../../src/batch/batchObjective';
import { pow } from '../../src/numeric';
import { lerp } from '../../src/optim/optimizers/lerp';
import { gradNorm2, STOP, stopCodeAt } from '../../src/optim/runRules';
import { boxHalfWidth, homeBox } from '../../src/optim/runRulesDivergence';
import type { Objective2 } from '../../src/surfaces/objective';

export interface HandOutcome {
  endX: Float64Array;
  endY: Float64Array;
  steps: Int32Array;
  work: number;
}

/** What every start of a job shares, as data. */
interface Frame {
  f: Objective2['f'];
  grad: Objective2['grad'];
  cx: number;
  cy: number;
  gradTol: number;
  maxSteps: number;
  /** The gradient's buffer (the surfaces write into one). */
  g: Float64Array;
  out: HandOutcome;
}

function frameOf(job: BatchJob): Frame {
  const { f, grad, surface } = jobObjective(job);
  const { cx, cy } = homeBox(surface.view);
  const n = job.grid.nx * job.grid.ny;
  const out: HandOutcome = { endX: new Float64Array(n), endY: new Float64Array(n), steps: new Int32Array(n), work: 0 };
  return { f, grad, cx, cy, gradTol: job.gradTol, maxSteps: job.maxSteps, g: new Float64Array(2), out };
}

/** Every start of the job in turn; `run` takes one to its end and returns its steps. */
function eachStart<F extends Frame>(job: BatchJob, frame: F, run: (c: F, x: number, y: number, r: number, k: number) => number): HandOutcome {
  const { nx, ny } = job.grid;
  const home = homeBox(jobObjective(job).surface.view);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [sx, sy] = pixelStart(job, i, j);
      frame.out.work += run(frame, sx, sy, boxHalfWidth(sx, sy, home.cx, home.cy, home.r), j * nx + i);
    }
  }
  return frame.out;
}

function end(c: Frame, k: number, x: number, y: number, t: number): number {
  c.out.endX[k] = x;
  c.out.endY[k] = y;
  c.out.steps[k] = t;
  return t;
}

interface GdFrame extends Frame {
  lr: number;
}

function gdStart(c: GdFrame, x: number, y: number, r: number, k: number): number {
  const { f, grad, g, lr, cx, cy, gradTol, maxSteps } = c;
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
  return end(c, k, x, y, t);
}

/** Plain gradient descent (sgd without momentum or decay) from every start of a basin job. */
export function handGd(job: BatchJob): HandOutcome {
  return eachStart(job, { ...frameOf(job), lr: job.params.lr as number }, gdStart);
}

/** handGd as one loop nest over locals (see the header: V8 may specialize it to this job's numbers). */
export function handGdNested(job: BatchJob): HandOutcome {
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

interface AdamFrame extends Frame {
  eps: number;
  beta2: number;
  w1: number;
  w2: number;
  /** lr / (1 - beta1^s) and sqrt(1 - beta2^s) of step t (s = t + 1). */
  stepSize: Float64Array;
  bc2Sqrt: Float64Array;
}

function adamStart(c: AdamFrame, x: number, y: number, r: number, k: number): number {
  const { f, grad, g, eps, beta2, w1, w2, stepSize, bc2Sqrt, cx, cy, gradTol, maxSteps } = c;
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
  return end(c, k, x, y, t);
}

/** Adam (torch.optim.Adam, no weight decay, no amsgrad) from every start of a basin job. */
export function handAdam(job: BatchJob): HandOutcome {
  const lr = job.params.lr as number;
  const [beta1, beta2] = job.params.betas as number[];
  const { maxSteps } = job;
  // once per step for every start: lr / (1 - beta1^s) and sqrt(1 - beta2^s), s = t + 1
  const stepSize = new Float64Array(maxSteps);
  const bc2Sqrt = new Float64Array(maxSteps);
  for (let t = 0; t < maxSteps; t++) {
    stepSize[t] = lr / (1 - pow(beta1, t + 1));
    bc2Sqrt[t] = Math.sqrt(1 - pow(beta2, t + 1));
  }
  const frame: AdamFrame = { ...frameOf(job), eps: job.params.eps as number, beta2, w1: 1 - beta1, w2: 1 - beta2, stepSize, bc2Sqrt };
  return eachStart(job, frame, adamStart);
}
