// A tablet (1024 x 768, touch): tap sets run 1's start, one finger pans, two fingers pinch to
// zoom, on the 2D plot and on the 3D view; every control is large enough for a finger; and
// presentation mode folds the panels away and enlarges type.
import { expect, test, type Page } from '@playwright/test';
import { webglLaunch } from '../playwright.config';
import { currentExperiment, watchConsole } from './helpers';

test.use({ launchOptions: webglLaunch, viewport: { width: 1024, height: 768 }, hasTouch: true });

const LINK = 'v=1&surface=doubleWell&r0=sgd,lr:0.05,start:-1.5;0.5&steps=300&tol=0.0001&seed=0';

type Point = { x: number; y: number };

/** Fingers down at `from`, moved in `steps` to `to`, lifted (Chromium's touch input, as a tablet sends it). */
async function touchGesture(page: Page, from: Point[], to: Point[], steps = 8): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) => from.map((p, i) => ({ x: p.x + (to[i].x - p.x) * t, y: p.y + (to[i].y - p.y) * t, id: i }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let k = 1; k <= steps; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** A point of an element, as fractions of its box (the centre by default). */
async function pointOf(page: Page, testId: string, fx = 0.5, fy = 0.5): Promise<Point> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

type View = { x: [number, number]; y: [number, number] };
const view = async (page: Page) => ((await currentExperiment(page)) as { view?: View }).view;
const camera = async (page: Page) => (await page.evaluate(() => location.hash)).match(/view3d=([^&]*)/)?.[1].split(',') ?? null;

test('2D plot: tap sets the start, a finger pans, a pinch zooms', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(`/#${LINK}`);
  await expect(page.getByLabel('Run 1 start x')).toHaveValue('-1.5');
  const target = page.getByTestId('plot-click-target');
  const box = (await target.boundingBox())!;
  // The plot's window is [-2, 2]^2: a tap a quarter in from the left, at mid-height, is (-1, 0).
  await target.tap({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
  await expect.poll(async () => Number(await page.getByLabel('Run 1 start x').inputValue())).toBeCloseTo(-1, 1);
  expect(await view(page)).toBeUndefined();

  // Away from the critical points' markers (the saddle is at the centre), which take their own pointer events.
  const c = await pointOf(page, 'plot-click-target', 0.3, 0.7);
  await touchGesture(page, [c], [{ x: c.x + 100, y: c.y }]);
  await expect.poll(async () => (await view(page))?.x[0] ?? null).toBeLessThan(-2.3); // dragged right: the window moves left
  const panned = (await view(page))!;
  expect(panned.x[1] - panned.x[0]).toBeCloseTo(4, 4); // the view is kept to 6 significant digits (viewMath.roundView)
  // The start did not move: a drag is not a tap.
  expect(Number(await page.getByLabel('Run 1 start x').inputValue())).toBeCloseTo(-1, 1);

  await touchGesture(page, [{ x: c.x - 30, y: c.y }, { x: c.x + 30, y: c.y }], [{ x: c.x - 120, y: c.y }, { x: c.x + 120, y: c.y }]);
  await expect.poll(async () => { const v = (await view(page))!; return v.x[1] - v.x[0]; }).toBeLessThan(2);
  expect(Number(await page.getByLabel('Run 1 start x').inputValue())).toBeCloseTo(-1, 1);
  expect(errors).toStrictEqual([]);
});

test('3D view: tap sets the start, a finger pans, a pinch zooms (the camera travels in the link)', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(`/#${LINK}&view3d=3d,linear,-60,32,4.2,0,0,0.25`);
  await expect(page.getByTestId('view3d')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const c = await pointOf(page, 'view3d-canvas');
  // The canvas centre looks at the target (0, 0, 0.25): just above the double well's saddle, so a tap there lands near (0, 0).
  await page.getByTestId('view3d-canvas').tap();
  await expect.poll(async () => Math.abs(Number(await page.getByLabel('Run 1 start x').inputValue()))).toBeLessThan(0.4);

  await touchGesture(page, [{ x: c.x - 30, y: c.y }, { x: c.x + 30, y: c.y }], [{ x: c.x - 130, y: c.y }, { x: c.x + 130, y: c.y }]);
  await expect.poll(async () => Number((await camera(page))?.[4] ?? 4.2)).toBeLessThan(3.5);
  const zoomed = (await camera(page))!;
  expect(zoomed[0]).toBe('3d');

  await touchGesture(page, [c], [{ x: c.x - 120, y: c.y + 40 }]);
  await expect.poll(async () => (await camera(page))!.slice(5).join(',')).not.toBe(zoomed.slice(5).join(','));
  expect(errors).toStrictEqual([]);
});

test('controls are finger-sized at 1024 x 768, and presentation mode folds the panels away', async ({ page }) => {
  await page.goto(`/#${LINK}&view3d=both,linear,-60,32,4.2,0,0,0.25`);
  await expect(page.getByTestId('view3d')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input')]
      .filter((el) => el.offsetParent !== null && (el as HTMLInputElement).type !== 'file')
      .map((el) => {
        const r = el.getBoundingClientRect();
        const checkbox = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
        return { name, w: r.width, h: r.height, ok: checkbox ? r.width >= 24 && r.height >= 24 : r.height >= 44 && r.width >= 44 };
      })
      .filter((c) => !c.ok),
  );
  expect(small).toStrictEqual([]);

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('heading', { name: 'Stopping rule' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: 'test-results/touch-presentation.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Stopping rule' })).toBeVisible();
});
