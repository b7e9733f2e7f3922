import { describe, expect, it } from 'vitest';
import type { BatchJob } from '../batch/batchJob';
import { probeJob } from '../batch/pathChoice';
import { inProcessClient } from './inProcessBatch';
import type { BatchPath } from './batchClient';

/** Two jobs that differ where it shows: plain gradient descent, and with heavy momentum. */
function jobs(): [BatchJob, BatchJob] {
  const base: BatchJob = { ...probeJob(), optimizer: 'sgd', maxSteps: 150, gradTol: 1e-4, grid: { kind: 'basins', view: { x: [-5, 5], y: [-5, 5] }, nx: 12, ny: 12 } };
  return [
    { ...base, params: { lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } },
    { ...base, params: { lr: 0.01, momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 } },
  ];
}

const endsOf = (r: Awaited<ReturnType<ReturnType<typeof inProcessClient>['run']>>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { id: r.value.id, path: r.value.report.path, endX: Array.from(r.value.outcome.endX), steps: Array.from(r.value.outcome.steps) };
};

describe('BatchClient: two jobs at once', () => {
  for (const path of ['webgl', 'js'] as BatchPath[]) {
    it(`on the ${path} path, each interleaved job's result equals the job computed alone, in both orders`, async () => {
      const client = inProcessClient();
      const [a, b] = jobs();
      const alone = [endsOf(await client.run(a, { path })), endsOf(await client.run(b, { path }))];
      expect(alone[0].path).toBe(path);
      expect(alone[0].endX).not.toEqual(alone[1].endX);
      for (const order of [[0, 1], [1, 0]]) {
        const ids = order.map(() => client.newJobId());
        const running = order.map((k, n) => client.run([a, b][k], { path, id: ids[n] }));
        const answers = (await Promise.all(running)).map(endsOf);
        order.forEach((k, n) => {
          expect(answers[n].id).toBe(ids[n]);
          expect({ endX: answers[n].endX, steps: answers[n].steps }).toEqual({ endX: alone[k].endX, steps: alone[k].steps });
        });
      }
    });
  }

  it('a cancelled job answers cancelled, and the job beside it still completes', async () => {
    const client = inProcessClient();
    const [a, b] = jobs();
    const alone = endsOf(await client.run(b, { path: 'webgl' }));
    const abort = new AbortController();
    const first = client.run(a, { path: 'webgl', signal: abort.signal });
    const second = client.run(b, { path: 'webgl' });
    abort.abort();
    const [r1, r2] = await Promise.all([first, second]);
    expect(r1).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(endsOf(r2).endX).toEqual(alone.endX);
  });
});
