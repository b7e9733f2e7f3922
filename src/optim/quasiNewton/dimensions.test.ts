// The methods in any dimension: a 6-dimensional convex quadratic f = (x - c)'A(x - c) / 2
// (A = M'M + I, condition number about 5.7), from the origin. Written about its minimum, f is
// small there, so its rounding does not hide the decrease the line search looks for.
import { describe, expect, it } from 'vitest';
import { Bfgs } from './bfgs';
import { ConjugateGradient } from './cg';
import { minimize } from './fixtures.testutil';
import { Lbfgs } from './lbfgs';
import type { LineSearchMethod } from './types';

const N = 6;
const M = Array.from({ length: N * N }, (_, k) => ((k * 7919) % 13) / 6.5 - 1); // fixed, not random
const A = new Float64Array(N * N);
for (let i = 0; i < N; i++) {
  for (let j = 0; j < N; j++) {
    let v = i === j ? 1 : 0;
    for (let k = 0; k < N; k++) v += M[k * N + i] * M[k * N + j];
    A[i * N + j] = v;
  }
}
const c = Float64Array.from({ length: N }, (_, i) => i - 2.5);

function quadratic() {
  const g = new Float64Array(N);
  return (x: Float64Array) => {
    let f = 0;
    for (let i = 0; i < N; i++) {
      let v = 0;
      for (let j = 0; j < N; j++) v += A[i * N + j] * (x[j] - c[j]);
      g[i] = v;
      f += 0.5 * (x[i] - c[i]) * v;
    }
    return { f, g };
  };
}

const METHODS: [string, () => LineSearchMethod][] = [
  ['L-BFGS, strong Wolfe', () => new Lbfgs(N, { lineSearch: 'strongWolfe' })],
  ['L-BFGS, history 2, strong Wolfe', () => new Lbfgs(N, { lineSearch: 'strongWolfe', historySize: 2 })],
  ['BFGS', () => new Bfgs(N)],
  ['CG Fletcher-Reeves', () => new ConjugateGradient(N, { beta: 'fletcherReeves' })],
  ['CG Polak-Ribiere+', () => new ConjugateGradient(N)],
  ['CG Hestenes-Stiefel', () => new ConjugateGradient(N, { beta: 'hestenesStiefel' })],
];

describe('in 6 dimensions', () => {
  it.each(METHODS)('%s reaches ||grad f|| <= 1e-8', (_name, make) => {
    const x = new Float64Array(N);
    // measured steps: L-BFGS 13, with history 2 22, BFGS 15, CG 6 (= n) for every beta
    const { gradNorms } = minimize(make(), quadratic(), x, 40, 1e-8);
    expect(gradNorms[0]).toBeGreaterThan(1);
    expect(Math.min(...gradNorms)).toBeLessThanOrEqual(1e-8);
  });
});

describe("g may be the evaluator's own buffer", () => {
  it.each(METHODS)('%s takes the same steps with g aliased', (_name, make) => {
    const run = (alias: boolean) => {
      const evaluate = quadratic();
      const method = make();
      const x = new Float64Array(N);
      const points: number[] = [];
      for (let k = 0; k < 8; k++) {
        const at = evaluate(x);
        method.step(x, alias ? at.g : Float64Array.from(at.g), at.f, evaluate);
        points.push(...x);
      }
      return points;
    };
    expect(run(true)).toEqual(run(false));
  });
});

describe('one result object per method', () => {
  it.each(METHODS)('%s overwrites its result at each step (allocating none)', (_name, make) => {
    const evaluate = quadratic();
    const method = make();
    const x = new Float64Array(N);
    const at = evaluate(x);
    const first = method.step(x, Float64Array.from(at.g), at.f, evaluate);
    const kept = { ...first };
    const next = evaluate(x);
    const second = method.step(x, Float64Array.from(next.g), next.f, evaluate);
    expect(second).toBe(first);
    expect(second.t).not.toBe(kept.t); // the first step's t is gone: copy what you keep
  });
});
