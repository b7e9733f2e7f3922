// Frame rate of the explorer while 8 runs race at 100 steps per frame: requestAnimationFrame
// intervals and long tasks (> 50 ms) on the main thread, in Chromium. Writes
// bench/results/explorer.json. A benchmark, not a test: it records, it does not assert.
import { test } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const OPTIMIZERS = ['sgd', 'adam', 'rmsprop', 'adagrad', 'nadam', 'radam', 'pgd', 'noisySgd'];

test('8 runs racing at 100 steps per frame', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => (window as any).__saddlepoint?.results().length > 0);
  const experiment = {
    v: 1,
    problem: { kind: 'surface', id: 'rastrigin' },
    runs: OPTIMIZERS.map((optimizer, i) => ({ optimizer, params: { lr: 1e-3 }, start: [-4 + i, 4.2 - i * 0.9] })),
    stop: { maxSteps: 100000, gradTol: 0 },
    seed: 1,
  };
  const error = await page.evaluate(([e]) => (window as any).__saddlepoint.load(e, 100), [experiment]);
  if (error) throw new Error(error);
  const seconds = 8;
  const m = await page.evaluate(async (secs) => {
    const longTasks: number[] = [];
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const intervals: number[] = [];
    let last = performance.now();
    const end = last + secs * 1000;
    await new Promise<void>((resolve) => {
      const frame = (t: number) => {
        intervals.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    obs.disconnect();
    const steps = (window as any).__saddlepoint.results().map((r: { points: unknown[] }) => r.points.length);
    return { intervals, longTasks, steps };
  }, seconds);
  const sorted = [...m.intervals].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const result = {
    date: new Date().toISOString(),
    machine: '2-core CPU, no GPU, headless Chromium with software compositing',
    scenario: '8 runs on rastrigin, 100 steps per frame, 8 s',
    frames: m.intervals.length,
    fpsMean: Number((m.intervals.length / seconds).toFixed(1)),
    frameMsMedian: Number(q(0.5).toFixed(2)),
    frameMsP95: Number(q(0.95).toFixed(2)),
    frameMsMax: Number(sorted[sorted.length - 1].toFixed(2)),
    longTasks: m.longTasks.length,
    longestTaskMs: Number(Math.max(0, ...m.longTasks).toFixed(1)),
    pointsPerRunAtEnd: m.steps,
  };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync('bench/results/explorer.json', JSON.stringify(result, null, 2) + '\n');
});
