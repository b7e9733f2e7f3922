import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { encodeExperiment } from '../experiment/link/encode';
import type { Experiment } from '../experiment/types';
import { MAX_JSON_LENGTH } from '../experiment/link/json';
import { MAX_JSON_DEPTH, readExperimentArg } from './input';

const exp: Experiment = {
  v: 1,
  problem: { kind: 'surface', expr: 'x^2 - y^2 + 0.1*sin(3*x)' },
  runs: [{ optimizer: 'adam', params: { lr: 0.01, betas: [0.8, 0.99] }, start: [0.5, 0.01], label: 'Adam & co' }],
  stop: { maxSteps: 500, gradTol: 1e-6 },
  seed: 7,
};
const hash = encodeExperiment(exp);
const dir = mkdtempSync(join(tmpdir(), 'saddlepoint-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readExperimentArg', () => {
  it('reads a share link as a whole URL, as "#v=1..." and as "v=1..."', () => {
    for (const arg of [`http://localhost:5173/#${hash}`, `https://example.org/app/?q=1#${hash}`, `#${hash}`, hash, ` ${hash}\n`]) {
      expect(readExperimentArg(arg)).toStrictEqual({ ok: true, value: exp });
    }
  });

  it('rejects a damaged link with one line naming the field', () => {
    const bad = hash.replace('lr:0.01', 'lr:1e7');
    const result = readExperimentArg(`#${bad}`);
    expect(result).toStrictEqual({ ok: false, message: 'share link: runs[0].params.lr: must be at most 1e+6 (got 1e+7)' });
  });

  it('counts the further problems of a link', () => {
    const result = readExperimentArg('v=1&surface=nowhere&r0=adam,lr:-1');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^share link: problem\.id: unknown value "nowhere"; .* \(and 1 more\)$/);
      expect(result.message).not.toContain('\n');
    }
  });

  it('rejects a link from a newer version of the app', () => {
    expect(readExperimentArg('v=7&surface=booth&r0=sgd')).toStrictEqual({
      ok: false,
      message: 'share link: v: link version 7 is newer than this app (reads 1)',
    });
  });

  it('rejects a URL without a hash', () => {
    const result = readExperimentArg('http://localhost:5173/');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('no experiment after "#"');
  });

  it('reads JSON text', () => {
    expect(readExperimentArg(JSON.stringify(exp))).toStrictEqual({ ok: true, value: exp });
    const bad = readExperimentArg('{"v":1,');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^the experiment argument is not valid JSON/);
  });

  it('reads a file path', () => {
    const file = join(dir, 'exp.json');
    writeFileSync(file, JSON.stringify(defaultExperiment()));
    expect(readExperimentArg(file)).toStrictEqual({ ok: true, value: defaultExperiment() });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, 'nope');
    const result = readExperimentArg(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`${broken} is not valid JSON`);
  });

  it('rejects anything else', () => {
    const result = readExperimentArg('no-such-file.json');
    expect(result).toStrictEqual({ ok: false, message: '"no-such-file.json" is neither JSON, an existing .json file, nor a share link' });
  });
});

describe('readExperimentArg on hostile input', () => {
  const refused = (arg: string): string => {
    const result = readExperimentArg(arg);
    if (result.ok) throw new Error(`accepted ${arg.slice(0, 80)}`);
    expect(result.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(result.message.length).toBeLessThan(500);
    return result.message;
  };

  it('says what JSON that is not an object is', () => {
    expect(refused('[1]')).toBe('the JSON is an array, not an experiment object');
    expect(refused(' [{"v":1}] ')).toBe('the JSON is an array, not an experiment object');
    expect(refused('42')).toBe('the JSON is a number, not an experiment object');
    expect(refused('null')).toBe('the JSON is null, not an experiment object');
    expect(refused('"v=1"')).toBe('the JSON is a string, not an experiment object');
    const file = join(dir, 'list.json');
    writeFileSync(file, '[1, 2]');
    expect(refused(file)).toBe(`the JSON in ${file} is an array, not an experiment object`);
  });

  it('refuses JSON nested deeper than an experiment can be, before anything walks it', () => {
    const deep = `{"v":1,"problem":{"kind":"surface","id":${'['.repeat(10_000)}${']'.repeat(10_000)}},"runs":[{"optimizer":"sgd"}]}`;
    expect(refused(deep)).toBe(`the experiment argument is nested more than ${MAX_JSON_DEPTH} levels deep; an experiment is at most 5`);
  });

  it('refuses text and files over the size of an experiment, naming the limit', () => {
    const text = JSON.stringify({ ...exp, problem: { kind: 'surface', id: 'a'.repeat(MAX_JSON_LENGTH) } });
    expect(refused(text)).toBe(`the experiment argument is too large (${text.length} characters; an experiment file is at most ${MAX_JSON_LENGTH})`);
    const file = join(dir, 'big.json');
    writeFileSync(file, text);
    expect(refused(file)).toBe(`${file} is too large (${text.length} bytes; an experiment file is at most ${MAX_JSON_LENGTH})`);
  });

  it('reads only regular files', () => {
    expect(refused(dir)).toMatch(/ is a directory, not a regular \.json file$/);
  });

  it('escapes control characters of a file name, a link and invalid JSON', () => {
    expect(refused(join(dir, 'a\nb\u001b.json'))).toContain('a\\nb\\u001b.json');
    expect(refused('v=1&%1B%5B2J%0Aerror:%20all%20good=1&surface=booth&r0=sgd')).toBe(
      'share link: \\u001b[2J\\nerror: all good: unknown link field "\\u001b[2J\\nerror: all good"',
    );
    expect(refused('v=1&surface=%00%E2%80%AE&r0=sgd')).toMatch(/^share link: problem\.id: unknown value "\\u0000\\u202e"; /);
    expect(refused('{"v":\u001b[2J}')).toMatch(/^the experiment argument is not valid JSON: .*\\u001b/);
  });

  it('quotes at most 60 characters of what it cannot read', () => {
    expect(refused('x'.repeat(100_000))).toBe(`"${'x'.repeat(60)}…" is neither JSON, an existing .json file, nor a share link`);
  });

  it('reads the link version percent-decoded, as every other value', () => {
    expect(readExperimentArg(hash.replace('v=1', 'v=%31'))).toStrictEqual({ ok: true, value: exp });
  });
});

