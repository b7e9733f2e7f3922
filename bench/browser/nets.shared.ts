// What the Node and browser network benchmarks share: the benchmark network and a median.
// Pure (no Node or DOM APIs), so the browser page imports it as well.
import type { Experiment, OptimizerId, ParamValue } from '../../src/experiment/types';

/** The benchmark's experiment: a 2-16-16-1 tanh network on 1,000 moons points, one run. */
export function benchNetwork(optimizer: OptimizerId, params: Record<string, ParamValue>, batchSize: number, maxSteps = 100_000): Experiment {
  return {
    v: 1,
    problem: { kind: 'network', dataset: 'moons', samples: 1000, noise: 0.1, hidden: [16, 16], activation: 'tanh', batchSize },
    runs: [{ optimizer, params }],
    stop: { maxSteps, gradTol: 0 },
    seed: 1,
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
