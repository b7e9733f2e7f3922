// The PCA plane of a large problem never blocks the page: a 20,000-step run in d = 1000 drawn on
// its path's principal components (computed again each time the path grows by a quarter, about
// 40 times in the run) while the page's longest task is recorded (PerformanceObserver
// 'longtask': every task of the main thread over 50 ms). The PCA (up to ~0.3 s here) and the
// re-projection of the path (2 d numbers a point) are the engine worker's (src/workers/keptPaths.ts).
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';

const HASH = 'v=1&fn=rosenbrock&dim=1000&r0=sgd,lr:0.0002&steps=20000&tol=0&seed=0' + (process.env.PLANE ?? '&plane=pca');

type LongTasks = { __longTasks: { start: number; duration: number }[] };

test('a 20,000-step run in d = 1000 on the PCA plane: the main thread is never blocked long', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  await page.addInitScript(() => {
    const w = window as unknown as LongTasks;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`/#${HASH}`);
  await page.getByRole('combobox', { name: 'Steps per frame' }).selectOption('1000');
  const runStart = await page.evaluate(() => performance.now());
  // Waiting in the page with a plain query: Playwright's own checks (visibility, ARIA) run on the
  // page's main thread too, and over this large DOM take 100-200 ms a task themselves.
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict-0"]') !== null, null, { timeout: 200_000, polling: 500 });
  if (!process.env.PLANE) await expect(page.getByTestId('x-title')).toHaveText(/^PC1 \(/);
  await page.waitForTimeout(2000); // the last plane's PCA and contours
  const tasks = await page.evaluate((t0) => (window as unknown as LongTasks).__longTasks.filter((t) => t.start >= t0), runStart);
  const durations = tasks.map((t) => Math.round(t.duration)).sort((a, b) => b - a);
  const plane = await page.getByTestId('plane-legend').textContent();
  console.log(`long tasks during the run: ${durations.length}, longest ${durations.slice(0, 8).join(', ')} ms; ${plane}`);
  await page.screenshot({ path: 'test-results/dims-plane-d1000.png' });
  // With the PCA on the page the longest tasks were 0.5-1 s (this spec on a loaded 2-core machine,
  // before the change); the page's own work now (a chunk's copy and projection, a frame's render)
  // stays well under the bound.
  expect(durations[0] ?? 0).toBeLessThan(Number(process.env.PCA_LONGEST_MS ?? 250));

  // Another plane: the old plane's contours are faded until the new plane's arrive, never drawn as the new one's.
  const contours = page.getByTestId('contours');
  if (!process.env.PLANE) {
    await page.evaluate(() => {
      const w = window as unknown as { __staleSeen: string[] };
      w.__staleSeen = [];
      const canvas = document.querySelector('[data-testid="contours"]')!;
      new MutationObserver(() => w.__staleSeen.push(canvas.getAttribute('data-stale') ?? '')).observe(canvas, { attributes: true, attributeFilter: ['data-stale'] });
    });
    const staleSeen = () => page.evaluate(() => (window as unknown as { __staleSeen: string[] }).__staleSeen.join(','));
    await page.getByRole('combobox', { name: 'Plane', exact: true }).selectOption('coordinates');
    await expect(page.getByTestId('x-title')).toHaveText('x1');
    await expect(contours).toHaveAttribute('data-stale', 'false');
    expect(await staleSeen()).toBe('true,false');
    await page.getByRole('combobox', { name: 'Plane', exact: true }).selectOption('pca');
    await expect(page.getByTestId('x-title')).toHaveText(/^PC1 \(/);
    await page.screenshot({ path: 'test-results/dims-plane-d1000-switching.png' });
    await expect(contours).toHaveAttribute('data-stale', 'false');
    expect(await staleSeen()).toBe('true,false,true,false');
    await page.screenshot({ path: 'test-results/dims-plane-d1000-back.png' });
  }
  expect(errors).toEqual([]);
});
