// Small fixtures shared by the network tests (not a test file itself).
import type { ActivationId, DatasetId, Experiment, NetworkProblem, Run } from '../experiment/types';
import { makeDataset } from './datasets';
import { glorotInit, mlp } from './mlp';
import { NetObjective } from './objective';
import { netStream } from './streams';

export function tinyObjective(activation: ActivationId, hidden = [3, 2], reg?: { l1?: number; l2?: number }, dataset: DatasetId = 'moons', samples = 40) {
  const net = mlp(hidden, activation);
  const data = makeDataset({ dataset, samples, noise: 0.2 }, 5);
  const objective = new NetObjective(net, data.train, data.heldOut, reg);
  const w = glorotInit(net, netStream(5, 'init'));
  // Small biases too, so no unit sits exactly at a ReLU kink and every term is exercised.
  const rng = netStream(9, 'init');
  for (const l of net.layers) for (let o = 0; o < l.fanOut; o++) w[l.bOffset + o] = 0.3 * (rng.uniform() - 0.5);
  return { net, data, objective, w };
}

export function networkExperiment(problem: Partial<NetworkProblem> = {}, runs: Run[] = [{ optimizer: 'adam', params: { lr: 0.02 } }], stop = { maxSteps: 60, gradTol: 0 }, seed = 3): Experiment {
  return {
    v: 1,
    problem: { kind: 'network', dataset: 'moons', samples: 80, noise: 0.1, hidden: [6], activation: 'tanh', batchSize: 0, ...problem },
    runs,
    stop,
    seed,
  };
}
