// Function problems on the command line: the streamed run output in d dimensions (the bytes of
// collectResults + JSON.stringify; CSV columns x1..xd), --escape-vs-dim and --rates, and the
// refusals (one line on stderr, exit 2).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { collectResults, createEngine } from '../optim/engine';
import { pathsTooLarge } from '../optim/vectorEngine';
import { gatherRuns, runText, vectorLayout, writeCsv, writeJson } from './stream';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

function experiment(input: unknown): Experiment {
  const parsed = parseExperiment(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
const engineOf = (exp: Experiment) => {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.engine;
};

const saddle = (dim: number, runs: unknown[], stop = { maxSteps: 3000, gradTol: 1e-6 }) => ({ v: 1, seed: 4, problem: { kind: 'function', id: 'strictSaddle', dim, params: { k: 2 } }, runs, stop });

describe('the run output of a function problem', () => {
  it.each([
    ['d = 7: GD to the saddle, PGD with kicks, noise and clipping, a divergence, across chunks', saddle(7, [{ optimizer: 'sgd', params: { lr: 0.05 } }, { optimizer: 'pgd', params: { lr: 0.05, tThreshold: 300 }, startRadius: 0.01 }, { optimizer: 'adam', gradNoise: 0.1, clip: 1 }, { optimizer: 'sgd', params: { lr: 5 } }], { maxSteps: 9000, gradTol: 1e-6 })],
    ['d = 2 (columns x1, x2, not x, y)', { v: 1, problem: { kind: 'function', id: 'rosenbrock', dim: 2 }, runs: [{ optimizer: 'sgd' }], stop: { maxSteps: 5, gradTol: 0 } }],
  ])('%s: JSON and CSV bytes', (_name, input) => {
    const exp = experiment(input);
    const results = collectResults(exp, engineOf(exp));
    const runs = gatherRuns(exp, engineOf(exp));
    const dim = (exp.problem as { dim: number }).dim;
    const layout = vectorLayout(dim);
    expect(runText(writeJson, layout, runs)).toBe(JSON.stringify(results) + '\n');
    const rows = results.flatMap((r, run) => r.points.map((p, step) => [step, run, ...p, r.f[step], r.gradNorm[step], r.evals[step]].map(String).join(',')));
    const header = ['step', 'run', ...Array.from({ length: dim }, (_, k) => `x${k + 1}`), 'f', 'gradNorm', 'evals'].join(',');
    expect(runText(writeCsv, layout, runs)).toBe([header, ...rows].join('\n') + '\n');
    if (dim === 7) {
      expect(results.some((r) => (r.perturbations?.length ?? 0) > 0)).toBe(true);
      expect(results.some((r) => r.stop.reason === 'diverged')).toBe(true);
      expect(results.some((r) => r.f.length > 4096)).toBe(true);
    }
  });

  it('refuses an output too large to hold, saying what to do', () => {
    const exp = experiment({ v: 1, problem: { kind: 'function', id: 'rastrigin', dim: 1000 }, runs: Array.from({ length: 8 }, () => ({ optimizer: 'sgd' })), stop: { maxSteps: 100_000, gradTol: 0 } });
    expect(pathsTooLarge(exp)).toMatch(/^the paths would hold up to 8 runs x 100001 points x 1003 numbers = 8\.02e\+8 numbers, more than 5e\+7: lower stop\.maxSteps or problem\.dim \(the command line's --rates and --escape-vs-dim keep no path\)$/);
    expect(pathsTooLarge({ ...exp, stop: { maxSteps: 6000, gradTol: 0 } })).toBeNull();
  });
});

describe('--escape-vs-dim and --rates on the command line', () => {
  it('reads the flags, with defaults, and refuses bad ones with one line', () => {
    const ok = parseArgs(['e.json', '--escape-vs-dim', '10,100', '--seeds=3']);
    expect(ok).toMatchObject({ ok: true, options: { escape: { dims: [10, 100], seeds: 3, radius: 0.5, saddle: 'nearest' }, rates: false } });
    const bad: [string[], string][] = [
      [['e.json', '--escape-vs-dim', '1,10'], '--escape-vs-dim must be an integer from 2 to 1000 (got "1")'],
      [['e.json', '--seeds', '3'], '--seeds needs --escape-vs-dim'],
      [['e.json', '--escape-vs-dim', '10', '--radius', '0'], '--radius must be a number greater than 0 and at most 1000000 (got "0")'],
      [['e.json', '--escape-vs-dim', '10', '--saddle', 'first'], '--saddle must be nearest or last (got "first")'],
      [['e.json', '--escape-vs-dim', '10', '--rates'], '--escape-vs-dim and --rates are separate outputs: give one'],
      [['e.json', '--rates', '--format', 'csv'], '--rates prints JSON only: leave out --format csv'],
      [['e.json', '--rates', '--map', 'basins'], '--rates is an output of its own: it does not go with --map, --critical-points or the network outputs'],
    ];
    for (const [argv, message] of bad) expect(parseArgs(argv)).toEqual({ ok: false, message });
  });

  it('prints escape times per dimension (median, quartiles, every seed) as JSON', () => {
    const exp = saddle(2, [{ optimizer: 'sgd', params: { lr: 0.05 }, startRadius: 1e-3 }], { maxSteps: 2000, gradTol: 0 });
    const r = cli(JSON.stringify({ ...exp, problem: { ...exp.problem, params: { k: 1 } } }), '--escape-vs-dim', '10,1000', '--seeds', '5', '--radius', '0.5');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ kind: 'escapeVsDim', radius: 0.5, seeds: 5, saddle: 'nearest' });
    const rows = out.runs[0].rows;
    expect(rows.map((row: { dim: number; escaped: number }) => [row.dim, row.escaped])).toEqual([[10, 5], [1000, 5]]);
    expect(rows[1].median).toBeGreaterThan(rows[0].median);
    expect(rows[0].times).toHaveLength(5);
  });

  it('prints the first step under each eps and the slope as JSON; a run that gives start is refused for escape', () => {
    const r = cli(JSON.stringify(saddle(50, [{ optimizer: 'sgd', params: { lr: 0.05 } }], { maxSteps: 2000, gradTol: 0 })), '--rates');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.eps).toEqual([1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]);
    expect(out.runs[0].steps.every((t: number) => Number.isInteger(t))).toBe(true);
    expect(out.runs[0].fit.points).toBe(8);
    const refused = cli(JSON.stringify(saddle(3, [{ optimizer: 'sgd', start: [0, 0, 1] }])), '--escape-vs-dim', '3,4');
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('error: runs[0].start: escape runs start at the saddle (give startRadius for a random start around it)\n');
  });
});
