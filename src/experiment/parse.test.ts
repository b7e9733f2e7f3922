import { describe, expect, it } from 'vitest';
import { defaultExperiment } from './defaults';
import { formatErrors, parseExperiment } from './parse';

const base = () => JSON.parse(JSON.stringify(defaultExperiment()));

describe('parseExperiment', () => {
  it('accepts the default experiment unchanged', () => {
    const r = parseExperiment(base());
    expect(r).toEqual({ ok: true, value: defaultExperiment() });
  });

  it('fills omitted stop and seed with defaults', () => {
    const e = base();
    delete e.stop;
    delete e.seed;
    const r = parseExperiment(e);
    expect(r.ok && r.value.stop).toEqual(defaultExperiment().stop);
    expect(r.ok && r.value.seed).toBe(0);
  });

  it.each([
    [{ problem: { kind: 'surface', id: 'rosenbrok' } }, 'problem.id', 'unknown value "rosenbrok"'],
    [{ runs: [{ optimizer: 'adamm' }] }, 'runs[0].optimizer', 'unknown value "adamm"'],
    [{ runs: [{ optimizer: 'sgd', params: { lr: 1e7 } }] }, 'runs[0].params.lr', 'at most 1e+6'],
    [{ runs: [{ optimizer: 'sgd', params: { lx: 1 } }] }, 'runs[0].params.lx', 'unknown field "lx"'],
    [{ runs: [{ optimizer: 'adam', params: { betas: [0.9] } }] }, 'runs[0].params.betas[1]', 'is required'],
    [{ runs: [{ optimizer: 'sgd', params: { nesterov: true } }] }, 'runs[0]', 'nesterov needs momentum'],
    [{ runs: [] }, 'runs', 'at least 1 run'],
    [{ stop: { maxSteps: 0, gradTol: 0 } }, 'stop.maxSteps', 'at least 1'],
    [{ stop: { maxSteps: 1.5, gradTol: 0 } }, 'stop.maxSteps', 'whole number'],
    [{ seed: -1 }, 'seed', 'at least 0'],
    [{ v: 2 }, 'v', 'unsupported version 2'],
    [{ view: { x: [1, 0], y: [0, 1] } }, 'view.x', 'low < high'],
    [{ problem: { kind: 'surface' } }, 'problem', 'exactly one of "id" or "expr"'],
    [{ problem: { kind: 'surface', expr: 'x'.repeat(501) } }, 'problem.expr', 'expression too long'],
  ])('rejects %j at %s', (patch, path, message) => {
    const r = parseExperiment({ ...base(), ...patch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe(path);
    expect(r.errors[0].message).toContain(message);
    expect(formatErrors(r.errors)).toContain(path);
  });

  it('rejects non-objects and non-finite numbers', () => {
    expect(parseExperiment(null).ok).toBe(false);
    expect(parseExperiment('x').ok).toBe(false);
    const e = base();
    e.runs[0].params.lr = Number.NaN;
    const r = parseExperiment(e);
    expect(!r.ok && r.errors[0].path).toBe('runs[0].params.lr');
  });
});

describe('hostile input gets short, printable errors', () => {
  const nested = (depth: number): unknown => {
    let x: unknown = 'rosenbrock';
    for (let i = 0; i < depth; i++) x = [x];
    return x;
  };

  it('a value nested 100,000 levels deep is quoted, not stringified whole (which overflows the stack)', () => {
    const r = parseExperiment({ ...base(), problem: { kind: 'surface', id: nested(100_000) } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].path).toBe('problem.id');
    expect(r.errors[0].message).toMatch(/^unknown value \[{60}…; expected one of rosenbrock, /);
  });

  it('a 10 MB value is quoted by its first 60 characters', () => {
    const r = parseExperiment({ ...base(), problem: { kind: 'surface', id: 'a'.repeat(10_000_000) } });
    expect(!r.ok && r.errors[0].message).toMatch(/^unknown value "a{60}…"; expected/);
  });

  it('control characters in a field name or value are escaped, in the path and in the message', () => {
    const r = parseExperiment({ ...base(), 'a\nerror: b\u202E\u0000': 1, seed: '\u001b[2J' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = formatErrors(r.errors);
    expect(line).toContain('a\\nerror: b\\u202e\\u0000: unknown field "a\\nerror: b\\u202e\\u0000"');
    expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('a list of 100,000 bad items is one error, not 100,000', () => {
    const e = base();
    e.problem = { kind: 'network', dataset: 'moons', samples: 100, noise: 0, hidden: new Array(100_000).fill(0), activation: 'tanh', batchSize: 0 };
    e.runs = new Array(100_000).fill({});
    const r = parseExperiment(e);
    expect(!r.ok && r.errors).toStrictEqual([
      { path: 'problem.hidden', message: 'at most 4 hidden layers' },
      { path: 'runs', message: 'at most 8 runs' },
    ]);
  });

  it('formatErrors names the first three errors and counts the rest', () => {
    const errors = Array.from({ length: 10 }, (_, i) => ({ path: `runs[${i}].lr`, message: 'must be a number' }));
    expect(formatErrors(errors)).toBe('runs[0].lr: must be a number; runs[1].lr: must be a number; runs[2].lr: must be a number (and 7 more)');
    expect(formatErrors(new Array(5).fill({ path: '', message: 'x'.repeat(100_000) })).length).toBeLessThan(2000);
  });
});
