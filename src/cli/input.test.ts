import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import { encodeExperiment } from '../experiment/link/encode';
import type { Experiment } from '../experiment/types';
import { readExperimentArg } from './input';

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
