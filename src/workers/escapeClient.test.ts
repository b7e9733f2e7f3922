// The escape pool: the answer is runEscapeJob's whatever the pool's size; a cancel ends the run.
import type * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { runEscapeJob } from '../batch/escapeRun';
import { decodeExperiment } from '../experiment/link';
import { createEscapeApi, type EscapeApi } from './escapeApi';
import { EscapeClient, seedBlocks } from './escapeClient';

function inProcess(size: number): EscapeClient {
  return new EscapeClient(size, () => {
    const api = createEscapeApi();
    const remote: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const [name, f] of Object.entries(api)) remote[name] = async (...args) => (f as (...a: unknown[]) => unknown)(...args);
    return { remote: remote as unknown as Comlink.Remote<EscapeApi>, terminate: () => undefined };
  });
}

const exp = decodeExperiment('v=1&surface=doubleWell&r0=noisySgd,lr:0.1,sigma:0.01,start:1.5;0&steps=3000&tol=0.0001&seed=11').experiment;

describe('EscapeClient', () => {
  it('seed blocks tile the seeds in order', () => {
    expect(seedBlocks(10, 3)).toEqual([{ from: 0, count: 3 }, { from: 3, count: 3 }, { from: 6, count: 4 }]);
    expect(seedBlocks(2, 4)).toEqual([{ from: 0, count: 1 }, { from: 1, count: 1 }]);
  });

  it.each([1, 3])('on %i workers: the seeds of runEscapeJob, in order, with progress up to 1', async (size) => {
    const client = inProcess(size);
    const built = await client.build(exp, { run: null, seeds: 10, radius: null });
    if (!built.ok) throw new Error(built.error);
    let last = 0;
    const answer = await client.run(built.value, { onProgress: (f) => (last = f) });
    expect(answer).toEqual({ ok: true, value: runEscapeJob(built.value) });
    expect(last).toBeCloseTo(1, 12);
  });

  it('a cancelled run answers cancelled; a bad job is an error value', async () => {
    const client = inProcess(2);
    const built = await client.build(exp, { run: 0, seeds: 1000, radius: null });
    if (!built.ok) throw new Error(built.error);
    const abort = new AbortController();
    const running = client.run(built.value, { signal: abort.signal, onProgress: () => abort.abort() });
    expect(await running).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(await client.build(exp, { run: 3, seeds: 10, radius: null })).toEqual({ ok: false, error: 'the experiment has no run 4' });
  });
});
