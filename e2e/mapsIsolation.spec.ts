// Two basin maps computing at once (issue 13): with "Compare with another run", pressing the
// right map's Compute and the left's within a moment (and the other way round) must give each
// map exactly what it gives computed alone: same basin of every start, same legend percentages,
// same pixels. On the fused WebGL path the two jobs once shared one context and corrupted each
// other; on the JS path the jobs must stay apart as well.
import { expect, type Page, test } from '@playwright/test';
import { webglLaunch } from '../playwright.config';
import { watchConsole } from './helpers';

/** Himmelblau; run 1 plain gradient descent (smooth basins), run 2 with momentum 0.9 (fractal). */
const LINK = '/#v=1&surface=himmelblau&r0=sgd,lr:0.01&r1=sgd,lr:0.01,momentum:0.9&steps=300&tol=0.0001&seed=0';
const MAPS = [0, 1] as const;

interface MapSnapshot {
  status: string;
  path: string | null;
  key: string | null;
  classOf: number[] | null;
  counts: number[] | null;
  steps: number[] | null;
}
type Hooks = { __saddlepoint: { maps(): Record<'basins' | 'compare', MapSnapshot>; forceMapPath(path: string | null): void } };

const slot = (k: number) => (k === 0 ? 'basins' : 'compare');

async function openComparison(page: Page, path: 'webgl' | 'js' | null): Promise<void> {
  await page.goto(LINK);
  await page.getByRole('button', { name: 'Compare with another run' }).click();
  await expect(page.getByTestId('basin-map')).toHaveCount(2);
  await page.getByLabel('Basin map resolution', { exact: true }).selectOption('64');
  await page.getByLabel('Compared basin map resolution').selectOption('64');
  await expect(page.getByLabel('Compared basin map run')).toHaveValue('1');
  if (path) await page.evaluate((p) => (window as unknown as Hooks).__saddlepoint.forceMapPath(p), path);
}

/** Presses the Compute buttons of `maps` one right after the other, in one task (well within 0.1 s). */
async function pressCompute(page: Page, maps: readonly number[]): Promise<void> {
  await page.evaluate((order) => {
    const statuses = document.querySelectorAll('[data-testid="basin-status"]');
    for (const k of order) (statuses[k].querySelector('.batch-progress button') as HTMLButtonElement).click();
  }, maps);
}

async function waitDone(page: Page, maps: readonly number[]): Promise<void> {
  for (const k of maps) await expect(page.getByTestId('basin-status').nth(k)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
}

/** Everything map k shows: the state's pixels, the legend's lines, a hash of the canvas. */
async function shown(page: Page, k: number) {
  const state = (await page.evaluate(() => (window as unknown as Hooks).__saddlepoint.maps()))[slot(k)];
  const legend = await page.getByTestId('basin-legend').nth(k).locator('li').allInnerTexts();
  const pixels = await page
    .getByTestId('basin-canvas')
    .nth(k)
    .evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let h = 2166136261;
      for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 16777619) >>> 0;
      return `${c.width}x${c.height}:${h}`;
    });
  return { state, legend, pixels };
}

async function checkIsolation(page: Page, path: 'webgl' | 'js'): Promise<void> {
  const errors = watchConsole(page);
  await openComparison(page, path);
  const alone = [];
  for (const k of MAPS) {
    await pressCompute(page, [k]);
    await waitDone(page, [k]);
    alone.push(await shown(page, k));
  }
  for (const a of alone) expect(a.state.path).toBe(path);
  // the two runs' maps differ (momentum makes the basins fractal), so a mix-up shows
  expect(alone[0].state.classOf).not.toEqual(alone[1].state.classOf);
  expect(alone[0].legend.some((line) => /%/.test(line))).toBe(true);

  for (const order of [[1, 0], [0, 1]]) {
    await pressCompute(page, order);
    await waitDone(page, MAPS);
    for (const k of MAPS) expect(await shown(page, k), `map ${k + 1} after pressing ${order.map((m) => m + 1).join(' then ')}`).toEqual(alone[k]);
    // hover still reads the map out
    await page.getByTestId('basin-canvas').nth(1).hover({ position: { x: 100, y: 120 } });
    await expect(page.getByTestId('basin-readout').nth(1).locator('[data-class]')).toHaveCount(1);
  }
  expect(errors).toEqual([]);
}

// WebGL2 through SwiftShader for the whole file (a launch option cannot differ per test here);
// each test forces its engine.
test.use({ launchOptions: webglLaunch });

test('on the JS engine: two basin maps pressed together each equal the map computed alone', async ({ page }) => {
  test.setTimeout(240_000);
  await checkIsolation(page, 'js');
});

test('on the fused WebGL engine: two basin maps pressed together each equal the map computed alone', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  const webgl = await page.evaluate(() => {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    return gl !== null && gl.getExtension('EXT_color_buffer_float') !== null;
  });
  test.skip(!webgl, 'no WebGL2 with float render targets in this browser');
  await checkIsolation(page, 'webgl');
});
