// Which engine runs the maps on this device: measured, not guessed. The client times the same
// small probe job on the fused WebGL engine and on the JS pool (both warmed up first) and
// keeps the faster. The benchmark (bench/results/batched.md) is the full-size version of this
// measurement; on a device without WebGL2 float render targets the answer is JS.
import type { BatchJob } from './batchJob';

export interface PathChoice {
  path: 'webgl' | 'js';
  /** One line for the UI: why this path. */
  reason: string;
  webglMs: number | null;
  jsMs: number | null;
}

/** Adam on Himmelblau, 64 x 64 starts x 100 steps, no early stops: a fixed amount of work. */
export function probeJob(): BatchJob {
  return {
    problem: { kind: 'surface', id: 'himmelblau' },
    optimizer: 'adam',
    params: { lr: 0.05, betas: [0.9, 0.999], eps: 1e-8, amsgrad: false, weightDecay: 0 },
    gradNoise: 0,
    clip: null,
    schedule: null,
    maxSteps: 100,
    gradTol: 0,
    seed: 0,
    grid: { kind: 'basins', view: { x: [-5, 5], y: [-5, 5] }, nx: 64, ny: 64 },
  };
}

export function pickFaster(webglMs: number, jsMs: number, workers: number): PathChoice {
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const js = `JS on ${workers} worker${workers > 1 ? 's' : ''}`;
  return webglMs <= jsMs
    ? { path: 'webgl', reason: `fused WebGL ${fmt(webglMs)} vs ${js} ${fmt(jsMs)} on the probe`, webglMs, jsMs }
    : { path: 'js', reason: `${js} ${fmt(jsMs)} vs fused WebGL ${fmt(webglMs)} on the probe`, webglMs, jsMs };
}

/**
 * Why a job the fused program cannot run (glslSupports false) runs on JS instead: the program
 * differentiates to first order only (glsl/dualIr.ts), so neither a Hessian optimizer's step nor
 * the second-order stopping rule's lambda_min is available there. Derived from the job, so the
 * choice needs no probe.
 */
export function webglRefusal(job: Pick<BatchJob, 'optimizer' | 'secondOrder'>): string {
  return job.secondOrder
    ? "the second-order stopping rule needs the Hessian's lambda_min, which the WebGL engine does not compute: running on JS"
    : `${job.optimizer} needs the Hessian, which the WebGL engine does not compute: running on JS`;
}
