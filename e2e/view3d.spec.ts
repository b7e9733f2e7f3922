// The 3D view: linked with the 2D plot (the hovered step shows in both), the camera travels in
// the link and comes back with it, the view exports as PNG; and the README's pictures of it.
import { expect, test, type Page } from '@playwright/test';
import { webglLaunch } from '../playwright.config';
import { watchConsole } from './helpers';

test.use({ launchOptions: webglLaunch, viewport: { width: 1400, height: 900 } });

const RUNS = 'v=1&surface=doubleWell&r0=sgd,lr:0.05,start:-1.8;0&r1=pgd,lr:0.05,start:1.5;0.02&r2=adam,lr:0.05,start:1.5;1.8&steps=2000&tol=0.0001&seed=0';
const CAMERA = '-60,32,4.2,0,0,0.25';

const camera = async (page: Page) => (await page.evaluate(() => location.hash)).match(/view3d=([^&]*)/)?.[1] ?? null;

async function open(page: Page, hash: string) {
  await page.goto(`/#${hash}`);
  await expect(page.getByTestId('view3d')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('status')).toHaveText('finished', { timeout: 30_000 });
}

test('hovering a path in the 2D plot marks the step in 3D, and hovering the 3D surface marks it in 2D', async ({ page }) => {
  const errors = watchConsole(page);
  await open(page, `${RUNS}&view3d=both,linear,${CAMERA}`);
  // 2D -> 3D: the 3D view redraws with the hovered step.
  const target = page.getByTestId('plot-click-target');
  const box = (await target.boundingBox())!;
  const frames = async () => Number(await page.getByTestId('view3d-canvas').getAttribute('data-frames'));
  const before = await frames();
  // SGD's path runs along y = 0 from x = -1.8 to the saddle: (-1, 0) is on it.
  await target.hover({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
  await expect(page.getByTestId('hover-0')).toBeVisible();
  await expect.poll(frames).toBeGreaterThan(before);

  // 3D -> 2D: sweep the pointer over the 3D view until it is over a path; the 2D plot marks that step.
  await page.mouse.move(10, 10);
  await expect(page.getByTestId('hover-0')).toHaveCount(0);
  const canvas = (await page.getByTestId('view3d-canvas').boundingBox())!;
  let found = false;
  for (let fy = 0.3; fy <= 0.8 && !found; fy += 0.025) {
    for (let fx = 0.2; fx <= 0.8 && !found; fx += 0.025) {
      await page.mouse.move(canvas.x + fx * canvas.width, canvas.y + fy * canvas.height);
      found = (await page.locator('[data-testid^=hover-]').count()) > 0;
    }
  }
  expect(found, 'some point of the 3D view lies on a path').toBe(true);
  await expect(page.getByTestId('readout')).not.toBeEmpty();
  expect(errors).toStrictEqual([]);
});

test('the layout and the camera travel in the link; reset camera; PNG export', async ({ page }) => {
  const errors = watchConsole(page);
  await open(page, `${RUNS}&view3d=3d,log,${CAMERA}`);
  await expect(page.getByRole('button', { name: '3D', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('checkbox', { name: 'Log heights' })).toBeChecked();
  await expect(page.getByTestId('plot')).toHaveCount(0);
  // Orbit with the mouse: the link's camera follows once it rests.
  const c = (await page.getByTestId('view3d-canvas').boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  await page.mouse.move(c.x + c.width / 2 + 120, c.y + c.height / 2 + 30, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => camera(page)).not.toBe(`3d,log,${CAMERA}`);
  const moved = (await camera(page))!;
  // Keys: + zooms in.
  await page.getByTestId('view3d-canvas').focus();
  await page.keyboard.press('+');
  await expect.poll(async () => Number((await camera(page))!.split(',')[4])).toBeLessThan(Number(moved.split(',')[4]));
  const shared = await page.evaluate(() => location.href);

  // The same link in a new page: the same view.
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByTestId('view3d')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  expect(await camera(other)).toBe(await camera(page));
  await other.close();

  await page.getByRole('button', { name: 'Reset camera' }).click();
  await expect.poll(() => camera(page)).toBe(`3d,log,${CAMERA}`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PNG', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('surface-3d.png');
  const bytes = await (await file.createReadStream()).toArray();
  const png = Buffer.concat(bytes);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(600); // width
  expect(errors).toStrictEqual([]);
});

const NETWORK = 'v=1&data=moons&samples=200&noise=0.15&hidden=8;8&act=tanh&batch=0&r0=adam,lr:0.02&r1=sgd,lr:0.5&steps=300&tol=0.0001&seed=1';

/** A network trained to its last step with its loss slice computed, 2D and 3D side by side. */
async function openSlice(page: Page) {
  await page.goto(`/#${NETWORK}&view3d=both,linear,-55,35,4.2,0,0,0.3`);
  for (const i of [0, 1]) await expect(page.getByTestId(`net-verdict-${i}`)).toHaveAttribute('data-reason', 'maxSteps', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Compute slice' }).click();
  await expect(page.getByTestId('landscape')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('slice3d')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

test("a network's loss slice in 3D: the 2D slice's grid as heights, both runs' projected paths on it; 2D / 3D / Both", async ({ page }) => {
  const errors = watchConsole(page);
  await openSlice(page);
  const canvas = page.getByTestId('slice3d-canvas');
  // The 2D slice's own grid (the panel's default, 51 x 51), sample for sample.
  await expect(canvas).toHaveAttribute('data-field-n', '51');
  // Both runs' paths drawn (each at least one segment).
  await expect.poll(async () => Number(await canvas.getAttribute('data-segments'))).toBeGreaterThanOrEqual(2);
  const views = page.getByRole('group', { name: 'Slice views' });
  await views.getByRole('button', { name: '3D', exact: true }).click();
  await expect(page.getByTestId('landscape')).toHaveCount(0);
  await expect(canvas).toBeVisible();
  await expect.poll(() => camera(page)).toMatch(/^3d,/); // the layout travels in the link
  // A new slice (a coarser grid) replaces the surface in the same 3D view.
  const fields = Number(await canvas.getAttribute('data-fields'));
  await page.getByRole('combobox', { name: 'slice grid' }).selectOption('21');
  await page.getByRole('button', { name: 'Compute slice' }).click();
  await expect.poll(async () => Number(await canvas.getAttribute('data-fields')), { timeout: 30_000 }).toBeGreaterThan(fields);
  await expect(canvas).toHaveAttribute('data-field-n', '21');
  await views.getByRole('button', { name: '2D', exact: true }).click();
  await expect(page.getByTestId('slice3d')).toHaveCount(0);
  await expect(page.getByTestId('landscape')).toBeVisible();
  expect(errors).toStrictEqual([]);
});

const PLANE = 'v=1&fn=strictSaddle&dim=10&fp=k:2&r0=sgd,lr:0.05&r1=pgd,lr:0.05,tThreshold:1000&steps=3000&tol=0.000001&seed=0';

test("a d-dimensional function's plane in 3D: the 2D contours' samples, following the plane", async ({ page }) => {
  const errors = watchConsole(page);
  await open(page, `${PLANE}&view3d=both,linear,${CAMERA}`);
  const canvas = page.getByTestId('view3d-canvas');
  // The 2D contours sample 160 a side; the 3D view takes every third sample (both edges kept).
  await expect(canvas).toHaveAttribute('data-field-n', '54');
  await expect.poll(async () => Number(await canvas.getAttribute('data-segments'))).toBeGreaterThanOrEqual(2);
  // Another plane (x1 and x2): the 3D surface is redrawn from the new contours.
  const fields = Number(await canvas.getAttribute('data-fields'));
  const vertical = page.getByRole('textbox', { name: 'Vertical coordinate', exact: true });
  await vertical.fill('2');
  await vertical.press('Enter');
  await expect.poll(async () => Number(await canvas.getAttribute('data-fields')), { timeout: 30_000 }).toBeGreaterThan(fields);
  await expect(page.getByTestId('error')).toHaveCount(0);
  expect(errors).toStrictEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the network's loss slice in 2D and 3D (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openSlice(page);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600); // the full-resolution redraw once the view rests
    await page.locator('.slice-views').screenshot({ path: `docs/3d-network-${theme}.png` });
  });
  test(`screenshot of a function's plane in 3D (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await open(page, `${PLANE}&view3d=both,linear,-50,30,4.2,0,0,0.25`);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600);
    await page.locator('.plot-area').screenshot({ path: `docs/3d-plane-${theme}.png` });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the 3D view beside the 2D plot (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await open(page, `${RUNS}&view3d=both,linear,-50,30,4.2,0,0,0.25`);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600); // the full-resolution redraw once the view rests
    await page.locator('.plot-area').screenshot({ path: `docs/3d-${theme}.png` });
  });
}
