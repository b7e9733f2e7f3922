// escapeVsDim cut into jobs (the app's worker pool runs them): whatever the block size and the
// order the answers come in, the merged figure is the sequential one, byte for byte; a refusal is
// the one the sequential run meets first; a gap or an overlap is refused.
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/types';
import { escapeJobs, escapeVsDim, mergeEscapeJobs, runEscapeJob, type EscapeOptions } from './escape';

const exp: Experiment = {
  v: 1,
  problem: { kind: 'function', id: 'saddleChain', dim: 10 },
  runs: [
    { optimizer: 'sgd', params: { lr: 0.05 }, startRadius: 1e-3 },
    { optimizer: 'pgd', params: { lr: 0.05 } },
  ],
  stop: { maxSteps: 3000, gradTol: 0 },
  // near the top of the seed range: seeds wrap to 0 inside the figure
  seed: 0xffff_fffd,
};
const opts: EscapeOptions = { dims: [2, 7, 7, 40], seeds: 6, radius: 0.5, saddle: 'last' };

/** A deterministic shuffle (the answers of a pool come in any order). */
const shuffled = <T>(xs: T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

describe('escapeVsDim in jobs', () => {
  const whole = escapeVsDim(exp, opts);

  it('the jobs tile every (dimension, seed) once, in order', () => {
    expect(escapeJobs(opts, 4).map((j) => [j.dimIndex, j.from, j.count])).toEqual([0, 1, 2, 3].flatMap((d) => [[d, 0, 4], [d, 4, 2]]));
    expect(escapeJobs(opts)).toHaveLength(4);
    expect(escapeJobs({ dims: [3], seeds: 2 }, 0)).toEqual([{ dimIndex: 0, from: 0, count: 1 }, { dimIndex: 0, from: 1, count: 1 }]);
  });

  it.each([1, 2, 5, 6])('blocks of %i seeds, answers in any order: the sequential figure exactly', (block) => {
    expect(whole.ok).toBe(true);
    const answers = escapeJobs(opts, block).map((job) => runEscapeJob(exp, opts, job));
    for (const seed of [1, 2, 3]) expect(JSON.stringify(mergeEscapeJobs(exp, opts, shuffled(answers, seed)))).toBe(JSON.stringify(whole));
  });

  it('counts each seed as it ends', () => {
    let seeds = 0;
    runEscapeJob(exp, opts, { dimIndex: 1, from: 2, count: 3 }, () => seeds++);
    expect(seeds).toBe(3);
  });

  it('a missing or doubled seed is refused, not merged', () => {
    const answers = escapeJobs(opts, 3).map((job) => runEscapeJob(exp, opts, job));
    const gap = { ok: false, error: 'the escape jobs do not answer every dimension and seed once' };
    expect(mergeEscapeJobs(exp, opts, answers.slice(1))).toEqual(gap);
    expect(mergeEscapeJobs(exp, opts, [...answers, answers[2]])).toEqual(gap);
  });

  it('the first refusal in job order is the sequential one', () => {
    // strictSaddle with k = 2 names a maximum, not a saddle, at d = 2; k > d is refused at d = 2 too.
    const bad: Experiment = { ...exp, problem: { kind: 'function', id: 'strictSaddle', dim: 10, params: { k: 2 } } };
    const o: EscapeOptions = { ...opts, dims: [10, 2, 1] };
    const sequential = escapeVsDim(bad, o);
    expect(sequential).toEqual({ ok: false, error: 'strictSaddle names no saddle to escape from' });
    const answers = escapeJobs(o, 2).flatMap((job) => (job.dimIndex < 2 ? [runEscapeJob(bad, o, job)] : []));
    expect(mergeEscapeJobs(bad, o, answers)).toEqual(sequential);
    expect(runEscapeJob(bad, { ...o, dims: [1] }, { dimIndex: 0, from: 0, count: 1 })).toEqual({ ok: false, error: 'at d = 1: problem: strictSaddle: dimension must be an integer in [2, 1000], got 1' });
    const fixed = { ...exp, runs: [{ optimizer: 'sgd' as const, start: [0, 0] }] };
    expect(mergeEscapeJobs(fixed, opts, [])).toEqual(escapeVsDim(fixed, opts));
  });
});
