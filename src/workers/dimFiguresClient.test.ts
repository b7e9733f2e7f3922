// The figures' workers: the answer is the command line's (escapeVsDim, ratesOf on the engine the
// CLI builds) whatever the pool's size; progress reaches 1; a cancel ends the run and terminates
// the figure's workers; a refusal is an error value.
import type * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { decodeExperiment } from '../experiment/link';
import { escapeVsDim, type EscapeOptions } from '../optim/escape';
import { createNetworkEngine } from '../nets/engine';
import { createEngine } from '../optim/engine';
import { ratesOf } from '../optim/rates';
import { createDimFiguresApi, type DimFiguresApi } from './dimFiguresApi';
import { DimFiguresClient, seedsPerJob } from './dimFiguresClient';

function inProcess(size: number, terminated: string[] = []): DimFiguresClient {
  return new DimFiguresClient(size, (name) => {
    const api = createDimFiguresApi();
    const remote: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const [key, f] of Object.entries(api)) remote[key] = async (...args) => (f as (...a: unknown[]) => unknown)(...args);
    return { remote: remote as unknown as Comlink.Remote<DimFiguresApi>, terminate: () => void terminated.push(name) };
  });
}

const chain = decodeExperiment('v=1&fn=saddleChain&dim=10&r0=sgd,lr:0.05,srad:0.001&r1=pgd,lr:0.05&steps=3000&tol=0&seed=3').experiment;
const opts: EscapeOptions = { dims: [2, 5, 50], seeds: 7, radius: 0.5, saddle: 'nearest' };

describe('DimFiguresClient', () => {
  it('deals about two jobs per worker at each dimension', () => {
    expect([seedsPerJob(10, 1), seedsPerJob(10, 3), seedsPerJob(1, 8), seedsPerJob(1000, 15)]).toEqual([5, 2, 1, 34]);
  });

  it.each([1, 2, 5])('escape time against d on %i workers: the command line\'s figure, progress up to 1', async (size) => {
    let last = 0;
    const answer = await inProcess(size).escapeVsDim(chain, opts, { onProgress: (f) => (last = f) });
    expect(JSON.stringify(answer)).toBe(JSON.stringify(escapeVsDim(chain, opts)));
    expect(last).toBe(1);
  });

  it('rates against eps: the command line\'s --rates numbers', async () => {
    for (const link of ['v=1&fn=strictSaddle&dim=20&fp=k:2&r0=sgd,lr:0.05&r1=pgd,lr:0.05,tThreshold:1000&steps=6000&tol=0&seed=0', 'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0.1&r1=adam,lr:0.05&steps=3000&tol=0&seed=0']) {
      const exp = decodeExperiment(link).experiment;
      const answer = await inProcess(1).rates(exp, { onProgress: () => undefined });
      // src/cli/dims.ts's ratesOutput on a surface or function problem
      const built = createEngine(exp);
      if (!answer.ok || !built.ok) throw new Error('no rates');
      expect(JSON.stringify(answer.value)).toBe(JSON.stringify(ratesOf(exp.runs.map((r) => r.optimizer), built.engine)));
    }
  });

  it('rates against eps on a network: ratesOf on the network engine', async () => {
    const exp = decodeExperiment('v=1&data=moons&samples=60&noise=0.1&hidden=4&act=tanh&batch=60&r0=adam,lr:0.05&r1=sgd,lr:0.5&steps=400&tol=0&seed=2').experiment;
    const answer = await inProcess(1).rates(exp);
    const built = createNetworkEngine(exp);
    if (!answer.ok || !built.ok) throw new Error('no rates');
    expect(JSON.stringify(answer.value)).toBe(JSON.stringify(ratesOf(exp.runs.map((r) => r.optimizer), built.engine)));
  });

  it('a cancel answers cancelled and terminates the figure\'s workers; refusals are error values', async () => {
    const terminated: string[] = [];
    const client = inProcess(2, terminated);
    const abort = new AbortController();
    const running = client.escapeVsDim(chain, { ...opts, seeds: 200 }, { signal: abort.signal, onProgress: () => abort.abort() });
    expect(await running).toEqual({ ok: false, error: { kind: 'cancelled' } });
    // (in process a job runs to its end before the next worker is spawned: here only the first was)
    expect(terminated).toEqual(['escape-0']);
    const bad = decodeExperiment('v=1&fn=strictSaddle&dim=10&fp=k:2&r0=sgd&steps=10&tol=0&seed=0').experiment;
    expect(await client.escapeVsDim(bad, { ...opts, dims: [10, 2] })).toEqual({ ok: false, error: { kind: 'failed', message: 'strictSaddle names no saddle to escape from' } });
    const rateAbort = new AbortController();
    rateAbort.abort();
    expect(await client.rates(chain, { signal: rateAbort.signal })).toEqual({ ok: false, error: { kind: 'cancelled' } });
  });
});
