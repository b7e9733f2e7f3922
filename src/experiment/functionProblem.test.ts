// Function problems in the Experiment: the schema's fields and limits, the rules between the
// problem and its runs' starts, the link fields (fn, dim, fp, a run's srad and d-number start)
// and the size of the largest experiment in a link and in a JSON file.
import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment, exportExperimentJson, importExperimentJson, MAX_JSON_LENGTH, MAX_LINK_LENGTH } from './link';
import { LIMITS } from './limits';
import { parseExperiment } from './parse';
import type { Experiment, FunctionProblem, Run } from './types';

const saddle: FunctionProblem = { kind: 'function', id: 'strictSaddle', dim: 100, params: { k: 3 } };
const exp = (problem: Experiment['problem'], runs: Run[], extra: Partial<Experiment> = {}): Experiment => ({
  v: 1,
  problem,
  runs,
  stop: { maxSteps: 5000, gradTol: 1e-6 },
  seed: 0,
  ...extra,
});
const errorsOf = (input: unknown) => {
  const r = parseExperiment(input);
  return r.ok ? [] : r.errors;
};

describe('the schema of a function problem', () => {
  it('accepts each function with its parameters, a d-number start and a random start radius', () => {
    const ok = [
      exp(saddle, [{ optimizer: 'sgd', params: { lr: 0.05 } }, { optimizer: 'pgd', startRadius: 0.01 }]),
      exp({ kind: 'function', id: 'matrixFactorization', dim: 40, params: { r: 2, seed: 4294967295 } }, [{ optimizer: 'adam' }]),
      exp({ kind: 'function', id: 'saddleChain', dim: 4, params: { tau: 1, L: 2, gamma: 0.5 } }, [{ optimizer: 'sgd', start: [1, 2, 3, 4] }]),
      exp({ kind: 'function', id: 'rosenbrock', dim: 1000 }, [{ optimizer: 'sgd', start: new Array(1000).fill(0.5), startRadius: 1e6 }]),
    ];
    for (const e of ok) expect(parseExperiment(e)).toEqual({ ok: true, value: e });
  });

  it.each([
    [{ ...saddle, id: 'nowhere' }, 'problem.id', /^unknown value "nowhere"; expected one of rastrigin, rosenbrock/],
    [{ ...saddle, dim: 1 }, 'problem.dim', /^must be at least 2 \(got 1\)$/],
    [{ ...saddle, dim: 1001 }, 'problem.dim', /^must be at most 1000 \(got 1000\.?1?\)|^must be at most 1000/],
    [{ ...saddle, dim: 2.5 }, 'problem.dim', /^must be a whole number$/],
    [{ ...saddle, params: { k: 0 } }, 'problem.params.k', /^must be at least 1/],
    [{ ...saddle, params: { r: 2 } }, 'problem.params.r', /^unknown field "r"$/],
    [{ kind: 'function', id: 'strictSaddle' }, 'problem.dim', /^is required$/],
  ])('refuses a bad problem, naming the field: %#', (problem, path, message) => {
    const [e] = errorsOf(exp(problem as FunctionProblem, [{ optimizer: 'sgd' }]));
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
  });

  it.each([
    [exp(saddle, [{ optimizer: 'sgd', start: [1, 2] }]), 'runs[0].start', 'must have 100 numbers, one per coordinate (problem.dim = 100) (got 2)'],
    [exp({ kind: 'surface', id: 'booth' }, [{ optimizer: 'sgd', start: [1, 2, 3] }]), 'runs[0].start', 'must be a pair [x, y] of numbers (got 3)'],
    [exp({ kind: 'surface', id: 'booth' }, [{ optimizer: 'sgd', startRadius: 0.1 }]), 'runs[0].startRadius', 'a random start (startRadius) is offered on function problems only'],
    [exp(saddle, [{ optimizer: 'sgd' }], { view: { x: [0, 1], y: [0, 1] } }), 'view', 'a function problem has no view window (only a surface has)'],
    [exp(saddle, [{ optimizer: 'sgd', start: new Array(1001).fill(0) }]), 'runs[0].start', 'at most 1000 numbers'],
  ])('refuses what does not fit the problem: %#', (e, path, message) => {
    expect(errorsOf(e)).toEqual([{ path, message }]);
  });
});

describe('function problems in a link', () => {
  it('writes fn, dim, fp and a run\'s srad and start', () => {
    const e = exp(saddle, [{ optimizer: 'sgd', params: { lr: 0.05 } }, { optimizer: 'pgd', startRadius: 0.001 }]);
    expect(encodeExperiment(e)).toBe('v=1&fn=strictSaddle&dim=100&fp=k:3&r0=sgd,lr:0.05&r1=pgd,srad:0.001&steps=5000&tol=0.000001&seed=0');
    const small = exp({ kind: 'function', id: 'saddleChain', dim: 3 }, [{ optimizer: 'sgd', start: [1, -2.5, 0] }]);
    expect(encodeExperiment(small)).toBe('v=1&fn=saddleChain&dim=3&r0=sgd,start:1;-2.5;0&steps=5000&tol=0.000001&seed=0');
    for (const x of [e, small]) expect(decodeExperiment(encodeExperiment(x))).toStrictEqual({ experiment: x, problems: [] });
  });

  it('falls back field by field: a bad parameter is dropped, a start of the wrong length too', () => {
    const { experiment, problems } = decodeExperiment('v=1&fn=strictSaddle&dim=10&fp=k:0;zz:1&r0=sgd,start:1;2,srad:0.5&steps=10&tol=0&seed=0');
    expect(experiment.problem).toEqual({ kind: 'function', id: 'strictSaddle', dim: 10, params: {} });
    expect(experiment.runs).toEqual([{ optimizer: 'sgd', startRadius: 0.5 }]);
    expect(problems.map((p) => p.field)).toEqual(['problem.params.zz', 'problem.params.k', 'runs[0].start']);
  });

  it('refuses function keys beside another problem, or without fn, naming the key', () => {
    const both = decodeExperiment('v=1&surface=booth&fn=rosenbrock&dim=3&r0=sgd');
    expect(both.experiment.problem).toEqual({ kind: 'surface', id: 'booth' });
    expect(both.problems.map((p) => p.field)).toEqual(['fn', 'dim']);
    const noFn = decodeExperiment('v=1&surface=booth&dim=3&r0=sgd');
    expect(noFn.problems).toEqual([{ field: 'dim', message: 'belongs to a function problem, which needs fn=<function id>; ignored' }]);
  });

  it('one run with a 1000-number start fits in a link; two full-precision ones do not, and the decoder says why', () => {
    const fullPrecision = { optimizer: 'sgd' as const, start: Array.from({ length: 1000 }, (_, i) => -1.2345678901234567 * (i + 1)) };
    const one = exp({ kind: 'function', id: 'rastrigin', dim: 1000 }, [fullPrecision]);
    const link = encodeExperiment(one);
    expect(link.length).toBeLessThan(MAX_LINK_LENGTH);
    expect(decodeExperiment(link)).toStrictEqual({ experiment: one, problems: [] });

    const two = exp({ kind: 'function', id: 'rastrigin', dim: 1000 }, [fullPrecision, fullPrecision]);
    const long = encodeExperiment(two);
    expect(long.length).toBeGreaterThan(MAX_LINK_LENGTH);
    const decoded = decodeExperiment(long);
    expect(decoded.problems).toHaveLength(1);
    expect(decoded.problems[0].message).toMatch(/^link too long \(\d+ characters; at most 20000: long start lists of a function problem go in a JSON file instead\)/);
  });
});

describe('the largest function experiment as a JSON file', () => {
  it('exports under MAX_JSON_LENGTH and imports back whole', () => {
    const big = -1.2345678901234567e-300;
    const tiny = 1.2345678901234567e-300;
    const e = exp(
      { kind: 'function', id: 'matrixFactorization', dim: LIMITS.functionDim.max, params: { r: 10, seed: 4294967295 } },
      Array.from({ length: LIMITS.runs.max }, () => ({
        optimizer: 'adamw' as const,
        params: { lr: tiny, betas: [tiny, tiny], eps: tiny, amsgrad: false, weightDecay: tiny },
        start: new Array(LIMITS.functionDim.max).fill(big),
        startRadius: tiny,
        gradNoise: tiny,
        clip: 1.2345678901234567e-11,
        schedule: { kind: 'cosine' as const, tMax: 99999, etaMin: tiny },
        label: '€'.repeat(LIMITS.labelLength.max),
      })),
      { seed: LIMITS.seed.max },
    );
    expect(parseExperiment(e).ok).toBe(true);
    const text = exportExperimentJson(e);
    expect(text.length).toBeLessThan(MAX_JSON_LENGTH);
    expect(text.length).toBeGreaterThan(MAX_JSON_LENGTH / 2); // the cap leaves room, but not absurdly much
    expect(importExperimentJson(text)).toStrictEqual({ experiment: e, problems: [] });
  });
});
