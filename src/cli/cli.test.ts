import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
    expect(lines[0]).toBe('step,run,x,y,f,gradNorm,evals');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('0,0,1.5,0,1.375,1.5,0');
    expect(lines[4].endsWith(',3')).toBe(true);
  });

  it('records the evaluations of a line search and stops on maxEvals', () => {
    const race = { ...exp, problem: { kind: 'surface', id: 'rosenbrock' }, runs: [{ optimizer: 'sgd', params: { lr: 1e-3 } }, { optimizer: 'bfgs' }], stop: { maxSteps: 1000, gradTol: 0, maxEvals: 20 } };
    const r = cli(JSON.stringify(race));
    expect(r.status).toBe(0);
    const [sgd, bfgs] = JSON.parse(r.stdout) as { evals: number[]; stop: { reason: string; step: number } }[];
    expect(sgd.evals).toEqual(Array.from({ length: 21 }, (_, t) => t));
    expect(sgd.stop).toMatchObject({ reason: 'maxEvals', step: 20 });
    // two or more a step (x, then the line search's trials), and the budget reached by the last
    expect(bfgs.stop.reason).toBe('maxEvals');
    expect(bfgs.evals.slice(1).every((e, t) => e - bfgs.evals[t] >= 2)).toBe(true);
    expect(bfgs.evals.at(-2)!).toBeLessThan(20);
    expect(bfgs.evals.at(-1)!).toBeGreaterThanOrEqual(20);
  });

  it.each([
    [JSON.stringify({ ...exp, runs: [{ optimizer: 'sgd', params: { lr: 1e9 } }] }), /^error: runs\[0\]\.params\.lr: must be at most 1e\+6 \(got 1e\+9\)\n$/],
    [JSON.stringify({ ...exp, problem: { kind: 'surface', id: 'nope' } }), /^error: problem\.id: unknown value "nope"/],
    ['{"v":1,', /^error: the experiment argument is not valid JSON/],
    ['no-such-file.json', /^error: "no-such-file.json" is neither JSON/],
    [JSON.stringify({ ...exp, runs: [{ optimizer: 'lbfgs', gradNoise: 0.1 }] }), /^error: runs\[0\]\.gradNoise: must be 0 for lbfgs, which needs exact gradients/],
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
    const out = JSON.parse(r.stdout) as { criticalPoints: { kind: string; x: number; y: number }[]; truncated: boolean; truncatedReason: string | null };
    expect([out.truncated, out.truncatedReason]).toEqual([false, null]);
    const points = out.criticalPoints;
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

// Issue 14: every refusal is exactly one printable line of at most 2,000 characters on stderr,
// exit 2, within 5 s, in bounded memory (the CLI runs with a 64 MB heap: more is a crash, not 2).
describe('hostile input: one clean line', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sp-hostile-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const path = join(tmp, name);
    writeFileSync(path, content);
    return path;
  };
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const surface = (problem: string) => `{"v":1,"problem":${problem},"runs":[{"optimizer":"sgd"}]}`;
  const network = (hidden: string) => surface(`{"kind":"network","dataset":"moons","samples":100,"noise":0,"hidden":${hidden},"activation":"tanh","batchSize":0}`);
  const fifo = join(tmp, 'fifo.json');
  const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
  mkdirSync(join(tmp, 'dir.json'));

  const cases: [string, () => string[], RegExp][] = [
    ['an id nested 10,000 levels deep (argument)', () => [surface(`{"kind":"surface","id":${nested(10_000)}}`)], /nested more than 16 levels deep/],
    ['an id nested 10,000 levels deep (file)', () => [file('deep.json', surface(`{"kind":"surface","id":${nested(10_000)}}`))], /deep\.json is nested more than 16 levels/],
    ['a 3 MB file of 1.5 M zero layer widths', () => [file('zeros.json', network(`[${'0,'.repeat(1_500_000)}0]`))], /zeros\.json is too large \(3000\d+ bytes; an experiment file is at most 400000\)$/],
    ['99,000 zero layer widths under the size limit', () => [file('zeros2.json', network(`[${'0,'.repeat(99_000)}0]`))], /^error: problem\.hidden: at most 4 hidden layers$/],
    ['a 10 MB id', () => [file('id10.json', surface(`{"kind":"surface","id":"${'a'.repeat(10_000_000)}"}`))], /is too large \(100000\d\d bytes/],
    ['a 190 KB id under the size limit', () => [file('id190.json', surface(`{"kind":"surface","id":"${'a'.repeat(190_000)}"}`))], /^error: problem\.id: unknown value "a{60}…"; expected one of/],
    ['/dev/zero', () => ['/dev/zero'], /^error: \/dev\/zero is a device, not a regular \.json file$/],
    ['a pipe with no writer', () => [hasFifo ? fifo : '/dev/zero'], /is a (pipe|device), not a regular \.json file$/],
    ['a directory', () => [join(tmp, 'dir.json')], /dir\.json is a directory, not a regular \.json file$/],
    ['a newline in a field name', () => ['{"v":1,"problem":{"kind":"surface","id":"booth"},"runs":[{"optimizer":"sgd"}],"a\\nerror: all good":1}'], /^error: a\\nerror: all good: unknown field "a\\nerror: all good"$/],
    ['a link that clears the terminal and forges a line', () => ['v=1&surface=booth&r0=sgd&%1B%5B2J%0Aerror:%20all%20good=1'], /^error: share link: \\u001b\[2J\\nerror: all good: unknown link field/],
    ['NUL and U+202E in a link value', () => ['v=1&surface=%00ab%E2%80%AE&r0=sgd'], /^error: share link: problem\.id: unknown value "\\u0000ab\\u202e"/],
    ['a JSON array', () => ['[1]'], /^error: the JSON is an array, not an experiment object$/],
    ['a 400-digit literal in an expression', () => [surface(`{"kind":"surface","expr":"x^${'1'.repeat(400)}"}`)], /^error: problem: expression: number too large '1{60}…' at column 3$/],
    ['an option with an escape sequence', () => ['--\u001b[2J\nerror: all good'], /^error: unknown option --\\u001b\[2J\\nerror: all good; usage/],
    ['a network run with a start point', () => [network('[8]').replace('"optimizer":"sgd"', '"optimizer":"sgd","start":[1,2]')], /^error: runs\[0\]\.start: a network run has no start point/],
    ['a network batch larger than the data set', () => ['v=1&data=moons&samples=100&noise=0&hidden=8&act=tanh&batch=101&r0=sgd'], /^error: share link: problem\.batchSize: 101 is more than the 80 training samples \(samples 100 less the 20 held out\); use at most 80, or 0 for the full batch$/],
    ['a network batch over the training split, within samples', () => [network('[8]').replace('"batchSize":0', '"batchSize":900').replace('"samples":100', '"samples":1000')], /^error: problem\.batchSize: 900 is more than the 800 training samples \(samples 1000 less the 200 held out\); use at most 800, or 0 for the full batch$/],
    ['a link too long', () => [`v=1&surface=booth&r0=sgd&expr=${'x'.repeat(30_000)}`], /^error: share link: link too long \(300\d\d characters; at most 20000: long start lists of a function problem go in a JSON file instead\)$/],
  ];

  it.each(cases)('%s', (_name, args, message) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', 'src/cli.ts', ...args()], { encoding: 'utf8', timeout: 10_000 });
    const ms = performance.now() - t0;
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: [^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]+\n$/u);
    expect(r.stderr.length).toBeLessThanOrEqual(2000);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(ms).toBeLessThan(5000);
  });

  it('the pipe case really is a pipe here', () => {
    expect(hasFifo && existsSync(fifo)).toBe(process.platform !== 'win32');
  });
});


// Issue 14, item 9: a search that may have missed points says why, on stderr, beside the points.
describe('--critical-points on a surface the search cannot resolve', () => {
  it('sin(x*y*1000): the points on stdout, and one warning line on stderr saying why they are not all', () => {
    const r = cli(JSON.stringify({ ...exp, problem: { kind: 'surface', expr: 'sin(x*y*1000)' } }), '--critical-points');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { criticalPoints: unknown[]; truncated: boolean; truncatedReason: string };
    expect(out.criticalPoints).toHaveLength(2000);
    expect(out.truncated).toBe(true);
    expect(out.truncatedReason).toMatch(/varies faster than the search grid resolves/);
    expect(r.stderr).toMatch(/^warning: the search stopped at its limit of 2000 critical points: the surface varies faster than the search grid resolves \(.*\)\n$/);
  });

  it('a surface searched completely gives no warning', () => {
    const r = cli(JSON.stringify({ ...exp, problem: { kind: 'surface', id: 'himmelblau' } }), '--critical-points');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
