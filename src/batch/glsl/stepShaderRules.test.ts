// The fused step program takes its stop and divergence rules from the run rules' GLSL form
// (src/optim/runRulesGlsl.ts, tested against the TS rules there), not from a copy of its own.
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../experiment/types';
import { RUN_RULES_GLSL } from '../../optim/runRulesGlsl';
import { buildBasinJob } from '../batchJob';
import { jobObjective } from '../batchObjective';
import { stepFragmentShader } from './stepShader';

function shader(gradTol: number, maxSteps: number): string {
  const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd', params: { lr: 0.1 } }], stop: { maxSteps, gradTol }, seed: 0 };
  const r = buildBasinJob(exp, { resolution: 4, run: 0 }, { x: [-2, 2], y: [-2, 2] });
  if (!r.ok) throw new Error(r.message);
  return stepFragmentShader(r.job, jobObjective(r.job).surface.view);
}

describe('stepFragmentShader and the run rules', () => {
  it('includes RUN_RULES_GLSL and calls its stop test with the job’s gradTol and maxSteps', () => {
    const text = shader(0.00025, 321);
    expect(text).toContain(RUN_RULES_GLSL);
    expect(text).toMatch(/status = spStopCode\(J\.x, spNorm\(J\.yz\), t, 0\.00025, 321\);/);
    expect(text).toContain('spBoxHalfWidth(P.z, P.w, SP_CENTRE.x, SP_CENTRE.y, 400.0)');
    expect(text).toContain('!spOutsideBox(x.x, x.y, SP_CENTRE.x, SP_CENTRE.y, boxR)');
  });

  it('tests gradTol and maxSteps nowhere else', () => {
    const main = shader(0.00025, 321).split(RUN_RULES_GLSL).join('');
    expect(main.match(/0\.00025/g)).toHaveLength(1);
    expect(main.match(/\b321\b/g)).toHaveLength(1);
    expect(main).not.toMatch(/<=\s*0\.00025|>=\s*321/);
  });
});
