// The benchmark that decides the batched engine's path: 256 x 256 starts x 500 steps of Adam on
// Himmelblau, side by side in one run, through (a) one JS worker, (b) JS across
// navigator.hardwareConcurrency workers, (c) tfjs op by op on webgl, (d) the fused WebGL
// program, (e) tfjs on its cpu backend. Each candidate is warmed up once (the tfjs ones on a
// 20-step run of the same grid, which compiles the same kernels), then timed REPS times; the
// median counts. Every candidate's end points are checked against the JS engine (so all did the
// same work), and the path the app would pick (BatchClient.choosePath, a measured probe) is
// recorded beside the table. Writes bench/results/batched.{json,md}.
import { expect, type Page, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import type { Experiment } from '../../src/experiment/types';
import type { BatchJob } from '../../src/batch/batchJob';
import type { Harness, PlainOutcome } from './harness/harnessApi';

type Win = Window & { __batchHarness: Harness };
type Id = 'a' | 'b' | 'c' | 'd' | 'e';

const N = 256;
const STEPS = 500;
const REPS = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** 98th percentile of |a - b| / max(1, |b|) over every start (as in agreement.spec.ts). */
function gap98(a: { endX: number[]; endY: number[] }, b: PlainOutcome): number {
  const g = b.endX.map((_, k) =>
    Math.max(Math.abs(a.endX[k] - b.endX[k]) / Math.max(1, Math.abs(b.endX[k])), Math.abs(a.endY[k] - b.endY[k]) / Math.max(1, Math.abs(b.endY[k]))),
  );
  g.sort((x, y) => x - y);
  return g[Math.floor(0.98 * (g.length - 1))];
}

const experiment = (steps: number): Experiment => ({
  v: 1,
  problem: { kind: 'surface', id: 'himmelblau' },
  runs: [{ optimizer: 'adam', params: { lr: 0.05 } }],
  // gradTol 0: no run stops early, so every engine does exactly 256 x 256 x steps steps
  stop: { maxSteps: steps, gradTol: 0 },
  seed: 0,
});

test.describe.serial('batched engines: 256 x 256 starts x 500 steps of Adam on Himmelblau', () => {
  let page: Page;
  let job: BatchJob;
  let warmJob: BatchJob;
  let reference: PlainOutcome;
  let info: { renderer: string | null; cores: number; workers: number; userAgent: string };
  const rows: { id: Id; name: string; detail: string; medianMs: number; timesMs: number[]; gap98: number }[] = [];

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.goto('/');
    await page.waitForFunction(() => (window as unknown as Win).__batchHarness !== undefined);
    [job, warmJob] = await page.evaluate(
      ([a, b, n]) => [a, b].map((e) => (window as unknown as Win).__batchHarness.basinJob(e, n, { x: [-5, 5], y: [-5, 5] })),
      [experiment(STEPS), experiment(20), N] as const,
    );
    info = await page.evaluate(async () => {
      const h = (window as unknown as Win).__batchHarness;
      const gpu = await h.gpu();
      if (!gpu.webgl) throw new Error(`no WebGL2: ${gpu.reason}`);
      return { renderer: gpu.renderer, cores: navigator.hardwareConcurrency, workers: h.poolSize(), userAgent: navigator.userAgent };
    });
    reference = await page.evaluate((job) => (window as unknown as Win).__batchHarness.jsOn(job, 1), job).then((r) => r.outcome);
  });

  test.afterAll(async () => page?.close());

  const candidates: [Id, string][] = [
    ['a', 'JS, 1 worker'],
    ['b', 'JS, navigator.hardwareConcurrency workers'],
    ['c', 'tfjs op by op, webgl backend'],
    ['d', 'fused WebGL program'],
    ['e', 'tfjs op by op, cpu backend'],
  ];
  for (const [id, name] of candidates) {
    test(`${id}) ${name}`, async () => {
      test.setTimeout(200_000);
      const run = (j: BatchJob) => page.evaluate(([id, j]) => (window as unknown as Win).__batchHarness.candidate(id, j), [id, j] as const);
      await run(id === 'c' || id === 'e' ? warmJob : job); // warm-up: JIT, shader compilation, tfjs kernels
      const times: number[] = [];
      let last = await run(job);
      times.push(last.ms);
      for (let r = 1; r < REPS; r++) {
        last = await run(job);
        times.push(last.ms);
      }
      // tfjs on webgl must really be on webgl: a failed switch silently stays on cpu
      if (id === 'c') expect(last.detail).toContain('webgl');
      const gap = gap98(last, reference);
      expect(gap, `${name} computes the same runs`).toBeLessThanOrEqual(2e-4);
      rows.push({ id, name: id === 'b' ? `JS, ${info.workers} workers (hardwareConcurrency)` : name, detail: last.detail, medianMs: median(times), timesMs: times, gap98: gap });
    });
  }

  test('results: table and the app choice', async ({ browser }) => {
    // What the app picks on this device: BatchClient.choosePath's measured probe, on a fresh page.
    const fresh = await browser.newPage();
    await fresh.goto('/');
    await fresh.waitForFunction(() => (window as unknown as Win).__batchHarness !== undefined);
    const choice = await fresh.evaluate(() => (window as unknown as Win).__batchHarness.choosePath());
    await fresh.close();
    expect(rows).toHaveLength(candidates.length);
    writeResults(rows, info, choice);
  });
});

function writeResults(
  rows: { id: Id; name: string; detail: string; medianMs: number; timesMs: number[]; gap98: number }[],
  info: { renderer: string | null; cores: number; workers: number; userAgent: string },
  choice: { path: string; reason: string },
): void {
  const fastest = Math.min(...rows.map((r) => r.medianMs));
  const jsOne = rows.find((r) => r.id === 'a')!.medianMs;
  const pixelSteps = N * N * STEPS;
  const table = rows.map((r) => ({
    ...r,
    mPixelStepsPerS: pixelSteps / r.medianMs / 1e3,
    vsFastest: r.medianMs / fastest,
    speedupVsOneJsWorker: jsOne / r.medianMs,
  }));
  const date = new Date().toISOString();
  const result = {
    job: { surface: 'himmelblau', optimizer: 'adam', lr: 0.05, starts: `${N}x${N}`, steps: STEPS, gradTol: 0 },
    reps: REPS,
    date,
    device: { renderer: info.renderer, hardwareConcurrency: info.cores, poolSize: info.workers, userAgent: info.userAgent },
    candidates: table,
    appChoice: choice,
  };
  writeFileSync('bench/results/batched.json', `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    `# Batched engines: ${N} x ${N} starts x ${STEPS} steps of Adam (lr 0.05) on Himmelblau`,
    '',
    `Device: ${info.renderer}; navigator.hardwareConcurrency = ${info.cores}. Median of ${REPS} runs after one warm-up; ${date.slice(0, 10)}.`,
    '',
    '| | path | median ms | runs (ms) | M pixel-steps/s | x slower than fastest | speed-up vs 1 JS worker |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: |',
    ...table.map((r) => `| ${r.id} | ${r.name} | ${r.medianMs.toFixed(0)} | ${r.timesMs.map((t) => t.toFixed(0)).join(', ')} | ${r.mPixelStepsPerS.toFixed(1)} | ${r.vsFastest.toFixed(2)} | ${r.speedupVsOneJsWorker.toFixed(2)} |`),
    '',
    `The app's choice on this device (BatchClient.choosePath: a 64 x 64 x 100-step probe on both paths, warmed up): **${choice.path}** (${choice.reason}).`,
    '',
    "Every candidate's end points agree with the JS engine (98th percentile of the relative gap <= 2e-4: float32 paths).",
    'The tfjs rows run without per-start stop and divergence masks (they would only add ops); the JS and fused rows include them.',
    '',
  ].join('\n');
  writeFileSync('bench/results/batched.md', md);
  console.log(md);
}
