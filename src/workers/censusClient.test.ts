// The census pool: whatever its size, the census is the CLI's --census (the fixture its bytes were
// written from); progress counts the starts over the pool; cancel and a failed worker end the
// census with one answer and terminate every worker.
import type * as Comlink from 'comlink';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { collectNetworkResults, createNetworkEngine } from '../nets/engine';
import { layerWeights } from '../nets/exported';
import { CENSUS_CANCELLED, CensusClient, censusPoolSize, type CensusWorker } from './censusClient';
import { type CensusApi, censusApi, type CensusRequest } from './censusApi';
import { netCensusPathStarts } from './netApi';

type Solve = CensusApi['solve'];

/** A pool of `size` in-process workers; `solve` replaces worker k's answer where given. */
function pool(size: number, solve: (k: number) => Solve | undefined = () => undefined, died: (k: number) => Promise<string> = () => new Promise(() => undefined)) {
  const terminated: number[] = [];
  const client = new CensusClient(size, (k) => {
    const s = solve(k) ?? censusApi.solve;
    const worker: CensusWorker = {
      remote: { solve: async (...args: Parameters<Solve>) => s(...args) } as unknown as Comlink.Remote<CensusApi>,
      died: died(k),
      terminate: () => terminated.push(k),
    };
    return worker;
  });
  return { client, terminated };
}

const NAME = 'moons-2-4-1';
const COUNT = 40;

/** The fixture's experiment run to its stop, as the CLI runs it, and the census request the app makes of it. */
function request(): { experiment: Experiment; req: CensusRequest } {
  const parsed = parseExperiment(JSON.parse(readFileSync(`fixtures/census/${NAME}.experiment.json`, 'utf8')));
  if (!parsed.ok) throw new Error('bad fixture');
  const built = createNetworkEngine(parsed.value);
  if (!built.ok) throw new Error('bad fixture');
  collectNetworkResults(parsed.value, built.engine);
  return { experiment: parsed.value, req: { experiment: parsed.value, count: COUNT, eps: 1e-9, path: netCensusPathStarts(built.engine) } };
}

describe('CensusClient', () => {
  it('pool size: hardwareConcurrency - 1, between 1 and 4', () => {
    expect([1, 2, 3, 5, 16].map(censusPoolSize)).toEqual([1, 1, 2, 4, 4]);
  });

  const { experiment, req } = request();
  const cli = JSON.parse(readFileSync(`fixtures/census/${NAME}.census${COUNT}.json`, 'utf8')) as Record<string, unknown>;

  it.each([1, 2, 3])('on %i workers: the CLI --census, point for point; progress reaches every start', async (size) => {
    const { client } = pool(size);
    const progress: number[] = [];
    const r = await client.run(req, (done, total) => {
      expect(total).toBe(COUNT + req.path.length);
      progress.push(done);
    });
    if (!r.ok) throw new Error(r.error);
    const { census, randomStarts, pathStarts, workers } = r.value;
    expect(workers).toBe(size);
    expect(progress.at(-1)).toBe(COUNT + req.path.length);
    const net = createNetworkEngine(experiment);
    if (!net.ok) throw new Error('bad fixture');
    const asCli = { ...census, randomStarts, pathStarts, weightsLayout: cli.weightsLayout, points: census.points.map((p) => ({ ...p, weights: layerWeights(net.engine.net, p.weights) })) };
    expect(JSON.stringify(asCli) + '\n').toBe(readFileSync(`fixtures/census/${NAME}.census${COUNT}.json`, 'utf8'));
  }, 60_000);

  it('a worker that answers an error, or dies, ends the census with one message; every worker is terminated', async () => {
    const failing = pool(3, (k) => (k === 1 ? () => ({ ok: false, error: 'out of memory' }) : undefined));
    expect(await failing.client.run({ ...req, count: 5 })).toEqual({ ok: false, error: 'out of memory' });
    expect(failing.terminated.sort()).toEqual([0, 1, 2]);
    const dying = pool(2, (k) => (k === 0 ? () => new Promise(() => undefined) as never : undefined), (k) => (k === 0 ? Promise.resolve('script error') : new Promise(() => undefined)));
    expect(await dying.client.run({ ...req, count: 5 })).toEqual({ ok: false, error: 'census worker 1 of 2 stopped: script error' });
    const throwing = pool(1, () => () => {
      throw new Error('cannot clone');
    });
    expect(await throwing.client.run({ ...req, count: 5 })).toEqual({ ok: false, error: 'census worker 1 of 1 failed: cannot clone' });
  });

  it('cancel ends the census in flight at once and terminates every worker; the next census runs on fresh workers', async () => {
    let spawned = 0;
    const hanging = pool(2, () => {
      spawned++;
      return spawned <= 2 ? () => new Promise(() => undefined) as never : undefined;
    });
    const running = hanging.client.run(req);
    await Promise.resolve();
    hanging.client.cancel();
    expect(await running).toEqual({ ok: false, error: CENSUS_CANCELLED });
    expect(hanging.terminated.sort()).toEqual([0, 1]);
    const again = await hanging.client.run({ ...req, count: 3, path: [] });
    expect(again.ok && again.value.census.starts).toEqual({ random: 3, path: 0 });
    expect(spawned).toBe(4);
  });
});
