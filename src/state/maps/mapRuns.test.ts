// The maps' slots in the state, on an in-process worker pool: two basin maps computing at once
// (the map and the compared map, pressed within a moment of each other) each get exactly the
// result they get alone; a superseded or cancelled job never writes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BasinSettings } from '../../batch/batchSettings';
import type { Experiment } from '../../experiment/types';
import type { BatchClient, BatchPath } from '../../workers/batchClient';
import { inProcessClient } from '../../workers/inProcessBatch';
import { computeBasinMap } from './mapJobs';
import { cancelMap, forceMapPath, type MapRun, useMapRuns } from './mapRuns';
import { mapSnapshot } from './mapSnapshot';

const pool = vi.hoisted(() => ({ client: null as BatchClient | null }));
vi.mock('../../workers/batchClient', async (original) => ({
  ...(await original<typeof import('../../workers/batchClient')>()),
  batchClient: () => pool.client,
}));

const experiment: Experiment = {
  v: 1,
  problem: { kind: 'surface', id: 'himmelblau' },
  runs: [
    { optimizer: 'sgd', params: { lr: 0.01 } },
    { optimizer: 'sgd', params: { lr: 0.01, momentum: 0.9 } },
  ],
  stop: { maxSteps: 200, gradTol: 1e-4 },
  seed: 0,
};
const view = { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] };
const left: BasinSettings = { resolution: 16, run: 0 };
const right: BasinSettings = { resolution: 16, run: 1 };

const shown = mapSnapshot;

beforeEach(() => {
  pool.client = inProcessClient();
  useMapRuns.setState({ basins: idle(), compare: idle(), sweep: idle() });
});
const idle = (): MapRun => ({ state: { status: 'idle' }, result: null, jobId: null });

describe('two basin maps computing at once', () => {
  for (const path of ['webgl', 'js'] as BatchPath[]) {
    it(`on the ${path} path, each map equals the map computed alone, in both orders`, async () => {
      forceMapPath(path);
      await computeBasinMap('basins', experiment, left, view);
      await computeBasinMap('compare', experiment, right, view);
      const alone = { basins: shown('basins'), compare: shown('compare') };
      expect(alone.basins.status).toBe('done');
      expect(useMapRuns.getState().basins.result?.report.path).toBe(path);
      expect(alone.basins.classOf).not.toEqual(alone.compare.classOf);
      for (const order of [['compare', 'basins'], ['basins', 'compare']] as const) {
        const running = order.map((map) => computeBasinMap(map, experiment, map === 'basins' ? left : right, view));
        await Promise.all(running);
        expect({ basins: shown('basins'), compare: shown('compare') }).toEqual(alone);
      }
      forceMapPath(null);
    });
  }
});

describe('a job that is no longer wanted never writes', () => {
  it('a superseded job: the slot shows only the newer job, never the older', async () => {
    forceMapPath('webgl');
    await computeBasinMap('basins', experiment, right, view);
    const newer = shown('basins');
    useMapRuns.setState({ basins: idle() });
    const keys: (string | null)[] = [];
    const statuses: string[] = [];
    const stop = useMapRuns.subscribe((s) => {
      keys.push(s.basins.result?.key ?? null);
      statuses.push(s.basins.state.status);
    });
    const older = computeBasinMap('basins', experiment, left, view);
    await computeBasinMap('basins', experiment, right, view);
    await older;
    stop();
    expect(shown('basins')).toEqual(newer);
    expect(new Set(keys.filter((k) => k !== null))).toEqual(new Set([newer.key]));
    expect(new Set(statuses)).toEqual(new Set(['running', 'done']));
    forceMapPath(null);
  });

  it('a cancelled job: the slot stays cancelled and empty, the other map still completes', async () => {
    forceMapPath('js');
    const a = computeBasinMap('basins', experiment, left, view);
    const b = computeBasinMap('compare', experiment, right, view);
    cancelMap('basins');
    await Promise.all([a, b]);
    expect(shown('basins')).toMatchObject({ status: 'cancelled', key: null });
    expect(shown('compare').status).toBe('done');
    forceMapPath(null);
  });

  it('a job cancelled after its workers finished: its answer, arriving late, is dropped', async () => {
    const real = inProcessClient();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    pool.client = Object.assign(Object.create(real) as BatchClient, {
      run: async (...args: Parameters<BatchClient['run']>) => {
        const answer = await real.run(...args);
        await held;
        return answer;
      },
    });
    forceMapPath('js');
    const computing = computeBasinMap('basins', experiment, left, view);
    await new Promise((resolve) => setTimeout(resolve, 300));
    cancelMap('basins');
    release();
    await computing;
    expect(shown('basins')).toMatchObject({ status: 'cancelled', key: null });
    forceMapPath(null);
  });
});
