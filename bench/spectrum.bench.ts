// Time of the exact Hessian spectrum (src/nets/spectrum): dim Hessian-vector products to
// assemble H, then every eigenvalue (Householder + QL), for the sizes issue 17 names: 394 weights
// (hidden [17, 18]) and 1,000 weights (hidden [13, 64], the largest exact size), on moons with
// 200 points (160 training). Run: npx tsx bench/spectrum.bench.ts (writes bench/results/spectrum.json)
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { makeDataset } from '../src/nets/datasets';
import { glorotInit, mlp } from '../src/nets/mlp';
import { NetObjective } from '../src/nets/objective';
import { exactHessian } from '../src/nets/spectrum/hessian';
import { netStream } from '../src/nets/streams';
import { symmetricEigen } from '../src/numeric/symmetricEigen';

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

const rows = [[17, 18], [13, 64]].map((hidden) => {
  const net = mlp(hidden, 'tanh');
  const data = makeDataset({ dataset: 'moons', samples: 200, noise: 0.1 }, 1);
  const objective = new NetObjective(net, data.train, data.heldOut, undefined);
  const w = glorotInit(net, netStream(1, 'init'));
  let t0 = process.hrtime.bigint();
  const { h, dim, asymmetry } = exactHessian(objective, w);
  const assemble = seconds(t0);
  t0 = process.hrtime.bigint();
  const eig = symmetricEigen(h, dim, false);
  const eigen = seconds(t0);
  t0 = process.hrtime.bigint();
  symmetricEigen(h, dim, true);
  const eigenWithVectors = seconds(t0);
  if (!eig.ok) throw new Error(eig.error);
  return {
    hidden,
    weights: dim,
    trainingPoints: data.train.count,
    assembleSeconds: Number(assemble.toFixed(3)),
    eigenvaluesSeconds: Number(eigen.toFixed(3)),
    eigenvaluesAndVectorsSeconds: Number(eigenWithVectors.toFixed(3)),
    asymmetryRelative: asymmetry.relative,
    lambdaMin: eig.values[0],
    lambdaMax: eig.values[dim - 1],
  };
});
const result = {
  note: `exact Hessian spectrum, moons 200 points, tanh, Glorot init; Node ${process.version}`,
  machine: `${cpus().length} x ${cpus()[0]?.model ?? '?'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`,
  rows,
};
writeFileSync(new URL('./results/spectrum.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
