// The census cut into shares (as the app's pool of workers solves it) and merged is the census
// solved in one loop, for any number of shares and any order of their answers; a merge that
// lacks a start or has one twice is an error, not a smaller census.
import { describe, expect, test } from 'vitest';
import { makeDataset } from '../datasets';
import { mlp } from '../mlp';
import { NetObjective } from '../objective';
import { CENSUS_DEFAULTS, criticalPointCensus, mergeCensus, startCounts } from './census';
import { censusShare, solveStarts } from './share';
import { censusPathStarts, censusStarts, descentPaths } from './starts';

function setup() {
  const net = mlp([4], 'tanh');
  const data = makeDataset({ dataset: 'moons', samples: 60, noise: 0.1 }, 3);
  const objective = new NetObjective(net, data.train, data.heldOut, { l2: 1e-3 });
  const inits = [censusStarts(net, 9, 1, []), censusStarts(net, 10, 1, [])].map((s) => s[0].w);
  const starts = censusStarts(net, 5, 24, censusPathStarts(descentPaths(objective, inits, 0.5, 400, 6)));
  return { objective, starts };
}

describe('census shares', () => {
  test('interleaved shares tile the starts', () => {
    expect([0, 1, 2].map((k) => censusShare(7, 3, k))).toEqual([[0, 3, 6], [1, 4], [2, 5]]);
    expect(censusShare(2, 4, 3)).toEqual([]);
  });

  const { objective, starts } = setup();
  const oneShot = criticalPointCensus(objective, starts);

  test('the one-shot census has duplicates to merge (the test can fail)', () => {
    if (!oneShot.ok) throw new Error(oneShot.error);
    expect(starts.length).toBe(36);
    expect(oneShot.value.distinct).toBeGreaterThan(2);
    expect(oneShot.value.points.some((p) => p.hits > 1 && p.firstStart % 2 !== 1)).toBe(true);
  });

  test.each([1, 2, 3])('%i shares solved apart and merged == the one-shot census', (k) => {
    const answers = Array.from({ length: k }, (_, w) => solveStarts(objective, starts, censusShare(starts.length, k, w), CENSUS_DEFAULTS));
    // the shares arrive in any order: last share first
    const merged = mergeCensus(answers.reverse().flat(), startCounts(starts), CENSUS_DEFAULTS);
    expect(merged).toEqual(oneShot);
  }, 30_000);

  test('a merge missing a start, or with one twice, is an error', () => {
    const few = starts.slice(0, 4);
    const solved = solveStarts(objective, few, [0, 1, 2, 3], CENSUS_DEFAULTS);
    const counts = startCounts(few);
    expect(mergeCensus(solved.slice(1), counts)).toEqual({ ok: false, error: 'the census has answers for 3 of its 4 starts' });
    expect(mergeCensus([...solved.slice(1), solved[1]], counts)).toEqual({ ok: false, error: "the census's answers do not cover its 4 starts once each (start 1)" });
    expect(mergeCensus(solved, counts).ok).toBe(true);
  });
});
