import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import { createNetworkEngine } from './engine';
import { flatWeights, layerWeights } from './exported';
import { networkExperiment } from './testNets';

const sgd = [{ optimizer: 'sgd' as const, params: { lr: 0.3 } }];

describe('exported weights and Run.init', () => {
  it('layers and the flat vector are inverse', () => {
    const built = createNetworkEngine(networkExperiment({ hidden: [3] }, sgd));
    if (!built.ok) throw new Error('engine');
    const { net, init } = built.engine;
    const layers = layerWeights(net, init);
    expect(layers.map((l) => [l.W.length, l.W[0].length, l.b.length])).toEqual([[3, 2, 3], [1, 3, 1]]);
    expect(flatWeights(net, layers)).toEqual(init);
  });

  it('a run started from exported weights continues the run that exported them, bit for bit', () => {
    const exp = networkExperiment({ hidden: [4] }, sgd, { maxSteps: 20, gradTol: 0 });
    const a = createNetworkEngine(exp);
    if (!a.ok) throw new Error('engine');
    a.engine.advance(10);
    const w10 = layerWeights(a.engine.net, a.engine.weights(0));
    a.engine.advance(10);
    const parsed = parseExperiment(JSON.parse(JSON.stringify({ ...exp, runs: [{ ...sgd[0], init: w10 }], stop: { maxSteps: 10, gradTol: 0 } })));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const b = createNetworkEngine(parsed.value);
    if (!b.ok) throw new Error(JSON.stringify(b.errors));
    b.engine.advance(10);
    expect(b.engine.weights(0)).toEqual(a.engine.weights(0));
  });

  it('weights of another shape are refused with one line naming the layer and the shapes', () => {
    const exp = networkExperiment({ hidden: [4] }, sgd);
    const wrong = [{ W: [[1, 2], [3, 4], [5, 6]], b: [0, 0, 0] }, { W: [[1, 2, 3]], b: [0] }];
    const parsed = parseExperiment({ ...exp, runs: [{ ...sgd[0], init: wrong }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([{ path: 'runs[0].init', message: 'layer 1: W must be 4 x 2 (outputs x inputs) for the network 2-4-1; W has 3 rows' }]);
    const engine = createNetworkEngine({ ...exp, runs: [{ ...sgd[0], init: wrong }] });
    expect(engine.ok).toBe(false);
  });

  it('a surface run with init is refused', () => {
    const parsed = parseExperiment({ v: 1, problem: { kind: 'surface', id: 'booth' }, runs: [{ optimizer: 'sgd', init: [] }], stop: { maxSteps: 5, gradTol: 0 }, seed: 1 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0].path).toBe('runs[0].init');
  });
});
