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
