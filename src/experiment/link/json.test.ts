// JSON import: as lenient as the link, through the same schema; export: pretty JSON.
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../defaults';
import { exportExperimentJson, importExperimentJson, MAX_JSON_LENGTH } from './json';

const base = { v: 1, problem: { kind: 'surface', id: 'booth' }, runs: [{ optimizer: 'adam', params: { lr: 0.1 } }], stop: { maxSteps: 10, gradTol: 0 }, seed: 1 };
const imp = (x: unknown) => importExperimentJson(JSON.stringify(x));

describe('importExperimentJson', () => {
  it('reads a valid experiment with no problems, filling stop and seed', () => {
    expect(imp(base)).toStrictEqual({ experiment: base, problems: [] });
    const { stop: _s, seed: _d, ...bare } = base;
    expect(imp(bare).experiment).toStrictEqual({ ...bare, stop: defaultExperiment().stop, seed: 0 });
  });

  it('drops what is wrong and names it', () => {
    const { experiment, problems } = imp({
      ...base,
      extra: 1,
      runs: [{ optimizer: 'adam', params: { lr: 1e7, betas: [0.9, 0.99] } }, { optimizer: 'x' }, 'run'],
      stop: { maxSteps: 10 },
      view: { x: [0, 1] },
    });
    expect(experiment).toStrictEqual({ ...base, runs: [{ optimizer: 'adam', params: { betas: [0.9, 0.99] } }], stop: { maxSteps: 10, gradTol: 1e-4 } });
    expect(problems.map((p) => p.field)).toStrictEqual(['extra', 'view.y', 'runs[0].params.lr', 'runs[1].optimizer', 'runs[2]', 'stop.gradTol']);
    expect(problems[2].message).toBe('must be at most 1e+6 (got 1e+7)');
  });

  it('refuses what is not an experiment', () => {
    for (const text of ['', 'null', '[1]', '"x"', '{', 'x'.repeat(MAX_JSON_LENGTH + 1)]) {
      const { experiment, problems } = importExperimentJson(text);
      expect(experiment).toStrictEqual(defaultExperiment());
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(/using the default experiment$/);
    }
  });

  it('handles versions', () => {
    expect(imp({ ...base, v: 2 }).problems).toStrictEqual([{ field: 'v', message: 'experiment version 2 is newer than this app (reads 1); using the default experiment' }]);
    expect(imp({ ...base, v: '1' }).problems[0].message).toBe('experiment version "1" is not one this app knows (reads 1); using the default experiment');
    const { v: _v, ...noVersion } = base;
    expect(imp(noVersion)).toStrictEqual({ experiment: base, problems: [{ field: 'v', message: 'is required; read as version 1' }] });
  });

  it('ignores __proto__ and constructor keys without pollution', () => {
    const text = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},' + JSON.stringify(base).slice(1);
    const { experiment, problems } = importExperimentJson(text.replace('"params":{', '"params":{"__proto__":{"polluted":1},'));
    expect(experiment).toStrictEqual(base);
    expect(problems.map((p) => p.field)).toStrictEqual(['__proto__', 'constructor', 'runs[0].params.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives deep nesting', () => {
    const deep = '['.repeat(40_000) + ']'.repeat(40_000); // twice: within MAX_JSON_LENGTH
    const { experiment, problems } = importExperimentJson(JSON.stringify(base).replace('"seed":1', `"seed":${deep}`).replace('"booth"', deep));
    expect(experiment).toStrictEqual({ ...base, problem: defaultExperiment().problem, seed: 0 });
    expect(problems.map((p) => p.field)).toStrictEqual(['problem.id', 'seed']);
  });
});

describe('exportExperimentJson', () => {
  it('writes indented JSON that reads back', () => {
    const text = exportExperimentJson(defaultExperiment());
    expect(text).toContain('\n  "problem": {\n');
    expect(text.endsWith('}\n')).toBe(true);
    expect(importExperimentJson(text)).toStrictEqual({ experiment: defaultExperiment(), problems: [] });
  });
});

describe('a file that is no experiment is refused whole', () => {
  it('says "not a Saddlepoint experiment" for text, JSON that is no object, or an object with neither problem nor runs', () => {
    for (const text of ['hello world', '', '[1]', '{"foo":1}', JSON.stringify({ ...base, v: 7 })]) {
      const { refused } = importExperimentJson(text);
      expect(refused, text).toMatch(/^not a Saddlepoint experiment: /);
    }
    expect(importExperimentJson('hello world').refused).toMatch(/not valid JSON/);
    expect(importExperimentJson(JSON.stringify(base)).refused).toBeUndefined();
    // Partly wrong is not refused: what is valid loads, the rest is listed.
    expect(imp({ problem: base.problem }).refused).toBeUndefined();
  });

  it('quotes the file and the version through printable (no raw control or bidi characters)', () => {
    const bad = importExperimentJson('\u001b[2J\u202e{');
    expect(bad.refused).not.toMatch(/[\u001b\u202e]/);
    for (const p of bad.problems) expect(p.message).not.toMatch(/[\u001b\u202e]/);
    const version = imp({ ...base, v: 'x\u202ey\u001bz' });
    expect(version.refused).toBeDefined();
    for (const p of version.problems) expect(p.message).not.toMatch(/[\u001b\u202e]/);
    expect(version.refused).not.toMatch(/[\u001b\u202e]/);
  });
});
