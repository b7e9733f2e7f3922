// The step constants the shader reads are the per-step scalars the JS update reads (each
// optimizer's stepScalars), rounded once to float32: for every optimizer and boolean setting,
// bit for bit, however the table is filled.
import { describe, expect, test } from 'vitest';
import type { Experiment, OptimizerId, ParamValue } from '../../experiment/types';
import { OPTIMIZERS } from '../../optim/optimizers';
import { resolveParams } from '../../optim/optimizers/params';
import { flagSettings, recordRun } from '../../optim/optimizers/registry.testutil';
import { buildSweepJob } from '../batchJob';
import type { SweepAxis } from '../batchSettings';
import { constantSources, StepConstantTable, stepConstantSpecs } from './stepConstants';

const STEPS = 40;
const ids = Object.keys(OPTIMIZERS) as OptimizerId[];

/** Settings that move every constant: defaults, other betas, NAdam's momentum decay. */
function settings(id: OptimizerId): Record<string, ParamValue>[] {
  const def = OPTIMIZERS[id];
  const overrides: Record<string, ParamValue>[] = [{}];
  if ('betas' in def.spec.params) overrides.push({ betas: [0.5, 0.9] }, { betas: [0.99, 0.9999] }, { betas: [0, 0.95] });
  if ('momentumDecay' in def.spec.params) overrides.push({ momentumDecay: 0.05 });
  return overrides.flatMap((o) => flagSettings(def, o));
}

/** What the table must hold: each constant of the scalars the JS update read at each step, as float32. */
function expected(id: OptimizerId, params: Record<string, ParamValue>): Float32Array {
  const { scalars } = recordRun(OPTIMIZERS[id], params, STEPS);
  const out = new Float32Array(4 * STEPS);
  const constants = stepConstantSpecs(id);
  scalars.forEach((v, k) => constants.forEach((c, i) => (out[4 * k + i] = c.value(Float64Array.from(v)))));
  return out;
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe.each(ids)('%s: the step-constant table', (id) => {
  test('holds the scalars its JS update reads, bit for bit', () => {
    for (const params of settings(id)) {
      const table = new Float32Array(4 * STEPS);
      new StepConstantTable(id, params).fill(0, STEPS, table);
      expect(bits(table), JSON.stringify(params)).toEqual(bits(expected(id, params)));
    }
  });

  test('gives the same numbers filled in pieces, and replays from the start when asked for an earlier step', () => {
    for (const params of settings(id)) {
      const want = bits(expected(id, params));
      const table = new StepConstantTable(id, params);
      const a = new Float32Array(4 * 15);
      const b = new Float32Array(4 * (STEPS - 20));
      table.fill(0, 15, a);
      table.fill(20, STEPS - 20, b); // skips steps 15 .. 19, which still advance the sequence
      expect(bits(a)).toEqual(want.slice(0, 4 * 15));
      expect(bits(b)).toEqual(want.slice(4 * 20));
      const again = new Float32Array(4 * 3);
      table.fill(2, 3, again);
      expect(bits(again)).toEqual(want.slice(4 * 2, 4 * 5));
    }
  });
});

describe('the constants in use', () => {
  test("Adam's are 1 - beta1^s and sqrt(1 - beta2^s): exactly 1 - 0.9 at the first step", () => {
    const table = new Float32Array(4 * 2);
    new StepConstantTable('adam', resolveParams('adam', {})).fill(0, 2, table);
    expect(table[0]).toBe(Math.fround(1 - 0.9));
    expect(table[1]).toBe(Math.fround(Math.sqrt(1 - 0.999)));
    expect([table[2], table[3]]).toEqual([0, 0]);
  });

  test("RAdam's rectification switches on at the step where rho_t first exceeds 5 (step 6 for beta2 = 0.999)", () => {
    const table = new Float32Array(4 * 8);
    new StepConstantTable('radam', resolveParams('radam', {})).fill(0, 8, table);
    const rect = Array.from({ length: 8 }, (_, t) => table[4 * t + 2]);
    expect(rect.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(rect[5]).toBeGreaterThan(0);
  });
});

describe('constantSources', () => {
  const exp = (optimizer: OptimizerId): Experiment => ({
    v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer, params: {} }], stop: { maxSteps: 10, gradTol: 0 }, seed: 0,
  });
  const axis = (param: string, min: number, max: number): SweepAxis => ({ param, min, max, scale: 'log' });
  const sources = (optimizer: OptimizerId, x: SweepAxis, y: SweepAxis) => {
    const r = buildSweepJob(exp(optimizer), { resolution: 4, run: 0, color: 'steps', x, y }, [0, 0]);
    if (!r.ok) throw new Error(r.message);
    return constantSources(r.job);
  };

  test('a constant follows the axis that varies a parameter it depends on', () => {
    expect(sources('adam', axis('lr', 1e-3, 1e-1), axis('beta2', 0.9, 0.999))).toEqual(['uniform', 'y']);
    expect(sources('adam', axis('beta1', 0.5, 0.9), axis('eps', 1e-8, 1e-4))).toEqual(['x', 'uniform']);
  });

  test("a constant that depends on both swept parameters is computed in the shader (NAdam's beta1 x momentumDecay)", () => {
    expect(sources('nadam', axis('beta1', 0.5, 0.9), axis('momentumDecay', 1e-3, 1e-2))).toEqual(['uniform', 'shader', 'shader']);
  });
});
