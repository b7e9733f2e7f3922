// Saddle-free Newton (src/optim/optimizers/saddleFreeNewton.ts) on a network: the network engine
// hands the dense Hessian to every optimizer that needsHessian, so it runs with no change to the
// engine; its full-batch steps reach an eps-stationary point that the exact spectrum calls a
// minimum (index 0). Here rather than beside the optimizer because src/optim may not import src/nets.
import { expect, test } from 'vitest';
import { collectNetworkResults, createNetworkEngine } from '../engine';
import { networkExperiment } from '../testNets';
import { exactSpectrum } from './spectrum';

test('saddleFreeNewton on a 2-3-1 tanh network reaches a minimum of the training objective', () => {
  const exp = networkExperiment({ hidden: [3], samples: 60, regularization: { l2: 1e-3 } }, [{ optimizer: 'saddleFreeNewton', params: { lr: 1, damping: 1e-2 } }], { maxSteps: 300, gradTol: 1e-8 });
  const built = createNetworkEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const [r] = collectNetworkResults(exp, built.engine);
  expect(r.f[r.f.length - 1]).toBeLessThan(r.f[0] * 0.5);
  expect(r.stop.reason).toBe('gradTol');
  expect(r.stop.kind).toBe('minimum');
  const s = exactSpectrum(built.engine.objective, built.engine.weights(0));
  expect(s.ok && s.value.exact && s.value.index.count).toBe(0);
  expect(s.ok && s.value.kind).toBe('minimum');
});
