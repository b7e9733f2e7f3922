// The escape-time job: each seed is the explorer's run with that seed (bit for bit), the ball is
// found as documented, the escape step follows the stated rule, and the statistics are the
// stated quartiles.
import { describe, expect, test } from 'vitest';
import { decodeExperiment } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import { collectResults, createEngine } from '../optim/engine';
import { buildEscapeJob, escapeSweepValues, randomnessOf, seedAt, withKnob, type EscapeJob } from './escapeJob';
import { BallWatch, EscapeRunner, runEscapeJob } from './escapeRun';
import { quantile, quartiles, stepHistogram, summarizeEscapes } from './escapeStats';

// The perturbations lesson's runs: GD, pgd, noisySgd, GD + gradient noise from (1.5, 0) on the double well.
const LINK =
  'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0&r1=pgd,lr:0.1,radius:0.1,gThreshold:0.001,tThreshold:200,start:1.5;0' +
  '&r2=noisySgd,lr:0.1,sigma:0.01,start:1.5;0&r3=sgd,lr:0.1,start:1.5;0,noise:0.01&steps=3000&tol=0.0001&seed=5';
const exp = decodeExperiment(LINK).experiment;

function job(run: number, seeds = 20, radius: number | null = null): EscapeJob {
  const built = buildEscapeJob(exp, { run, seeds, radius });
  if (!built.ok) throw new Error(built.message);
  return built.job;
}

describe('buildEscapeJob', () => {
  test('the ball: the critical point nearest the start (the saddle), radius min(window / 10, half the way to the minima)', () => {
    expect(job(1).ball).toEqual({ center: { x: 0, y: 0, kind: 'saddle', f: 0.25 }, radius: 0.4, radiusFrom: 'default' });
    // a narrower window: a tenth of 1.5
    const narrow: Experiment = { ...exp, view: { x: [-1, 1], y: [-0.5, 1] } };
    const built = buildEscapeJob(narrow, { run: 1, seeds: 1, radius: null });
    expect(built.ok && built.job.ball.radius).toBeCloseTo(0.15, 12);
    expect(job(1, 1, 0.25).ball).toMatchObject({ radius: 0.25, radiusFrom: 'given' });
  });

  test('the randomness of each run, and a run without any is refused with the runs that have some', () => {
    expect(exp.runs.map(randomnessOf).map((r) => r && [r.param, r.value])).toEqual([null, ['radius', 0.1], ['sigma', 0.01], ['gradNoise', 0.01]]);
    expect(buildEscapeJob(exp, { run: 0, seeds: 10, radius: null })).toEqual({
      ok: false,
      message: 'run 1 has no randomness (use pgd, noisySgd or gradient noise > 0): every seed gives the same path; runs 2, 3, 4 have randomness',
    });
    expect(buildEscapeJob(exp, { run: 5, seeds: 10, radius: null })).toEqual({ ok: false, message: 'the experiment has no run 6' });
    // no run given: the first run with randomness
    const auto = buildEscapeJob(exp, { run: null, seeds: 10, radius: null });
    expect(auto.ok && auto.job.run).toBe(1);
    const plain = decodeExperiment('v=1&surface=doubleWell&r0=sgd,lr:0.1&r1=pgd,lr:0.1,radius:0&steps=100&tol=0.0001&seed=0').experiment;
    expect(buildEscapeJob(plain, { run: null, seeds: 10, radius: null })).toEqual({
      ok: false,
      message: 'no run has randomness (use pgd, noisySgd or gradient noise > 0): every seed would give the same path',
    });
    const net = decodeExperiment('v=1&data=xor&samples=200&noise=0.1&hidden=4&act=tanh&batch=0&r0=sgd,lr:0.5,noise:0.1&steps=300&tol=0.0001&seed=0').experiment;
    expect(buildEscapeJob(net, { run: 0, seeds: 10, radius: null })).toEqual({ ok: false, message: 'escape times need a surface problem' });
  });

  test('the sweep: the knob times 10^-1 .. 10^1, seven values, the ball unchanged', () => {
    const values = escapeSweepValues(job(2));
    expect(values).toHaveLength(7);
    expect(values[0]).toBeCloseTo(0.001, 15);
    expect(values[3]).toBeCloseTo(0.01, 15);
    expect(values[6]).toBeCloseTo(0.1, 15);
    const j = withKnob(job(2), values[6], 5);
    expect(j.experiment.runs[2].params?.sigma).toBe(values[6]);
    expect(exp.runs[2].params?.sigma).toBe(0.01); // the experiment itself is untouched
    expect(j.ball).toEqual(job(2).ball);
    expect(withKnob(job(3), 0.5, 5).experiment.runs[3].gradNoise).toBe(0.5);
  });
});

describe('the runs', () => {
  test.each([1, 2, 3])('run %i: seed s is the explorer run of that seed, point for point; its escape by the rule', (run) => {
    const j = job(run, 3);
    const results = runEscapeJob(j);
    results.forEach((r, i) => {
      expect(r.seed).toBe(seedAt(j, i));
      const single = { ...exp, seed: r.seed };
      const built = createEngine(single);
      if (!built.ok) throw new Error('engine');
      const path = collectResults(single, built.engine)[run];
      expect(r.stop).toBe(path.stop.step);
      expect(r.reason).toBe(path.stop.reason);
      const inside = path.points.map(([x, y]) => Math.hypot(x, y) <= 0.4);
      const last = inside.lastIndexOf(true);
      expect(r.escape).toBe(last >= 0 && last < inside.length - 1 ? last + 1 : null);
    });
  });

  test('the same results whatever the step budget per advance', () => {
    const whole = runEscapeJob(job(3, 12));
    const runner = new EscapeRunner(job(3, 12));
    let progress = 0;
    while (!runner.done) {
      runner.advance(37);
      expect(runner.progress).toBeGreaterThanOrEqual(progress);
      progress = runner.progress;
    }
    expect(runner.results).toEqual(whole);
    expect(progress).toBe(1);
  });

  test('pgd escapes the saddle after its kick in every seed; the seeds differ', () => {
    const s = summarizeEscapes(runEscapeJob(job(1, 50)));
    expect(s.escaped).toBe(50);
    expect(s.escape && s.escape.min < s.escape.max).toBe(true);
  });
});

describe('BallWatch', () => {
  const watch = (points: [number, number][], chunk = 2) => {
    const w = new BallWatch(0, 0, 1);
    for (let i = 0; i < points.length; i += chunk) w.see(i, Float64Array.from(points.slice(i, i + chunk).flat()));
    return { escape: w.escape, entered: w.entered };
  };
  test('leaves for good: the first step after the last point inside', () => {
    expect(watch([[3, 0], [0.5, 0], [2, 0], [0.9, 0], [1.5, 0], [4, 0]])).toEqual({ escape: 4, entered: true });
    expect(watch([[0, 0], [1, 0], [1.0001, 0]], 1)).toEqual({ escape: 2, entered: true });
  });
  test('ends inside, or never comes in: no escape', () => {
    expect(watch([[3, 0], [0.5, 0]])).toEqual({ escape: null, entered: true });
    expect(watch([[3, 0], [2, 0], [1.5, 0]])).toEqual({ escape: null, entered: false });
  });
});

describe('statistics', () => {
  test('quartiles interpolate between order statistics (numpy default)', () => {
    expect(quartiles([4, 1, 3, 2])).toEqual({ n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(quartiles([7])).toEqual({ n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7 });
    expect(quartiles([])).toBeNull();
    expect(quantile([0, 10], 0.3)).toBeCloseTo(3, 15);
  });

  test('histogram of whole steps: equal bins, every value counted once', () => {
    expect(stepHistogram([10, 11, 12, 12, 15], 3)).toEqual({ edges: [10, 12, 14, 16], counts: [2, 2, 1] });
    expect(stepHistogram([5, 5, 5], 30)).toEqual({ edges: [5, 6], counts: [3] });
    expect(stepHistogram([])).toEqual({ edges: [], counts: [] });
    const many = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 611);
    const h = stepHistogram(many, 30);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(h.counts.length).toBeLessThanOrEqual(30);
  });

  test('the summary counts escaped, stayed and never entered', () => {
    const s = summarizeEscapes([
      { seed: 0, escape: 10, entered: true, stop: 50, reason: 'gradTol' },
      { seed: 1, escape: null, entered: true, stop: 100, reason: 'maxSteps' },
      { seed: 2, escape: null, entered: false, stop: 30, reason: 'gradTol' },
    ]);
    expect(s).toMatchObject({ seeds: 3, escaped: 1, stayed: 1, neverEntered: 1, reasons: { gradTol: 2, maxSteps: 1, diverged: 0 } });
    expect(s.escape?.median).toBe(10);
    expect(s.stop?.median).toBe(50);
  });
});
