// The command line's speed (issue 19): start-up of a small experiment against `node -e 0`, and
// 8 runs x 1e5 steps as CSV and JSON against a plain Node script that only formats and writes the
// same rows (bench/cliPlainRows.mjs), with peak memory. Each child is timed by GNU time (user +
// system CPU, peak RSS) and by the wall clock here; commands take turns, round after round, so
// a change in the machine's load falls on all of them alike. Writes bench/results/cli.md.
// Run: npx tsx bench/cli.bench.ts [startup rounds, default 5] [big rounds, default 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatherRuns } from '../src/cli/stream';
import { parseExperiment } from '../src/experiment/parse';
import type { Experiment } from '../src/experiment/types';
import { createEngine } from '../src/optim/engine';

const [startupRounds, bigRounds] = [Number(process.argv[2] ?? 5), Number(process.argv[3] ?? 5)];
const TIME = '/usr/bin/time';
const tmp = mkdtempSync(join(tmpdir(), 'sp-cli-bench-'));
const node = process.execPath;

interface Sample {
  wall: number;
  cpu: number;
  rssMb: number;
}

/** One run of a command, stdout to `stdout` (a path; /dev/null by default). */
function measure(cmd: string[], stdout = '/dev/null'): Sample {
  const timeFile = join(tmp, 'time.txt');
  const t0 = performance.now();
  const r = spawnSync('sh', ['-c', `exec "$@" > '${stdout}'`, 'sh', TIME, '-f', '%U %S %M', '-o', timeFile, ...cmd], { stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd.join(' ').slice(0, 200)} failed: ${r.stderr}`);
  const [user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rssKb / 1024 };
}

/** Rounds of every command in turn; the samples of each. */
function rounds(rounds: number, cmds: Record<string, string[]>): Record<string, Sample[]> {
  const out: Record<string, Sample[]> = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, cmd] of Object.entries(cmds)) out[name].push(measure(cmd));
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
const cell = (xs: number[], digits: number) => `${median(xs).toFixed(digits)} (${spread(xs, digits)})`;

// --- inputs
const small = JSON.stringify({
  v: 1,
  problem: { kind: 'surface', id: 'doubleWell' },
  runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1.5, 0] }],
  stop: { maxSteps: 3, gradTol: 0 },
});
// 8 runs that all take every one of the 1e5 steps (gradTol 0, none diverges).
const bigExperiment = {
  v: 1,
  seed: 1,
  problem: { kind: 'surface', id: 'rosenbrock' },
  runs: [
    { optimizer: 'sgd', params: { lr: 1e-4 } },
    { optimizer: 'adam', params: { lr: 1e-3 } },
    { optimizer: 'rmsprop', params: { lr: 1e-4 } },
    { optimizer: 'adagrad', params: { lr: 0.01 } },
    { optimizer: 'nadam', params: { lr: 1e-3 } },
    { optimizer: 'adamax', params: { lr: 1e-3 } },
    { optimizer: 'radam', params: { lr: 1e-3 } },
    { optimizer: 'sgd', params: { lr: 2e-4 }, gradNoise: 0.1 },
  ],
  stop: { maxSteps: 100_000, gradTol: 0 },
};
const bigFile = join(tmp, 'big.json');
writeFileSync(bigFile, JSON.stringify(bigExperiment));

/** The big experiment's runs, computed here once, for the plain script to format. */
function dumpRuns(exp: Experiment): void {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const runs = gatherRuns(exp, built.engine);
  const parts: Float64Array[] = runs.map((r) => {
    const n = r.chunks.reduce((sum, c) => sum + c.f.length, 0);
    const a = new Float64Array(1 + 5 * n);
    a[0] = n;
    let k = 1;
    for (const c of r.chunks) {
      for (let i = 0; i < c.f.length; i++, k += 5) a.set([c.xy[2 * i], c.xy[2 * i + 1], c.f[i], c.gradNorm[i], c.evals[i]], k);
    }
    return a;
  });
  writeFileSync(join(tmp, 'dump.bin'), Buffer.concat(parts.map((a) => Buffer.from(a.buffer))));
  writeFileSync(join(tmp, 'dump.json'), JSON.stringify(runs.map((r) => ({ label: r.label, optimizer: r.optimizer, stop: r.stop, perturbations: r.perturbations }))));
  if (!runs.every((r) => r.stop.step === exp.stop.maxSteps)) throw new Error('a big run stopped early');
}

function main(): void {
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed for CPU time and peak RSS`);
  execFileSync(node, ['bin/build-cli.mjs'], { stdio: 'inherit' });
  execFileSync('node_modules/.bin/esbuild', ['bench/cliBefore.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${join(tmp, 'before.mjs')}`, '--log-level=warning']);
  const parsed = parseExperiment(bigExperiment);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  dumpRuns(parsed.value);
  // npm's own floor: a script that only starts node
  const npmDir = join(tmp, 'npm');
  execFileSync('mkdir', ['-p', npmDir]);
  writeFileSync(join(npmDir, 'package.json'), JSON.stringify({ name: 'noop', private: true, scripts: { noop: 'node -e 0' } }));

  // the same bytes: CLI, plain script and the old path
  for (const format of ['csv', 'json']) {
    const outs = [
      measure([node, 'dist-cli/cli.mjs', bigFile, '--format', format], join(tmp, `cli.${format}`)),
      measure([node, 'bench/cliPlainRows.mjs', tmp, format], join(tmp, `plain.${format}`)),
      measure([node, join(tmp, 'before.mjs'), bigFile, format], join(tmp, `before.${format}`)),
    ];
    const [cli, plain, before] = ['cli', 'plain', 'before'].map((k) => readFileSync(join(tmp, `${k}.${format}`)));
    if (!cli.equals(plain) || !cli.equals(before)) throw new Error(`${format}: the outputs differ`);
    console.log(`${format}: ${cli.length} bytes, identical from all three`, outs.map((s) => s.wall.toFixed(2)));
  }

  const load = loadavg()[0];
  const startup = rounds(startupRounds, {
    'node -e 0': [node, '-e', '0'],
    'node dist-cli/cli.mjs': [node, 'dist-cli/cli.mjs', small],
    'node bin/experiment.mjs': [node, 'bin/experiment.mjs', small],
    'npm run -s experiment': ['npm', 'run', '-s', 'experiment', '--', small],
    'npm run -s (a script of node -e 0)': ['npm', 'run', '-s', '--prefix', npmDir, 'noop'],
    'tsx src/cli.ts (before)': [node, '--import', 'tsx', 'src/cli.ts', small],
  });
  const big: Record<string, Record<string, Sample[]>> = {};
  for (const format of ['csv', 'json']) {
    big[format] = rounds(bigRounds, {
      'node dist-cli/cli.mjs': [node, 'dist-cli/cli.mjs', bigFile, '--format', format],
      'plain script (bench/cliPlainRows.mjs)': [node, 'bench/cliPlainRows.mjs', tmp, format],
    });
    big[format]['collectResults + stringify (before)'] = rounds(Math.min(bigRounds, 2), { x: [node, join(tmp, 'before.mjs'), bigFile, format] }).x;
  }
  const loadAfter = loadavg()[0];

  const base = startup['node -e 0'];
  const lines = [
    '# CLI benchmarks',
    '',
    `Generated by bench/cli.bench.ts (\`npm run bench\`, or \`npx tsx bench/cli.bench.ts\`). ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average ${load.toFixed(1)} before, ${loadAfter.toFixed(1)} after (the machine is shared: wall times swing; CPU time, user + system from GNU time, in 10 ms steps, swings less). Each cell: median (min–max).`,
    '',
    `## Start-up: a 3-step experiment, ${startupRounds} rounds`,
    '',
    '| command | wall s | × node -e 0 (wall) | CPU s | × node -e 0 (CPU) |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(startup).map(([name, s]) => {
      const w = s.map((x) => x.wall);
      const c = s.map((x) => x.cpu);
      const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(1);
      return `| \`${name}\` | ${cell(w, 3)} | ${ratio(w, base.map((x) => x.wall))} | ${cell(c, 2)} | ${ratio(c, base.map((x) => x.cpu))} |`;
    }),
    '',
    `## 8 runs × 1e5 steps (rosenbrock, 800,008 points), stdout to /dev/null; ${bigRounds} rounds (${Math.min(bigRounds, 2)} of the old path)`,
    '',
    'Every command writes the same bytes (checked before timing). "speed × plain" is the plain script\'s median over the command\'s (1 = as fast as formatting alone; the CLI also runs the 8e5 optimizer steps).',
    '',
    '| format | command | wall s | CPU s | peak RSS MB | speed × plain (wall) | speed × plain (CPU) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [format, table] of Object.entries(big)) {
    const plain = table['plain script (bench/cliPlainRows.mjs)'];
    for (const [name, s] of Object.entries(table)) {
      const w = s.map((x) => x.wall);
      const c = s.map((x) => x.cpu);
      const speed = (a: number[], b: number[]) => (median(b) / median(a)).toFixed(2);
      lines.push(`| ${format} | ${name} | ${cell(w, 2)} | ${cell(c, 2)} | ${cell(s.map((x) => x.rssMb), 0)} | ${speed(w, plain.map((x) => x.wall))} | ${speed(c, plain.map((x) => x.cpu))} |`);
    }
  }
  const md = lines.join('\n') + '\n';
  writeFileSync('bench/results/cli.md', md);
  console.log(md);
}

try {
  main();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
