// The network benchmark in Chromium: writes the "browser" part of bench/results/nets.json (and
// nets.md). A benchmark, not a test, except for one check: the browser's engine gives the same
// losses as Node's, bit for bit.
import { expect, test } from '@playwright/test';
import type { Experiment } from '../../src/experiment/types';
import { collectNetworkResults, createNetworkEngine } from '../../src/nets/engine';
import type { NetsBench } from './nets.page';
import { writeNetsResults } from './nets.results';
import { benchNetwork, median } from './nets.shared';

type Win = Window & { __netsBench: NetsBench };

const round = (v: number) => Number(v.toPrecision(3));

test('network slice, gradient and training speed; Node and Chromium agree bit for bit', async ({ page }) => {
  await page.goto('/nets.html');
  await page.waitForFunction(() => (window as unknown as Win).__netsBench !== undefined);
  const renderer = await page.evaluate(() => (window as unknown as Win).__netsBench.renderer());

  const slice = async (evaluator: 'js' | 'webgl' | 'cpu', reps: number, warm: boolean) =>
    page.evaluate(([e, r, w]) => (window as unknown as Win).__netsBench.slice(e, 51, r, w), [evaluator, reps, warm] as const);
  const js = await slice('js', 3, true);
  const webgl = await slice('webgl', 3, true);
  const cpu = await slice('cpu', 1, false); // ~10 s per slice: one cold run only
  const jsMs = median(js.ms);
  const slice51 = [
    { evaluator: 'plain JS (float64)', ms: round(jsMs), overJs: 1, maxRelativeGap: 0 },
    { evaluator: 'tfjs webgl (float32, batched)', ms: round(median(webgl.ms)), overJs: round(median(webgl.ms) / jsMs), maxRelativeGap: webgl.maxRelativeGap },
    { evaluator: 'tfjs cpu (float32, batched; one cold run)', ms: round(median(cpu.ms)), overJs: round(median(cpu.ms) / jsMs), maxRelativeGap: cpu.maxRelativeGap },
  ];

  const grad = async (path: 'js' | 'webgl' | 'cpu', reps: number) => median(await page.evaluate(([p, r]) => (window as unknown as Win).__netsBench.gradient(p, r), [path, reps] as const));
  const gJs = await grad('js', 10);
  const gradient = [
    { path: 'plain JS (float64, hand-written backward)', ms: round(gJs), overJs: 1 },
    { path: 'tfjs webgl autodiff (float32)', ms: round(await grad('webgl', 5)), overJs: 0 },
    { path: 'tfjs cpu autodiff (float32)', ms: round(await grad('cpu', 5)), overJs: 0 },
  ];
  for (const g of gradient) g.overJs = round(g.ms / gJs);

  const training: { optimizer: string; batchSize: number; stepsPerSecond: number }[] = [];
  for (const [optimizer, batchSize] of [['sgd', 0], ['adam', 0], ['adam', 32]] as const) {
    const exp = benchNetwork(optimizer, { lr: 0.01 }, batchSize, 300);
    const ms = [];
    for (let i = 0; i < 3; i++) ms.push(await page.evaluate(([e]) => (window as unknown as Win).__netsBench.training(e, 300), [exp] as const));
    training.push({ optimizer, batchSize, stepsPerSecond: round(300_000 / median(ms)) });
  }

  // Bit for bit: minibatch races of 100 steps, in Chromium and in this Node process: SGD with and
  // without momentum (the network engine's arithmetic alone), Adam (beta^t) and noisySgd (Gaussian
  // noise), which need src/numeric's pow, log, sin, cos as well.
  const steps = 100;
  const race = (runs: Experiment['runs']): Experiment => ({ ...benchNetwork('adam', { lr: 0.01 }, 32, steps), runs });
  const same = async (exp: Experiment) => {
    const inBrowser = await page.evaluate(([e]) => (window as unknown as Win).__netsBench.losses(e), [exp] as const);
    const built = createNetworkEngine(exp);
    if (!built.ok) throw new Error('bad experiment');
    const inNode = collectNetworkResults(exp, built.engine).map((r) => [...r.f, ...r.gradNorm, ...r.heldOutLoss]);
    return JSON.stringify(inBrowser) === JSON.stringify(inNode);
  };
  const bitIdentical = await same(race([{ optimizer: 'sgd', params: { lr: 0.1 } }, { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9 } }]));
  const bitIdenticalAdam = await same(race([{ optimizer: 'adam', params: { lr: 0.01 } }]));
  const bitIdenticalNoisySgd = await same(race([{ optimizer: 'noisySgd', params: { lr: 0.1, sigma: 0.01 } }]));

  writeNetsResults('browser', {
    machine: `Chromium ${page.context().browser()?.version()}, WebGL renderer: ${renderer}`,
    note: 'SwiftShader renders WebGL on the CPU here (no GPU on this machine): the WebGL numbers say nothing about a real GPU.',
    slice51,
    gradient,
    training,
    bitIdentical,
    bitIdenticalSteps: steps,
    bitIdenticalAdam,
    bitIdenticalNoisySgd,
  });
  expect({ bitIdentical, bitIdenticalAdam, bitIdenticalNoisySgd }).toEqual({ bitIdentical: true, bitIdenticalAdam: true, bitIdenticalNoisySgd: true });
});
