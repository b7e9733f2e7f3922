// `--map basins|sweep` through the command line: the cells, their order, their formats, and the
// promise that a cell is the run from its start (or with its setting), exactly.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodeExperiment } from '../experiment/link/encode';
import { defaultBatchSettings } from '../experiment/maps';
import type { Experiment, Run, RunResult } from '../experiment/types';
import type { BasinMapResult, SweepMapResult } from './maps';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

function json<T>(args: string[]): T {
  const r = cli(...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
}

// Two runs: Adam (the batched engine's shared, separable path) and heavy-ball SGD at a rate that
// diverges from part of the window (one optimizer per pixel is the other path).
const exp: Experiment = {
  v: 1,
  problem: { kind: 'surface', id: 'himmelblau' },
  runs: [
    { optimizer: 'adam', params: { lr: 0.05 } },
    { optimizer: 'sgd', params: { lr: 0.02, momentum: 0.5 }, start: [0.5, -0.5] },
  ],
  stop: { maxSteps: 50, gradTol: 1e-5 },
  seed: 3,
  view: { x: [-6, 5], y: [-5, 5.5] },
};

/** Up to 8 cells: one of each stop reason first, then spread over the map. */
function someCells<C extends { reason: string }>(cells: C[]): C[] {
  const chosen = new Set<C>();
  for (const reason of ['gradTol', 'maxSteps', 'diverged']) {
    const c = cells.find((cell) => cell.reason === reason);
    if (c) chosen.add(c);
  }
  for (let k = 0; chosen.size < 8 && k < cells.length; k += 7) chosen.add(cells[k]);
  return [...chosen];
}

/** The CLI's ordinary run of each given run, as RunResult[]. */
function runs(given: Run[]): RunResult[] {
  return json<RunResult[]>([JSON.stringify({ ...exp, runs: given })]);
}

describe('--map basins', () => {
  it.each([0, 1])('each cell of run %i is the single run from its start: same end point, steps and reason', (run) => {
    const map = json<BasinMapResult>([JSON.stringify(exp), '--map', 'basins', '--resolution', '6', '--run', String(run)]);
    expect(map).toMatchObject({ kind: 'basins', resolution: 6, window: exp.view });
    expect(map.cells).toHaveLength(36);
    const cells = someCells(map.cells);
    if (run === 1) expect(new Set(cells.map((c) => c.reason))).toEqual(new Set(['gradTol', 'maxSteps', 'diverged']));
    const results = runs(cells.map((c) => ({ ...exp.runs[run], start: c.start })));
    cells.forEach((cell, k) => {
      const r = results[k];
      expect([r.points[r.points.length - 1], r.stop.step, r.stop.reason]).toEqual([cell.end, cell.steps, cell.reason]);
    });
  });

  it('orders cells from the bottom row up, left to right, at pixel centres, and names the critical point reached', () => {
    const map = json<BasinMapResult>([JSON.stringify(exp), '--map', 'basins', '--resolution', '4', '--run', '1']);
    const { x, y } = exp.view!;
    const centre = (lo: number, hi: number, k: number) => lo + ((k + 0.5) / 4) * (hi - lo);
    map.cells.forEach((c, k) => {
      expect(c.start[0]).toBeCloseTo(centre(x[0], x[1], k % 4), 12);
      expect(c.start[1]).toBeCloseTo(centre(y[0], y[1], Math.floor(k / 4)), 12);
    });
    expect(map.criticalPoints.filter((p) => p.kind === 'minimum')).toHaveLength(4);
    const reached = map.cells.filter((c) => c.point !== null);
    expect(reached.length).toBeGreaterThan(8);
    for (const c of reached) {
      const p = map.criticalPoints[c.point!];
      expect(Math.hypot(p.x - c.end[0], p.y - c.end[1])).toBeLessThan(0.01 * Math.hypot(11, 10.5));
    }
    for (const c of map.cells.filter((cell) => cell.reason === 'diverged')) expect(c.point).toBeNull();
  });

  it('writes one CSV row per cell, in the JSON order', () => {
    const args = [JSON.stringify(exp), '--map', 'basins', '--resolution', '3'];
    const map = json<BasinMapResult>(args);
    const lines = cli(...args, '--format', 'csv').stdout.trim().split('\n');
    expect(lines[0]).toBe('startX,startY,endX,endY,steps,reason,point');
    expect(lines.slice(1)).toEqual(map.cells.map((c) => [...c.start, ...c.end, c.steps, c.reason, c.point ?? ''].join(',')));
  });
});

describe('--map sweep', () => {
  it("takes its axes from the link's maps= field, and each cell is the run with the cell's setting", () => {
    const settings = defaultBatchSettings();
    settings.sweep = { resolution: 4, run: 1, color: 'finalF', x: { param: 'lr', min: 1e-3, max: 0.05, scale: 'log' }, y: { param: 'momentum', min: 0, max: 0.9, scale: 'linear' } };
    const map = json<SweepMapResult>([`#${encodeExperiment(exp, { maps: settings })}`, '--map', 'sweep']);
    expect(map).toMatchObject({ kind: 'sweep', resolution: 4, run: 1, start: [0.5, -0.5], x: settings.sweep.x, y: settings.sweep.y });
    expect(map.cells).toHaveLength(16);
    // bottom row first: the smallest momentum; left to right: the learning rate grows
    expect(map.cells[0].values[1]).toBe(0.1125);
    expect(map.cells[1].values[0]).toBeGreaterThan(map.cells[0].values[0]);
    const cells = someCells(map.cells);
    const results = runs(cells.map((c) => ({ ...exp.runs[1], params: { lr: c.values[0], momentum: c.values[1] } })));
    cells.forEach((cell, k) => {
      const r = results[k];
      expect([r.points[r.points.length - 1], r.f[r.f.length - 1], r.stop.step, r.stop.reason]).toEqual([cell.end, cell.f, cell.steps, cell.reason]);
    });
  });

  it('flags override the link; a scale left out is the one the app would pick', () => {
    const map = json<SweepMapResult>([JSON.stringify(exp), '--map', 'sweep', '--run', '0', '--resolution', '2', '--x', 'beta2:0.9:0.999', '--y', 'lr:0.001:0.1:linear']);
    expect(map.x).toEqual({ param: 'beta2', min: 0.9, max: 0.999, scale: 'log1m' });
    expect(map.y).toEqual({ param: 'lr', min: 0.001, max: 0.1, scale: 'linear' });
    const csv = cli(JSON.stringify(exp), '--map', 'sweep', '--run', '0', '--resolution', '2', '--x', 'beta2:0.9:0.999', '--y', 'lr:0.001:0.1:linear', '--format=csv').stdout;
    expect(csv.split('\n')[0]).toBe('beta2,lr,endX,endY,f,steps,reason');
    expect(csv.trim().split('\n')).toHaveLength(5);
  });
});

describe('bad map flags: one line on stderr, exit 2, nothing on stdout', () => {
  it.each([
    [['--map', 'contour'], /^error: --map must be basins or sweep/],
    [['--map', 'basins', '--resolution', '513'], /^error: --resolution must be an integer from 1 to 512/],
    [['--map', 'sweep', '--resolution', '129'], /^error: --resolution must be an integer from 1 to 128/],
    [['--map', 'basins', '--run', '2'], /^error: --run 2: the experiment has runs 0 to 1/],
    [['--map', 'basins', '--x', 'lr:0:1'], /^error: --x is a sweep axis/],
    [['--resolution', '8'], /^error: --resolution needs --map/],
    [['--map', 'sweep', '--x', 'lr:1e-3'], /^error: --x must be param:min:max\[:scale\]/],
    [['--map', 'sweep', '--x', 'lr:0:1:log'], /^error: x axis: a log axis needs min > 0/],
    [['--map', 'sweep', '--run', '0'], /^error: y axis: adam has no parameter "momentum"/],
    [['--map', 'basins', '--critical-points'], /^error: --critical-points and --map/],
  ])('%j', (flags, message) => {
    const r = cli(JSON.stringify(exp), ...flags);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a network problem has no maps', () => {
    // A valid network experiment: its runs have no start and it has no view (those are refused).
    const runs = exp.runs.map(({ start: _start, ...run }) => run);
    const { view: _view, ...rest } = exp;
    const net = { ...rest, runs, problem: { kind: 'network', dataset: 'xor', samples: 10, noise: 0, hidden: [], activation: 'tanh', batchSize: 0 } };
    const r = cli(JSON.stringify(net), '--map', 'basins');
    expect([r.status, r.stderr]).toEqual([2, 'error: problem: basin and sweep maps need a surface problem\n']);
  });
});
