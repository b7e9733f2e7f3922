// The prebuilt CLI (bin/build-cli.mjs -> dist-cli/cli.mjs, run by bin/experiment.mjs) must say
// byte for byte what the sources say when run through tsx, and the launcher must rebuild a stale
// bundle and leave a fresh one alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const fromSources = (...args: string[]) => run(['--import', 'tsx', 'src/cli.ts', ...args]);

const surface = {
  v: 1,
  seed: 4,
  problem: { kind: 'surface', id: 'himmelblau' },
  runs: [
    { optimizer: 'adam', params: { lr: 0.05 }, label: 'é "q"' },
    { optimizer: 'pgd', params: { lr: 0.01, radius: 0.1, gThreshold: 1, tThreshold: 3 }, start: [-0.27, -0.92] },
    { optimizer: 'sgd', params: { lr: 5 } },
  ],
  stop: { maxSteps: 300, gradTol: 1e-6 },
};
const network = {
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 40, noise: 0.1, hidden: [3], activation: 'tanh', batchSize: 0 },
  runs: [{ optimizer: 'adam', params: { lr: 0.05 } }],
  stop: { maxSteps: 20, gradTol: 0 },
};

const cases: [string, string[]][] = [
  ['surface runs as JSON', [JSON.stringify(surface)]],
  ['surface runs as CSV', [JSON.stringify(surface), '--format', 'csv']],
  ['network runs as JSON', [JSON.stringify(network)]],
  ['network runs as CSV', [JSON.stringify(network), '--format=csv']],
  ['critical points', [JSON.stringify(surface), '--critical-points']],
  ['a basin map as CSV', [JSON.stringify(surface), '--map', 'basins', '--resolution', '4', '--format', 'csv']],
  ['a refusal', [JSON.stringify({ ...surface, runs: [{ optimizer: 'sgd', params: { lr: 1e9 } }] })]],
];

describe('the prebuilt CLI bundle', () => {
  const out = mkdtempSync(join(tmpdir(), 'sp-bundle-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  beforeAll(() => {
    const built = run(['bin/build-cli.mjs', out]);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
  });

  it.each(cases)('%s: the same bytes, stderr and exit code as the sources', (_name, args) => {
    const bundled = run([join(out, 'cli.mjs'), ...args]);
    const sources = fromSources(...args);
    expect(sources.stdout.length + sources.stderr.length).toBeGreaterThan(0);
    expect(bundled).toEqual(sources);
  });

  it('lists what it was built from, sources and the build script included', () => {
    const { inputs, started } = JSON.parse(readFileSync(join(out, 'inputs.json'), 'utf8')) as { inputs: string[]; started: number };
    expect(inputs.some((p) => p.endsWith(join('src', 'cli.ts')))).toBe(true);
    expect(inputs.some((p) => p.endsWith(join('src', 'cli', 'stream.ts')))).toBe(true);
    expect(inputs.some((p) => p.endsWith(join('bin', 'build-cli.mjs')))).toBe(true);
    expect(started).toBeLessThanOrEqual(Date.now());
  });
});

describe('bin/experiment.mjs', () => {
  const record = join('dist-cli', 'inputs.json');
  const started = () => (JSON.parse(readFileSync(record, 'utf8')) as { started: number }).started;
  const args = [JSON.stringify(surface), '--format', 'csv'];

  it('rebuilds a stale bundle, then runs it without rebuilding', () => {
    const first = run(['bin/experiment.mjs', ...args]);
    expect(first.status).toBe(0);
    // mark the bundle as built before every source was last written: stale
    writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), started: 0 }));
    const rebuilt = run(['bin/experiment.mjs', ...args]);
    const after = started();
    expect(after).toBeGreaterThan(0);
    const again = run(['bin/experiment.mjs', ...args]);
    expect(started()).toBe(after);
    expect(rebuilt).toEqual(first);
    expect(again).toEqual(first);
    expect(first.stdout).toBe(fromSources(...args).stdout);
  });
});
