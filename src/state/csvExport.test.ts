// The explorer's CSV of a function problem is the CLI's --format csv, byte for byte: every
// coordinate x1 .. xd of every point, whatever plane the paths are drawn on.
import { describe, expect, it } from 'vitest';
import { gatherRuns, runText, vectorLayout, writeCsv } from '../cli/stream';
import { parseExperiment } from '../experiment/parse';
import type { Experiment } from '../experiment/types';
import { createEngine } from '../optim/engine';
import { trajectoriesCsv } from './csvExport';
import { appendVectorToTrace, emptyTrace, type RunTrace } from './traces';
import type { FunctionInfo } from './store';
import type { Plane } from '../functions/plane';

function experiment(input: unknown): Experiment {
  const parsed = parseExperiment(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function engineOf(exp: Experiment) {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.engine;
}

/** The app's traces: x_0 first, then ticks of `perTick` steps (the worker's session), projected on `axes`. */
function appTraces(exp: Experiment, perTick: number, plane: Plane): RunTrace[] {
  const engine = engineOf(exp);
  const traces = exp.runs.map((_, i) => emptyTrace(`run ${i}`, i));
  let steps = 1;
  while (!engine.done) {
    for (const c of engine.advance(steps)) appendVectorToTrace(traces[c.run], c, plane);
    steps = perTick;
  }
  return traces;
}

const cases: [string, unknown][] = [
  ['strictSaddle d = 10: GD to the saddle, PGD with perturbations', { v: 1, seed: 0, problem: { kind: 'function', id: 'strictSaddle', dim: 10, params: { k: 2 } }, runs: [{ optimizer: 'sgd', params: { lr: 0.05 } }, { optimizer: 'pgd', params: { lr: 0.05, tThreshold: 1000 } }], stop: { maxSteps: 3000, gradTol: 1e-6 } }],
  ['rosenbrock d = 3, a line search and a run that diverges', { v: 1, seed: 3, problem: { kind: 'function', id: 'rosenbrock', dim: 3 }, runs: [{ optimizer: 'lbfgs' }, { optimizer: 'sgd', params: { lr: 5 } }], stop: { maxSteps: 500, gradTol: 1e-8 } }],
  ['matrixFactorization d = 2 (x1, x2, not x, y) from random starts', { v: 1, seed: 1, problem: { kind: 'function', id: 'matrixFactorization', dim: 2 }, runs: [{ optimizer: 'adam', params: { lr: 0.01 }, startRadius: 1 }], stop: { maxSteps: 300, gradTol: 0 } }],
];

describe('the app\'s CSV of a function problem: the CLI\'s bytes', () => {
  it.each(cases)('%s', (_name, input) => {
    const exp = experiment(input);
    if (exp.problem.kind !== 'function') throw new Error('a function problem');
    const { dim } = exp.problem;
    const cli = runText(writeCsv, vectorLayout(dim), gatherRuns(exp, engineOf(exp)));
    const fn = { info: { dim } as FunctionInfo, axes: [0, dim - 1] as [number, number], kind: 'coordinates' as const, pca: null };
    // drawn on a plane of directions (the PCA plane's kind): the CSV still has every coordinate
    const plane: Plane = { kind: 'pca', origin: new Array(dim).fill(0.5), u: [1, ...new Array(dim - 1).fill(0)], v: [0, 1, ...new Array(dim - 2).fill(0)] };
    const app = trajectoriesCsv({ mode: 'surface', netTraces: [], traces: appTraces(exp, 7, plane), fn });
    expect(app.name).toBe('trajectories.csv');
    expect(app.text).toBe(cli);
    expect(cli.split('\n')[0]).toBe(`step,run,${Array.from({ length: dim }, (_, k) => `x${k + 1}`).join(',')},f,gradNorm,evals`);
    expect(cli.split('\n')[1].split(',')).toHaveLength(dim + 5);
  });
});
