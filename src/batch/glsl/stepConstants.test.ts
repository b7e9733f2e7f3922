// The float64 step constants the shader reads must be the numbers the JS optimizers compute.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../optim/optimizers/params';
import { StepConstantTable, stepConstantSpecs } from './stepConstants';

describe('StepConstantTable', () => {
  it('gives Adam its bias corrections 1 - beta1^s and sqrt(1 - beta2^s)', () => {
    const table = new StepConstantTable('adam', resolveParams('adam', {}));
    const out = new Float32Array(4 * 3);
    table.fill(0, 3, out);
    expect(out[0]).toBe(Math.fround(1 - 0.9));
    expect(out[1]).toBe(Math.fround(Math.sqrt(1 - 0.999)));
    expect(out[8]).toBe(Math.fround(1 - 0.9 ** 3));
  });

  it("switches RAdam's rectification on at the step where rho_t first exceeds 5 (step 6 for beta2 = 0.999)", () => {
    const table = new StepConstantTable('radam', resolveParams('radam', {}));
    const out = new Float32Array(4 * 8);
    table.fill(0, 8, out);
    const rect = Array.from({ length: 8 }, (_, t) => out[4 * t + 2]);
    expect(rect.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(rect[5]).toBeGreaterThan(0);
  });

  it("keeps NAdam's running product of mu across calls, and replays it when asked for an earlier step", () => {
    const p = resolveParams('nadam', {});
    const whole = new Float32Array(4 * 10);
    new StepConstantTable('nadam', p).fill(0, 10, whole);
    const table = new StepConstantTable('nadam', p);
    const a = new Float32Array(4 * 4);
    const b = new Float32Array(4 * 6);
    table.fill(0, 4, a);
    table.fill(4, 6, b);
    expect([...a, ...b]).toEqual([...whole]);
    const again = new Float32Array(4 * 2);
    table.fill(2, 2, again);
    expect([...again]).toEqual([...whole.subarray(8, 16)]);
  });

  it('names at most four constants per optimizer (one vec4 per step)', () => {
    for (const id of ['adam', 'adamw', 'adamax', 'nadam', 'radam', 'sgd'] as const) expect(stepConstantSpecs(id).length).toBeLessThanOrEqual(4);
  });
});
