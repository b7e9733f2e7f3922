// Every optimizer of the id list has one complete definition, and each of its forms agrees with
// the others: the parameter table, the separable flag (checked by running it), the per-step
// scalars (read by the JS update, so the WebGL tables built from them hold the same numbers),
// the GLSL form (reads only parameters that exist, uses every constant it declares) or null
// only where the method needs the Hessian, and its torch fixtures where torch has it. A new
// optimizer that leaves a piece out fails here rather than falling back quietly.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { OPTIMIZER_IDS, type OptimizerId } from '../../experiment/types';
import { runStream } from '../rng';
import type { OptimizerDef } from '../types';
import { COMPLEMENTED } from './glsl';
import { OPTIMIZERS, SEPARABLE } from './index';
import { OPTIMIZER_SPECS, resolveParams } from './params';
import { flagSettings, gradientAt, hessianFor, recordRun } from './registry.testutil';

const TORCH_FIXTURES = fileURLToPath(new URL('../../../fixtures/torch/', import.meta.url));
const defs: [OptimizerId, OptimizerDef][] = OPTIMIZER_IDS.map((id) => [id, OPTIMIZERS[id]]);
const withScalars = defs.filter(([, d]) => d.stepScalars.names.length > 0);
const withGlsl = defs.filter(([, d]) => d.glsl !== null);

/** The names a GLSL form may read: the numeric parameters, the betas pair as beta1/beta2 and their complements. */
function readableNames(def: OptimizerDef): Set<string> {
  const names = new Set<string>();
  for (const [name, spec] of Object.entries(def.spec.params)) {
    if (spec.type === 'number' && name !== 'lr') names.add(name);
    if (spec.type === 'pair' && name === 'betas') for (const b of ['beta1', 'beta2']) names.add(b);
  }
  for (const name of [...names]) if (COMPLEMENTED.has(name)) names.add(`${name}c`);
  return names;
}

describe('the registry', () => {
  test('has exactly the ids of the id list, each under its own id', () => {
    expect(Object.keys(OPTIMIZERS)).toEqual([...OPTIMIZER_IDS]);
    for (const [id, def] of defs) expect(def.id).toBe(id);
  });

  test('OPTIMIZER_SPECS is the modules\' tables, and SEPARABLE their flags', () => {
    expect(Object.keys(OPTIMIZER_SPECS)).toEqual([...OPTIMIZER_IDS]);
    for (const [id, def] of defs) {
      expect(OPTIMIZER_SPECS[id]).toBe(def.spec);
      expect(SEPARABLE.has(id)).toBe(def.separable);
    }
  });
});

describe.each(defs)('%s', (id, def) => {
  test('states every piece', () => {
    expect(def.spec.name.length).toBeGreaterThan(0);
    expect(def.spec.about.length).toBeGreaterThan(0);
    expect(typeof def.separable).toBe('boolean');
    expect(typeof def.needsHessian).toBe('boolean');
    expect(def.torch === null || def.torch.startsWith('torch.optim.')).toBe(true);
    expect(def.stepScalars.names.every((n) => n.length > 0)).toBe(true);
    // the GLSL form may be null only because the shader has no Hessian and no evaluator (f along a line)
    expect(def.glsl === null).toBe(def.needsHessian || def.needsEvaluator === true);
  });

  test('has a learning rate, and defaults within their own limits', () => {
    expect(def.spec.params.lr?.type).toBe('number');
    for (const [name, spec] of Object.entries(def.spec.params)) {
      if (spec.type === 'boolean') continue;
      if (spec.type === 'choice') {
        expect(spec.options, name).toContain(spec.default);
        continue;
      }
      const values = spec.type === 'pair' ? spec.default : [spec.default];
      for (const v of values) expect(v >= spec.min && v <= spec.max, `${name} = ${v}`).toBe(true);
      if (spec.type === 'number' && spec.integer) expect(Number.isInteger(spec.default)).toBe(true);
    }
  });

  test('takes finite steps from its defaults, with every boolean setting', () => {
    for (const params of flagSettings(def)) {
      const { points } = recordRun(def, params, 20);
      expect(points.every(Number.isFinite), JSON.stringify(params)).toBe(true);
    }
  });

  test('a torch counterpart has its fixtures (fixtures/torch/<id>.json), and only then', () => {
    expect(existsSync(`${TORCH_FIXTURES}${id}.json`)).toBe(def.torch !== null);
  });

  test.runIf(def.separable)('separable: one instance of dimension 4 is two of dimension 2, bit for bit', () => {
    for (const params of flagSettings(def)) {
      const whole = def.create(params, 4);
      const halves = [def.create(params, 2), def.create(params, 2)];
      const x = Float64Array.from([0.5, -1, 2, 0.25]);
      const parts = [x.slice(0, 2), x.slice(2)];
      // one stream, drawn in coordinate order either way
      const [r4, r2] = [runStream(3, 0), runStream(3, 0)];
      const lr = params.lr as number;
      for (let t = 0; t < 30; t++) {
        const g = gradientAt(t, 4);
        whole.step(x, g, { lr, rng: r4 });
        halves.forEach((half, k) => half.step(parts[k], g.slice(2 * k, 2 * k + 2), { lr, rng: r2 }));
        expect(Array.from(x), `step ${t + 1}, ${JSON.stringify(params)}`).toEqual([...parts[0], ...parts[1]]);
      }
    }
  });

  test.runIf(def.needsHessian)('uses the Hessian it asks for', () => {
    const params = resolveParams(id, {});
    const run = (h: Float64Array) => {
      const x = Float64Array.from([0.5, -1]);
      def.create(params, 2).step(x, gradientAt(0, 2), { lr: params.lr as number, rng: runStream(1, 0), hessian: h });
      return Array.from(x);
    };
    expect(run(hessianFor(2))).not.toEqual(run(hessianFor(2).map((v) => 2 * v)));
  });
});

describe.each(withScalars)('%s: per-step scalars', (_id, def) => {
  test('the update reads them from its stepScalars, one sequence per instance and one value set per step', () => {
    for (const params of flagSettings(def)) {
      const { scalars, starts } = recordRun(def, params, 12);
      expect(starts).toBe(1);
      expect(scalars.length).toBe(12);
      for (const v of scalars) {
        expect(v.length).toBe(def.stepScalars.names.length);
        expect(v.every(Number.isFinite)).toBe(true);
      }
      // a fresh sequence replays the same numbers
      const again = def.stepScalars.start(params);
      expect(scalars.map(() => Array.from(again.next()))).toEqual(scalars);
    }
  });

  // Changing one scalar changes the path: the update uses each value, rather than its own copy.
  test.each(def.stepScalars.names.map((name, i) => [name, i] as const))('the update uses %s', (_name, i) => {
    for (const params of flagSettings(def)) {
      const plain = recordRun(def, params, 12).points;
      const altered = recordRun(def, params, 12, (v) => {
        v[i] *= 1.5;
      }).points;
      expect(altered, JSON.stringify(params)).not.toEqual(plain);
    }
  });
});

describe.each(withGlsl)('%s: GLSL form', (_id, def) => {
  const glsl = def.glsl!;
  const snippets = flagSettings(def).map((flags) => glsl.step(flags));
  const read = (code: string) => new Set([...code.matchAll(/\bp_(\w+)/g)].map((m) => m[1]));

  // (The Adam family declares the betas and both complements whether or not its step reads them.)
  test('declares only its own parameters, and reads only declared ones', () => {
    const readable = readableNames(def);
    expect(new Set(glsl.params).size).toBe(glsl.params.length);
    for (const name of glsl.params) expect(readable.has(name), `p_${name} is not a parameter of ${def.id}`).toBe(true);
    const declared = new Set(glsl.params);
    for (const code of [...snippets, ...glsl.constants.map((c) => c.glsl)]) {
      for (const name of read(code)) expect(declared.has(name), `p_${name} is read but not declared`).toBe(true);
    }
  });

  test('uses every step constant it declares ($K0$ ... , at most four), and no other', () => {
    expect(glsl.constants.length).toBeLessThanOrEqual(4);
    const used = new Set(snippets.flatMap((code) => [...code.matchAll(/\$K(\d+)\$/g)].map((m) => Number(m[1]))));
    expect([...used].sort()).toEqual(glsl.constants.map((_, i) => i));
  });

  test("its constants depend on parameters it reads, and come from the scalars' values", () => {
    const readable = new Set(glsl.params);
    for (const c of glsl.constants) {
      for (const dep of c.deps) expect(readable.has(dep), dep).toBe(true);
      const v = def.stepScalars.start(resolveParams(def.id, {})).next();
      expect(Number.isFinite(c.value(v))).toBe(true);
    }
    if (glsl.constants.length > 0) expect(def.stepScalars.names.length).toBeGreaterThan(0);
  });
});
