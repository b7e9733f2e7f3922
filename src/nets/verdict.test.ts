// The network verdict names a kind only at an eps-stationary point; a run stopped by maxSteps
// gets the gradient's size and the Hessian's form, and the zero bound is stated where it decides.
import { describe, expect, test } from 'vitest';
import type { PointKind, RunStop } from '../experiment/types';
import { collectNetworkResults, createNetworkEngine } from './engine';
import { networkExperiment } from './testNets';
import { classifyExtremes, lanczosNote, NET_ZERO_TOL, netZeroBound, networkVerdict } from './verdict';

const HESSIANS: { kind: PointKind | null; eig: [number, number] | null }[] = [
  { kind: 'minimum', eig: [0.01, 2] },
  { kind: 'saddle', eig: [-2.2e-4, 0.42] },
  { kind: 'maximum', eig: [-3, -0.5] },
  { kind: 'degenerate', eig: [1e-9, 0.42] },
  { kind: null, eig: null },
];
const stopAt = (reason: RunStop['reason'], h: (typeof HESSIANS)[number]) => ({ reason, step: 300, kind: h.kind, hessianEigenvalues: h.eig });
const KIND_WORDS = /minimum|saddle|maximum|degenerate/;

describe('networkVerdict, each reason x each Hessian', () => {
  test.each(HESSIANS)('gradTol names the kind ($kind)', (h) => {
    const expected = {
      minimum: '||grad L|| = 5e-7 <= eps = 1e-6 at step 300, lambda_min = 0.01, lambda_max = 2: a minimum',
      saddle: '||grad L|| = 5e-7 <= eps = 1e-6 at step 300, lambda_min = -2.2e-4, lambda_max = 0.42: a saddle',
      maximum: '||grad L|| = 5e-7 <= eps = 1e-6 at step 300, lambda_min = -3, lambda_max = -0.5: a maximum',
      degenerate: '||grad L|| = 5e-7 <= eps = 1e-6 at step 300, lambda_min = 1e-9, lambda_max = 0.42: degenerate (|lambda| <= 4.2e-6 counts as 0: the second-order test says nothing)',
      null: '||grad L|| = 5e-7 <= eps = 1e-6 at step 300, the Hessian could not be evaluated there',
    }[String(h.kind)];
    expect(networkVerdict(stopAt('gradTol', h), 5e-7, 1e-6)).toBe(expected);
  });

  test.each(HESSIANS)('maxSteps names no kind ($kind)', (h) => {
    const form = {
      minimum: 'at the last point lambda_min = 0.01, lambda_max = 2: the Hessian is positive definite',
      saddle: 'at the last point lambda_min = -2.2e-4, lambda_max = 0.42: the Hessian is indefinite',
      maximum: 'at the last point lambda_min = -3, lambda_max = -0.5: the Hessian is negative definite',
      degenerate: 'at the last point lambda_min = 1e-9, lambda_max = 0.42: the Hessian is singular (an eigenvalue within 4.2e-6 of 0)',
      null: 'the Hessian could not be evaluated at the last point',
    }[String(h.kind)];
    const text = networkVerdict(stopAt('maxSteps', h), 0.005, 1e-4);
    expect(text).toBe(`no eps-stationary point within 300 steps: not stationary (||grad L|| = 0.005 > eps = 1e-4); ${form}`);
    expect(text).not.toMatch(KIND_WORDS);
    expect(networkVerdict(stopAt('maxSteps', h), 0.005, 0)).toBe(`stopped at step 300 (eps = 0: no gradient test): not stationary (||grad L|| = 0.005 > eps = 0); ${form}`);
  });

  test.each(HESSIANS)('diverged says the step ($kind)', (h) => {
    expect(networkVerdict(stopAt('diverged', h), 1, 1e-4)).toBe('diverged at step 301');
  });
});

test('the stated zero bound is the one classifyExtremes uses', () => {
  for (const big of [0.42, -3, 1e4]) {
    const zero = netZeroBound(0, big);
    expect(zero).toBe(NET_ZERO_TOL * Math.abs(big));
    const pair = (small: number): [number, number] => (small <= big ? [small, big] : [big, small]);
    for (const sign of [1, -1]) {
      expect(classifyExtremes(...pair(sign * zero * 0.999))).toBe('degenerate');
      expect(classifyExtremes(...pair(sign * zero * 1.001))).not.toBe('degenerate');
    }
  }
});

test('on the engine: training cut short by maxSteps is not called a saddle or a minimum', () => {
  const exp = networkExperiment({}, [{ optimizer: 'sgd', params: { lr: 0.1 } }], { maxSteps: 30, gradTol: 1e-4 });
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const [r] = collectNetworkResults(exp, built.engine);
  expect(r.stop.reason).toBe('maxSteps');
  expect(r.stop.message).toMatch(/^no eps-stationary point within 30 steps: not stationary \(\|\|grad L\|\| = .* > eps = 1e-4\); at the last point lambda_min = .*, lambda_max = .*: the Hessian is /);
  expect(r.stop.message).not.toMatch(KIND_WORDS);
});

describe('the note of an unconverged Lanczos check', () => {
  test('states both residuals ||H v - lambda v|| and what they bound', () => {
    expect(lanczosNote(8, [0.05428, 3.96e-4])).toBe(
      ' (Lanczos did not converge in 8 Hessian-vector products: ||H v - lambda v|| = 0.05428 for the lambda_min estimate and 3.96e-4 for the lambda_max estimate, so an eigenvalue of H lies within each of its estimate; lambda_min may be lower and lambda_max higher)',
    );
    expect(lanczosNote(8, undefined)).toBe(' (Lanczos did not converge in 8 Hessian-vector products; lambda_min may be lower and lambda_max higher)');
  });
});
