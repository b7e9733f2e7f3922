// Frame rate of the 3D view while 8 runs race at 100 steps per frame (the explorer benchmark's
// scenario, explorer.perf.ts), in Chromium with software-rendered WebGL: requestAnimationFrame
// intervals, the 3D view's own draws (its canvas's data-frames) and long tasks, with the 3D view
// closed (2D, the explorer's own case), alone, and beside the 2D plot. Writes bench/results/frame3d.json. A benchmark, not a
// test: it records, it does not assert.
import { chromium, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { webglLaunch } from '../../playwright.config';
import { BASE_URL } from './frame3d.config';

const OPTIMIZERS = ['sgd', 'adam', 'rmsprop', 'adagrad', 'nadam', 'radam', 'pgd', 'noisySgd'];
const SECONDS = 8;

async function measure(page: Page, layout: '2D' | '3D' | 'Both') {
  await page.goto('/');
  await page.waitForFunction(() => (window as any).__saddlepoint?.results().length > 0);
  await page.getByRole('button', { name: layout, exact: true }).click();
  if (layout !== '2D') await page.locator('[data-testid=view3d][data-ready=true]').waitFor();
  const experiment = {
    v: 1,
    problem: { kind: 'surface', id: 'rastrigin' },
    runs: OPTIMIZERS.map((optimizer, i) => ({ optimizer, params: { lr: 1e-3 }, start: [-4 + i, 4.2 - i * 0.9] })),
    stop: { maxSteps: 100000, gradTol: 0 },
    seed: 1,
  };
  const error = await page.evaluate(([e]) => (window as any).__saddlepoint.load(e, 100), [experiment]);
  if (error) throw new Error(error);
  const m = await page.evaluate(async (secs) => {
    const canvas = document.querySelector('[data-testid=view3d-canvas]') as HTMLCanvasElement | null;
    const draws0 = Number(canvas?.dataset.frames ?? 0);
    const longTasks: number[] = [];
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const intervals: number[] = [];
    let last = performance.now();
    const start = last;
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
    const draws = Number(canvas?.dataset.frames ?? 0) - draws0;
    const steps = (window as any).__saddlepoint.results().map((r: { points: unknown[] }) => r.points.length);
    return { intervals, longTasks, steps, draws, ms: performance.now() - start };
  }, SECONDS);
  const sorted = [...m.intervals].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    layout,
    frames: m.intervals.length,
    fpsMean: Number((m.intervals.length / SECONDS).toFixed(1)),
    draws3dPerSecond: Number(((m.draws * 1000) / m.ms).toFixed(1)),
    frameMsMedian: Number(q(0.5).toFixed(2)),
    frameMsP95: Number(q(0.95).toFixed(2)),
    frameMsMax: Number(sorted[sorted.length - 1].toFixed(2)),
    longTasks: m.longTasks.length,
    longestTaskMs: Number(Math.max(0, ...m.longTasks).toFixed(1)),
    pointsPerRunAtEnd: m.steps,
  };
}

// Two ways to run Chromium without a GPU: WebGL in SwiftShader with the page also composited in
// SwiftShader (webglLaunch, what the e2e tests use), and WebGL in SwiftShader with Chromium's
// software compositor (--disable-gpu-compositing, as a browser without a usable GPU runs).
const COMPOSITING = {
  'SwiftShader WebGL, software compositor (--disable-gpu-compositing)': [...webglLaunch.args, '--disable-gpu-compositing'],
  'SwiftShader WebGL, page also composited in SwiftShader (webglLaunch)': webglLaunch.args,
};

test('3D view: 8 runs racing at 100 steps per frame', async () => {
  const runs = [];
  for (const [compositing, args] of Object.entries(COMPOSITING)) {
    const browser = await chromium.launch({ ...webglLaunch, args });
    const page = await browser.newPage({ baseURL: BASE_URL, viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
    runs.push({ compositing, views: [await measure(page, '2D'), await measure(page, '3D'), await measure(page, 'Both')] });
    await browser.close();
  }
  const result = {
    date: new Date().toISOString(),
    machine: '2-core CPU shared with other jobs (load average noted), no GPU, headless Chromium',
    loadAverage: loadavg().map((v) => Number(v.toFixed(1))),
    scenario: `8 runs on rastrigin, 100 steps per frame, ${SECONDS} s each; 2D only, then the 3D view at 600 x 600 CSS px alone, 490 x 490 beside the 2D plot (1400 x 900 window)`,
    goal: '>= 30 fps with the 3D view open; the 2D explorer unchanged with it closed',
    runs,
  };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync('bench/results/frame3d.json', JSON.stringify(result, null, 2) + '\n');
});
