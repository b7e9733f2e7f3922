import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

const exp = {
  v: 1,
  problem: { kind: 'surface', id: 'doubleWell' },
  runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1.5, 0] }],
  stop: { maxSteps: 3, gradTol: 0 },
};

describe('the command-line runner', () => {
  it('prints RunResult[] as JSON for an experiment given as a JSON string', () => {
    const r = cli(JSON.stringify(exp));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    // x_{t+1} = x_t - lr * x_t on the x-axis, in the engine's own arithmetic
    const xs = [1.5];
    for (let t = 0; t < 3; t++) xs.push(xs[t] - 0.1 * xs[t]);
    expect(out[0].points).toEqual(xs.map((x) => [x, 0]));
    expect(out[0].stop).toMatchObject({ reason: 'maxSteps', step: 3, kind: 'saddle' });
  });

  it('reads a .json file and prints CSV rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-'));
    const file = join(dir, 'e.json');
    writeFileSync(file, JSON.stringify(exp));
    const r = cli(file, '--format', 'csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('step,run,x,y,f,gradNorm');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('0,0,1.5,0,1.375,1.5');
  });

  it.each([
    [JSON.stringify({ ...exp, runs: [{ optimizer: 'sgd', params: { lr: 1e9 } }] }), /^error: runs\[0\]\.params\.lr: must be at most 1e\+6 \(got 1e\+9\)\n$/],
    [JSON.stringify({ ...exp, problem: { kind: 'surface', id: 'nope' } }), /^error: problem\.id: unknown value "nope"/],
    ['{"v":1,', /^error: the experiment argument is not valid JSON/],
    ['no-such-file.json', /^error: "no-such-file.json" is neither JSON/],
  ])('bad input %s: one line on stderr, exit 2, nothing on stdout', (arg, message) => {
    const r = cli(arg);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--critical-points', () => {
  it('prints every critical point of the surface, classified', () => {
    const r = cli(JSON.stringify({ ...exp, problem: { kind: 'surface', id: 'himmelblau' } }), '--critical-points');
    expect(r.status).toBe(0);
    const points = JSON.parse(r.stdout) as { kind: string; x: number; y: number }[];
    const count = (k: string) => points.filter((p) => p.kind === k).length;
    expect([count('minimum'), count('saddle'), count('maximum')]).toEqual([4, 4, 1]);
    expect(points.some((p) => Math.abs(p.x - 3) < 1e-9 && Math.abs(p.y - 2) < 1e-9)).toBe(true);
  });

  it('a custom expression with a bad function is a one-line error', () => {
    const r = cli(JSON.stringify({ ...exp, problem: { kind: 'surface', expr: 'sinn(x)' } }), '--critical-points');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("error: problem: expression: unknown function 'sinn' at column 1\n");
  });
});
