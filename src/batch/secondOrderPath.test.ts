// The fused WebGL program differentiates to first order only, so a job with the second-order
// stopping rule runs on JS, for a reason that says so; the JS batched engine runs the rule
// (runRules.semantics.test.ts).
import { describe, expect, it } from 'vitest';
import { glslSupports } from './glsl/stepShader';
import { probeJob, webglRefusal } from './pathChoice';
import { buildBasinJob } from './batchJob';
import type { Experiment } from '../experiment/types';

describe('the second-order rule and the fused WebGL path', () => {
  const exp = (secondOrder?: { rho: number }): Experiment => ({
    v: 1,
    problem: { kind: 'surface', id: 'doubleWell' },
    runs: [{ optimizer: 'adam' }],
    stop: { maxSteps: 100, gradTol: 1e-3, ...(secondOrder ? { secondOrder } : {}) },
    seed: 0,
  });
  const job = (e: Experiment) => {
    const built = buildBasinJob(e, { resolution: 4, run: 0 }, { x: [-2, 2], y: [-2, 2] });
    if (!built.ok) throw new Error(built.message);
    return built.job;
  };

  it('the job carries the rule, and WebGL refuses it', () => {
    expect(job(exp({ rho: 2 })).secondOrder).toEqual({ rho: 2 });
    expect(glslSupports(job(exp()))).toBe(true);
    expect(glslSupports(job(exp({ rho: 2 })))).toBe(false);
  });

  it('the reason names the rule, or the optimizer when it is the optimizer', () => {
    expect(webglRefusal(job(exp({ rho: 2 })))).toMatch(/^the second-order stopping rule needs the Hessian's lambda_min/);
    expect(webglRefusal({ ...probeJob(), optimizer: 'newton' })).toMatch(/^newton needs the Hessian/);
  });
});
