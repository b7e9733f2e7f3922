// --with-data, --spectrum and --census through the command line, and the numbers they report
// checked against an independent recomputation: a plain forward pass written here from the
// exported data and layer weights (not the project's mlp.ts), its gradient and Hessian by finite
// differences (not the project's backprop or R-operator), whose eigenvalues come from the dense
// solver (src/numeric/symmetricEigen.ts, itself checked against A v = lambda v in its own test).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../numeric/symmetricEigen';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

const L2 = 1e-3;
const experiment = (maxSteps: number) => ({
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 60, noise: 0.15, hidden: [3], activation: 'tanh', batchSize: 0, regularization: { l2: L2 } },
  runs: [{ optimizer: 'adam', params: { lr: 0.05 } }, { optimizer: 'sgd', params: { lr: 0.5 } }],
  stop: { maxSteps, gradTol: 0 },
  seed: 4,
});

interface Layer {
  W: number[][];
  b: number[];
}

/** Mean logistic loss of a tanh MLP (sigmoid output) over the listed points, plus (l2 / 2) ||w||^2. */
function plainLoss(layers: Layer[], x: number[][], y: number[], idx: number[]): number {
  let total = 0;
  for (const k of idx) {
    let a = x[k];
    layers.forEach((layer, l) => {
      const z = layer.W.map((row, o) => row.reduce((s, wi, i) => s + wi * a[i], layer.b[o]));
      a = l === layers.length - 1 ? z : z.map(Math.tanh);
    });
    const z = a[0];
    // log(1 + e^z) - y z, written stably
    total += Math.max(z, 0) - y[k] * z + Math.log1p(Math.exp(-Math.abs(z)));
  }
  let sq = 0;
  for (const layer of layers) for (const v of [...layer.W.flat(), ...layer.b]) sq += v * v;
  return total / idx.length + 0.5 * L2 * sq;
}

/** Flat views of the layer weights, so finite differences can move one at a time. */
function flatten(layers: Layer[]): { w: number[]; rebuild: (w: number[]) => Layer[] } {
  const w = layers.flatMap((l) => [...l.W.flat(), ...l.b]);
  const rebuild = (v: number[]) => {
    let k = 0;
    return layers.map((l) => ({ W: l.W.map((row) => row.map(() => v[k++])), b: l.b.map(() => v[k++]) }));
  };
  return { w, rebuild };
}

describe('--with-data --spectrum', () => {
  it('reports the loss, gradient norm and extreme eigenvalues of its exported weights, as an independent recomputation finds them', () => {
    const r = cli(JSON.stringify(experiment(40)), '--with-data', '--spectrum');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(2);
    for (const run of results) {
      const { x, y, train } = run.data;
      expect(x).toHaveLength(60);
      expect(train).toHaveLength(48); // 20% held out
      expect(run.weights.map((l: Layer) => [l.W.length, l.W[0].length, l.b.length])).toEqual([[3, 2, 3], [1, 3, 1]]);
      const { w, rebuild } = flatten(run.weights);
      const f = (v: number[]) => plainLoss(rebuild(v), x, y, train);
      const n = w.length;
      // loss
      const loss = f(w);
      const reported = run.f[run.f.length - 1];
      expect(Math.abs(reported - loss)).toBeLessThanOrEqual(1e-6 * Math.abs(loss));
      // gradient: central differences, Richardson-extrapolated (error O(h^4))
      const at = (i: number, d: number, j = -1, e = 0) => f(w.map((v, k) => v + (k === i ? d : 0) + (k === j ? e : 0)));
      const central = (i: number, h: number) => (at(i, h) - at(i, -h)) / (2 * h);
      const grad = Array.from({ length: n }, (_, i) => (4 * central(i, 1e-4) - central(i, 2e-4)) / 3);
      const gradNorm = Math.hypot(...grad);
      const reportedNorm = run.gradNorm[run.gradNorm.length - 1];
      expect(reportedNorm).toBeGreaterThan(1e-3); // a point where the comparison means something
      expect(Math.abs(reportedNorm - gradNorm)).toBeLessThanOrEqual(1e-6 * gradNorm);
      // Hessian: second differences of the loss, Richardson-extrapolated; eigenvalues by the dense solver
      const second = (i: number, j: number, h: number) => (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
      const h = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) h[i * n + j] = h[j * n + i] = (4 * second(i, j, 1e-3) - second(i, j, 2e-3)) / 3;
      }
      const eig = symmetricEigen(h, n, false);
      if (!eig.ok) throw new Error(eig.error);
      const { values } = eig;
      const s = run.spectrum;
      expect(s).toMatchObject({ exact: true, dim: n });
      expect(s.eigenvalues).toHaveLength(n);
      const scale = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
      expect(Math.abs(s.lambdaMin - values[0])).toBeLessThanOrEqual(1e-6 * scale);
      expect(Math.abs(s.lambdaMax - values[n - 1])).toBeLessThanOrEqual(1e-6 * scale);
      expect(Math.abs(s.lambdaMin - values[0])).toBeLessThanOrEqual(1e-6 * Math.abs(values[0]));
      expect(Math.abs(s.lambdaMax - values[n - 1])).toBeLessThanOrEqual(1e-6 * Math.abs(values[n - 1]));
      expect(s.histogram.counts.reduce((a: number, b: number) => a + b, 0)).toBe(n);
      // the stop's own (Lanczos) extremes agree too
      expect(Math.abs(run.stop.hessianEigenvalues[0] - s.lambdaMin)).toBeLessThanOrEqual(1e-6 * scale);
    }
  }, 60_000);
});

describe('--census', () => {
  it('prints the census: method, rules, counts, and every distinct point with its layers', () => {
    const r = cli(JSON.stringify(experiment(200)), '--census', '12');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.method).toMatch(/Levenberg-Marquardt/);
    expect(c.starts).toEqual({ random: 12, path: 16 });
    expect(c.distinct).toBe(c.points.length);
    expect(c.distinct).toBeGreaterThan(0);
    expect(c.byLossQuartile).toHaveLength(4);
    for (const p of c.points) {
      expect(p.gradNorm).toBeLessThanOrEqual(c.eps);
      expect(p.weights.map((l: Layer) => [l.W.length, l.W[0].length])).toEqual([[3, 2], [1, 3]]);
      expect(['minimum', 'saddle', 'maximum', 'degenerate']).toContain(p.kind);
      expect(p.index.fraction).toBe(p.index.count / 13);
    }
  }, 60_000);

  it.each([
    [['--census', '3', '--format', 'csv'], /^error: --census prints JSON only/],
    [['--with-data', '--map', 'basins'], /^error: --with-data is a network output/],
    [['--census', '-1'], /^error: --census must be an integer from 0 to 10000/],
    [['--census', '2', '--spectrum'], /^error: --census prints the census instead of the results/],
  ])('bad flags %j: one line on stderr, exit 2', (flags, message) => {
    const r = cli(JSON.stringify(experiment(5)), ...flags);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a surface experiment is refused with one line', () => {
    const r = cli(JSON.stringify({ v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd' }], stop: { maxSteps: 3, gradTol: 0 } }), '--spectrum');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --with-data, --spectrum and --census need a network problem/);
  });
});
