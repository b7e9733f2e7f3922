import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { networkCsv } from '../nets/csv';
import { collectNetworkResults, createNetworkEngine } from '../nets/engine';
import { trajectoryCsv } from '../optim/csv';
import { collectResults, createEngine } from '../optim/engine';
import { ByteWriter, CHUNK_STEPS, gatherRuns, NETWORK_LAYOUT, runText, SURFACE_LAYOUT, writeCsv, writeJson, writeRuns } from './stream';

function experiment(input: unknown): Experiment {
  const parsed = parseExperiment(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function surfaceEngine(exp: Experiment) {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.engine;
}

function networkEngine(exp: Experiment) {
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.engine;
}

const stop = (maxSteps: number, gradTol = 0) => ({ maxSteps, gradTol });
const pgd = { lr: 0.1, radius: 0.1, gThreshold: 0.5, tThreshold: 3 };
const moons = { kind: 'network', dataset: 'moons', samples: 60, noise: 0.1, hidden: [4], activation: 'tanh', batchSize: 0 };

const surfaceCases: [string, unknown][] = [
  [
    'runs of different lengths across chunk boundaries, noise, clipping, a schedule, labels to escape',
    {
      v: 1,
      seed: 7,
      problem: { kind: 'surface', id: 'rosenbrock' },
      runs: [
        { optimizer: 'adam', params: { lr: 0.01 }, label: 'quote " back\\slash \n newline é 🙂' },
        { optimizer: 'sgd', params: { lr: 1e-4 }, gradNoise: 0.3, clip: 2 },
        { optimizer: 'rmsprop', params: { lr: 0.001 }, start: [-1, 2] },
      ],
      stop: stop(9000, 1e-3),
    },
  ],
  ['pgd perturbations at a saddle', { v: 1, seed: 3, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'pgd', params: pgd, start: [0, 0] }, { optimizer: 'sgd', start: [0, 0] }], stop: stop(200) }],
  ['a run that diverges mid-way', { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd', params: { lr: 2.5 }, start: [1.5, 0.5] }, { optimizer: 'sgd', params: { lr: 1000 }, start: [1.5, 0.5] }], stop: stop(50) }],
  ['f not finite at the start (a run of no points)', { v: 1, problem: { kind: 'surface', expr: 'log(x)' }, runs: [{ optimizer: 'sgd', start: [-1, 0] }, { optimizer: 'sgd', start: [2, 0] }], stop: stop(5) }],
  ['one point', { v: 1, problem: { kind: 'surface', id: 'booth' }, runs: [{ optimizer: 'sgd' }], stop: stop(1) }],
  [
    'line searches (several evaluations a step), an evaluation budget, notes in the stop',
    { v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer: 'bfgs' }, { optimizer: 'lbfgs', params: { lineSearch: 'strongWolfe' } }, { optimizer: 'cg' }], stop: { maxSteps: 5000, gradTol: 0, maxEvals: 9000 } },
  ],
];

const networkCases: [string, unknown][] = [
  ['two optimizers on moons', { v: 1, seed: 2, problem: moons, runs: [{ optimizer: 'adam', params: { lr: 0.05 } }, { optimizer: 'sgd', params: { lr: 0.5 } }], stop: stop(40) }],
  ['pgd perturbations and a minibatch', { v: 1, seed: 5, problem: { ...moons, batchSize: 16 }, runs: [{ optimizer: 'pgd', params: { ...pgd, gThreshold: 10 } }], stop: stop(30) }],
  ['a diverging network run', { v: 1, problem: moons, runs: [{ optimizer: 'sgd', params: { lr: 0.1 } }, { optimizer: 'adam', params: { lr: 1e6 } }], stop: stop(20) }],
];

describe('run output streamed from chunks: the bytes of collectResults + stringify', () => {
  it.each(surfaceCases)('surface: %s', (_name, input) => {
    const exp = experiment(input);
    const results = collectResults(exp, surfaceEngine(exp));
    const runs = gatherRuns(exp, surfaceEngine(exp));
    expect(runText(writeJson, SURFACE_LAYOUT, runs)).toBe(JSON.stringify(results) + '\n');
    // the CSV the CLI wrote before, from RunResult[] through the app's export
    const csv = trajectoryCsv(results.map((r) => ({ xy: r.points.flat(), f: r.f, gradNorm: r.gradNorm, evals: r.evals, length: r.points.length })));
    expect(runText(writeCsv, SURFACE_LAYOUT, runs)).toBe(csv);
  });

  it.each(networkCases)('network: %s', (_name, input) => {
    const exp = experiment(input);
    const results = collectNetworkResults(exp, networkEngine(exp));
    const runs = gatherRuns(exp, networkEngine(exp));
    expect(runText(writeJson, NETWORK_LAYOUT, runs)).toBe(JSON.stringify(results) + '\n');
    expect(runText(writeCsv, NETWORK_LAYOUT, runs)).toBe(networkCsv(results.map((r) => ({ ...r, length: r.f.length }))));
  });

  it('the cases cover what they claim: perturbations, divergence, a run of no points, several chunks', () => {
    const runs = surfaceCases.flatMap(([, input]) => {
      const exp = experiment(input);
      return collectResults(exp, surfaceEngine(exp));
    });
    expect(runs.some((r) => (r.perturbations?.length ?? 0) > 1)).toBe(true);
    expect(runs.filter((r) => r.stop.reason === 'diverged').length).toBeGreaterThanOrEqual(3);
    expect(runs.some((r) => r.points.length === 0 && r.stop.reason === 'diverged')).toBe(true);
    expect(runs.every((r) => r.f.every(Number.isFinite) && r.gradNorm.every(Number.isFinite))).toBe(true);
    expect(runs.some((r) => r.f.length > 2 * CHUNK_STEPS)).toBe(true);
    expect(new Set(runs.map((r) => r.f.length)).size).toBeGreaterThan(4);
    const nets = networkCases.flatMap(([, input]) => {
      const exp = experiment(input);
      return collectNetworkResults(exp, networkEngine(exp));
    });
    expect(nets.some((r) => (r.perturbations?.length ?? 0) > 0)).toBe(true);
    expect(nets.some((r) => r.stop.reason === 'diverged')).toBe(true);
  });

  it('the text does not depend on the chunk size', () => {
    const exp = experiment(surfaceCases[0][1]);
    const run = (chunkSteps: number) => gatherRuns(exp, surfaceEngine(exp), chunkSteps);
    const [small, usual] = [run(7), run(CHUNK_STEPS)];
    expect(small[0].chunks.length).toBeGreaterThan(usual[0].chunks.length);
    expect(runText(writeJson, SURFACE_LAYOUT, small)).toBe(runText(writeJson, SURFACE_LAYOUT, usual));
    expect(runText(writeCsv, SURFACE_LAYOUT, small)).toBe(runText(writeCsv, SURFACE_LAYOUT, usual));
  });
});

describe('writing', () => {
  it('ByteWriter: blocks of at most the size, UTF-8 text, a longer text in one piece', () => {
    const blocks: Buffer[] = [];
    const w = new ByteWriter((b) => blocks.push(b), 16);
    const parts = ['0.1', ',', '"é🙂"', 'x'.repeat(40), '-1.5e-300', '\n'];
    for (const p of parts) {
      if (/^[\x00-\x7f]*$/.test(p)) w.ascii(p);
      else w.text(p);
    }
    w.text('y'.repeat(20));
    w.flush();
    expect(Buffer.concat(blocks).toString('utf8')).toBe(parts.join('') + 'y'.repeat(20));
    expect(blocks.filter((b) => b.length > 16).map((b) => b.length)).toEqual([40, 20]);
  });

  it('writeRuns waits for a slow reader and keeps the order', async () => {
    const exp = experiment(surfaceCases[0][1]);
    const runs = gatherRuns(exp, surfaceEngine(exp), 100);
    const received: Buffer[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 1 << 16,
      write(chunk: Buffer, _enc, done) {
        received.push(chunk);
        waits++;
        setTimeout(done, 0);
      },
    });
    await writeRuns(slow, writeCsv, SURFACE_LAYOUT, runs);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(Buffer.concat(received).toString('utf8')).toBe(runText(writeCsv, SURFACE_LAYOUT, runs));
    expect(waits).toBeGreaterThan(10);
  });
});

describe('a start where f is not finite (issue 14, item 8)', () => {
  // 1/(x - 1.5) at x = 1.5 is Infinity: the run stops, diverged, with no point recorded, so the
  // output holds no null (JSON) and no Infinity or NaN (CSV).
  const exp = experiment({ v: 1, problem: { kind: 'surface', expr: '1/(x-1.5)' }, runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1.5, 0] }, { optimizer: 'sgd', params: { lr: 0.1 }, start: [0, 0] }], stop: stop(3) });

  it('stops diverged at step 0 with a message that says so, and writes only finite numbers', () => {
    const runs = gatherRuns(exp, surfaceEngine(exp));
    const json = runText(writeJson, SURFACE_LAYOUT, runs);
    const csv = runText(writeCsv, SURFACE_LAYOUT, runs);
    const parsed = JSON.parse(json) as { points: number[][]; f: number[]; gradNorm: number[]; stop: { reason: string; step: number; message: string } }[];
    const [bad, good] = parsed;
    expect(bad.stop).toMatchObject({ reason: 'diverged', step: 0, message: 'diverged at the start: f = Infinity at (1.5, 0) is not finite, so the run records no point' });
    expect([bad.points, bad.f]).toEqual([[], []]);
    expect(good.f).toHaveLength(4);
    // JSON writes a number that is not finite as null
    expect(parsed.flatMap((r) => [...r.points.flat(), ...r.f, ...r.gradNorm]).every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(csv).not.toMatch(/Infinity|NaN/);
    expect(csv.trim().split('\n')).toHaveLength(1 + 4);
  });
});
