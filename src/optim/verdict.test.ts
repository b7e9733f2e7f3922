// The surface verdict names a critical-point kind only at an eps-stationary point; elsewhere it
// says the gradient's size and the Hessian's form, with the bound that counts an eigenvalue as 0.
import { describe, expect, test } from 'vitest';
import type { Experiment, PointKind, RunStop } from '../experiment/types';
import { classifyEigenvalues, DEGENERATE_TOL } from '../surfaces/classify';
import { collectResults, createEngine } from './engine';
import { describeStop, surfaceZeroBound } from './verdict';

/** One Hessian per kind (eigenvalues ascending), and a point where H is not finite. */
const HESSIANS: { kind: PointKind | null; eig: [number, number] | null; form: string }[] = [
  { kind: 'minimum', eig: [0.5, 2], form: 'the Hessian here is positive definite (lambda = 0.5, 2)' },
  { kind: 'saddle', eig: [-1, 1], form: 'the Hessian here is indefinite (lambda = -1, 1)' },
  { kind: 'maximum', eig: [-3, -0.25], form: 'the Hessian here is negative definite (lambda = -3, -0.25)' },
  { kind: 'degenerate', eig: [1e-12, 4], form: 'the Hessian here is singular (an eigenvalue within 4e-8 of 0) (lambda = 1e-12, 4)' },
  { kind: null, eig: null, form: 'the Hessian here is not finite' },
];
const stopAt = (reason: RunStop['reason'], h: (typeof HESSIANS)[number], message?: string): RunStop => ({
  reason,
  step: 120,
  kind: h.kind,
  hessianEigenvalues: h.eig,
  ...(message ? { message } : {}),
});
const KIND_WORDS = /minimum|saddle|maximum|degenerate point/;

describe('describeStop, each reason x each Hessian', () => {
  test.each(HESSIANS)('gradTol names the kind ($kind)', (h) => {
    const text = describeStop(stopAt('gradTol', h), 1e-4, 3e-5);
    const expected = {
      minimum: '||grad f|| <= 1e-4 at step 120, at a minimum (lambda = 0.5, 2)',
      saddle: '||grad f|| <= 1e-4 at step 120, at a saddle (lambda = -1, 1)',
      maximum: '||grad f|| <= 1e-4 at step 120, at a maximum (lambda = -3, -0.25)',
      degenerate: '||grad f|| <= 1e-4 at step 120, at a degenerate point (lambda = 1e-12, 4; |lambda| <= 4e-8 counts as 0)',
      null: '||grad f|| <= 1e-4 at step 120, where the Hessian is not finite',
    }[String(h.kind)];
    expect(text).toBe(expected);
  });

  test.each(HESSIANS)('maxSteps names no kind, says the gradient and the Hessian form ($kind)', (h) => {
    const text = describeStop(stopAt('maxSteps', h), 1e-4, 0.005);
    expect(text).toBe(`no eps-stationary point within 120 steps: not stationary (||grad f|| = 0.005 > eps = 1e-4); ${h.form}`);
    expect(text).not.toMatch(KIND_WORDS);
  });

  test.each(HESSIANS)('maxSteps with eps = 0 says the test was off ($kind)', (h) => {
    expect(describeStop(stopAt('maxSteps', h), 0, 0.25)).toBe(`stopped at step 120 (eps = 0: no gradient test): not stationary (||grad f|| = 0.25 > eps = 0); ${h.form}`);
  });

  test('maxSteps with eps = 0 at an exact critical point names its kind', () => {
    expect(describeStop(stopAt('maxSteps', HESSIANS[1]), 0, 0)).toBe('stopped at step 120 (eps = 0: no gradient test); ||grad f|| = 0 there, at a saddle (lambda = -1, 1)');
  });

  test.each(HESSIANS)('diverged says its message, or the step ($kind)', (h) => {
    expect(describeStop(stopAt('diverged', h, 'diverged at step 7: the step went far'), 1e-4, 1)).toBe('diverged at step 7: the step went far');
    expect(describeStop(stopAt('diverged', h), 1e-4, 1)).toBe('diverged at step 120');
  });
});

describe('the zero bound stated in the verdict is the classifier’s', () => {
  // A small eigenvalue next to a large one b: just inside the stated bound the classifier says
  // degenerate, just outside it does not, for either sign of either eigenvalue.
  const sorted = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [b, a]);
  test.each([1, 0.5, 3e3, 7e5, -4e6, -1, 1e-3])('next to %d', (b) => {
    const zero = surfaceZeroBound(sorted(0, b));
    expect(zero).toBe(DEGENERATE_TOL * Math.max(1, Math.abs(b)));
    for (const sign of [1, -1]) {
      expect(surfaceZeroBound(sorted(sign * zero * 0.999, b))).toBe(zero);
      expect(classifyEigenvalues(sorted(sign * zero * 0.999, b))).toBe('degenerate');
      expect(classifyEigenvalues(sorted(sign * zero * 1.001, b))).not.toBe('degenerate');
    }
  });
});

describe('on the engine: doubleWell from (1.5, 0), whose saddle is at the origin', () => {
  const run = (maxSteps: number) => {
    const exp: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1.5, 0] }], stop: { maxSteps, gradTol: 1e-4 }, seed: 0 };
    const built = createEngine(exp);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const [r] = collectResults(exp, built.engine);
    return describeStop(r.stop, exp.stop.gradTol, r.gradNorm.at(-1)!);
  };
  test('stopped by maxSteps far from the saddle, the run is not called a saddle', () => {
    const text = run(10);
    expect(text).toMatch(/^no eps-stationary point within 10 steps: not stationary \(\|\|grad f\|\| = 0\.523 > eps = 1e-4\); the Hessian here is indefinite/);
    expect(text).not.toMatch(KIND_WORDS);
  });
  test('eps-stationary at the saddle, it is', () => {
    expect(run(1000)).toMatch(/^\|\|grad f\|\| <= 1e-4 at step \d+, at a saddle \(lambda = -1, 1\)$/);
  });
});
