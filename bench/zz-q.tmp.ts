import { createNetworkEngine } from '../src/nets/engine';
import { benchNetwork } from './browser/nets.shared';
for (const act of ['tanh', 'relu'] as const) {
  const exp = benchNetwork('sgd', { lr: 0.1 }, 0, 10000); (exp.problem as any).activation = act;
  const b = createNetworkEngine(exp); if (!b.ok) throw 0;
  b.engine.advance(50);
  const t = performance.now(); b.engine.advance(300); console.log(act, 'ms/step', ((performance.now() - t) / 300).toFixed(3));
}
