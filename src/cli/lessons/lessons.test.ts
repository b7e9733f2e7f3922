// Every lesson runs what it says: each step's link decodes with no rejected field (and is the
// encoder's canonical form, so the app opens it unchanged), runs through the CLI's engines, and
// bears out every claim. And the checker can fail: false claims are rejected with a reason.
import { describe, expect, test } from 'vitest';
import { decodeExperimentDetailed, encodeExperiment } from '../../experiment/link';
import { LESSONS } from '../../lessons';
import { checkClaim, type LessonStepResult } from './checkClaim';
import { checkLesson, runLessonStep } from './runLesson';
import type { Claim, Expectation } from '../../lessons/types';

describe('the lessons', () => {
  test('at least 10, with unique ids, 1 to 4 steps each, every step claimed, every claim on a step and run that exist', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(lesson.title.length, lesson.id).toBeGreaterThan(0);
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(1);
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(4);
      lesson.steps.forEach((step, i) => {
        expect(step.text.length, `${lesson.id} step ${i}`).toBeGreaterThan(40);
        expect(lesson.claims.some((c) => c.step === i), `${lesson.id} step ${i} has a claim`).toBe(true);
      });
      for (const claim of lesson.claims) {
        // As the verdict: a kind is a claim about a critical point, so only at an eps-stationary stop.
        if (claim.expect.kind) expect(claim.expect.reason, `${lesson.id}: ${JSON.stringify(claim)}`).toBe('gradTol');
        const runs = decodeExperimentDetailed(lesson.steps[claim.step]?.link ?? '').experiment.runs;
        expect(claim.run, `${lesson.id}: ${JSON.stringify(claim)}`).toBeLessThan(runs.length);
      }
    }
  });

  test('are plain data: JSON round-trips them unchanged (the CLI prints them)', () => {
    expect(JSON.parse(JSON.stringify(LESSONS))).toEqual(LESSONS);
  });

  const steps = LESSONS.flatMap((lesson) => lesson.steps.map((step, i) => ({ name: `${lesson.id} step ${i}`, link: step.link })));
  test.each(steps)('$name: the link decodes with no rejected field and is canonical', ({ link }) => {
    const decoded = decodeExperimentDetailed(link);
    expect(decoded.problems).toEqual([]);
    expect(encodeExperiment(decoded.experiment)).toBe(link);
  });

  test.each(LESSONS.map((lesson) => ({ id: lesson.id, lesson })))('$id: every claim holds on the engine', ({ lesson }) => {
    const outcomes = checkLesson(lesson);
    const failed = outcomes.filter((o) => !o.ok).map((o) => `step ${o.claim.step} run ${o.claim.run}: ${o.detail}`);
    expect(failed).toEqual([]);
    expect(outcomes).toHaveLength(lesson.claims.length);
  });
});

describe('checkClaim can fail', () => {
  // GD on the double well from (1.5, 0): eps-stationary at the saddle at step 92.
  const run = runLessonStep('v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0&steps=2000&tol=0.0001&seed=0', { criticalPoints: true });
  if (!run.ok) throw new Error(run.error);
  const result: LessonStepResult = run.value;
  const claim = (expect: Expectation, on = 0): Claim => ({ step: 0, run: on, expect });

  test('the true claim holds', () => {
    const ok = checkClaim(result, claim({ reason: 'gradTol', kind: 'saddle', minSteps: 92, maxSteps: 92, endsNear: [0, 0], fAbove: 0.24, criticalPointCounts: { minimum: 2, saddle: 1 } }));
    expect(ok).toEqual({ ok: true, detail: expect.stringContaining('stopped by gradTol') });
  });

  const FALSE: [string, Expectation, RegExp][] = [
    ['reason', { reason: 'maxSteps' }, /stopped by gradTol \(expected maxSteps\)/],
    ['kind', { kind: 'minimum' }, /kind is saddle \(expected minimum\)/],
    ['minSteps', { minSteps: 93 }, /step 92 \(expected >= 93\)/],
    ['maxSteps', { maxSteps: 91 }, /step 92 \(expected <= 91\)/],
    ['fBelow', { fBelow: 1e-6 }, /f = 0\.25 at the stop \(expected < 1e-6\)/],
    ['fAbove', { fAbove: 0.26 }, /expected > 0\.26/],
    ['endsNear', { endsNear: [0, 1] }, /from \(0, 1\)/],
    ['within without endsNear', { reason: 'gradTol', within: 1 }, /"within" qualifies "endsNear"/],
    ['fasterThan itself', { fasterThan: { run: 0 } }, /this run gradTol at step 92, run 0 gradTol at step 92/],
    ['fasterThan a missing run', { fasterThan: { run: 3 } }, /no run 3/],
    ['perturbations', { perturbations: { min: 1 } }, /0 perturbations \(expected >= 1\)/],
    ['xAbove', { xAbove: 1.5 }, /largest x is 1\.5/],
    ['fRises', { fRises: { min: 1 } }, /f rose at 0 steps/],
    ['leavesBall (ends inside)', { leavesBall: { center: [0, 0], radius: 0.5, minStep: 0, maxStep: 1000 } }, /ends inside/],
    ['leavesBall (never entered)', { leavesBall: { center: [0, 1], radius: 0.5, minStep: 0, maxStep: 1000 } }, /never entered/],
    ['stepLengthRatio', { stepLengthRatio: { from: 0, to: 10, min: 0.5 } }, /length of step 10 \/ length of step 0 = 0\.3487/],
    ['stepLengthRatio past the end', { stepLengthRatio: { from: 0, to: 500, min: 0 } }, /= NaN/],
    ['gradNormRises', { gradNormRises: { factor: 1.01 } }, /never grew/],
    ['heldOutTurnsUp on a surface', { heldOutTurnsUp: { minRise: 0 } }, /no held-out loss/],
    ['criticalPointCounts', { criticalPointCounts: { saddle: 2 } }, /found 1 saddle \(expected 2 saddle\)/],
    ['one false among true', { reason: 'gradTol', kind: 'maximum' }, /expected maximum/],
    ['nothing', {}, /expects nothing/],
    ['an unknown key', { fLess: 1 } as Expectation, /unknown expectation "fLess"/],
  ];
  test.each(FALSE)('%s', (_name, expectation, detail) => {
    const check = checkClaim(result, claim(expectation));
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(detail);
  });

  test('a claim on a run that does not exist', () => {
    expect(checkClaim(result, claim({ reason: 'gradTol' }, 1))).toEqual({ ok: false, detail: 'step 0 has no run 1' });
  });

  test('critical points not searched', () => {
    expect(checkClaim({ runs: result.runs }, claim({ criticalPointCounts: { saddle: 1 } })).ok).toBe(false);
  });

  test('a lesson whose link has a rejected field, or whose claim points past its steps, fails', () => {
    const bad = checkLesson({
      id: 'bad',
      title: 'bad',
      steps: [{ link: 'v=1&surface=doubleWell&r0=sgd,lr:-1&steps=10', text: '' }],
      claims: [
        { step: 0, run: 0, expect: { reason: 'maxSteps' } },
        { step: 1, run: 0, expect: { reason: 'maxSteps' } },
      ],
    });
    expect(bad.map((o) => o.ok)).toEqual([false, false]);
    expect(bad[0].detail).toMatch(/rejected fields: runs\[0\]\.params\.lr/);
    expect(bad[1].detail).toBe('the lesson has no step 1');
  });
});

describe('heldOutTurnsUp and gradNormRises on hand-made series', () => {
  const net = (f: number[], gradNorm: number[], heldOutLoss: number[]): LessonStepResult => ({
    runs: [{ points: [], f, gradNorm, heldOutLoss, stop: { reason: 'maxSteps', step: f.length - 1, kind: null, hessianEigenvalues: null } }],
  });
  const on = (r: LessonStepResult, e: Expectation) => checkClaim(r, { step: 0, run: 0, expect: e });

  test('held-out loss least at step 2, then up 50%, training still falling', () => {
    const r = net([1, 0.8, 0.6, 0.4, 0.2], [1, 1, 1, 1, 1], [1, 0.7, 0.6, 0.8, 0.9]);
    expect(on(r, { heldOutTurnsUp: { minRise: 0.5, minStep: 2, maxStep: 2 } }).ok).toBe(true);
    expect(on(r, { heldOutTurnsUp: { minRise: 0.6 } }).ok).toBe(false);
    expect(on(r, { heldOutTurnsUp: { minRise: 0.5, minStep: 3 } }).ok).toBe(false);
    // training loss no longer falling: not the claim
    expect(on(net([1, 0.8, 0.6, 0.7, 0.7], [1, 1, 1, 1, 1], [1, 0.7, 0.6, 0.8, 0.9]), { heldOutTurnsUp: { minRise: 0.1 } }).ok).toBe(false);
    // least at the end: it did not turn up
    expect(on(net([1, 0.8, 0.6], [1, 1, 1], [1, 0.7, 0.6]), { heldOutTurnsUp: { minRise: 0 } }).ok).toBe(false);
  });

  test('the gradient grows 4x while the loss falls; a rise while the loss rises does not count', () => {
    expect(on(net([1, 0.9, 0.8, 0.7], [0.5, 0.1, 0.2, 0.4], [1, 1, 1, 1]), { gradNormRises: { factor: 4 } })).toEqual({
      ok: true,
      detail: expect.stringContaining('grew 4x from step 1 to 3'),
    });
    expect(on(net([1, 0.9, 1.2, 1.3], [0.5, 0.1, 0.2, 0.4], [1, 1, 1, 1]), { gradNormRises: { factor: 1.5 } }).ok).toBe(false);
  });
});
