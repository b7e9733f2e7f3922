// Offline: after one visit the service worker has precached the whole build (page, chunks,
// workers), so with the network gone the app reloads, a share link opens and runs, the 3D view
// (a lazy chunk) opens, and a basin map (the batch worker) computes.
import { expect, test } from '@playwright/test';
import { webglLaunch } from '../playwright.config';
import { results, watchConsole } from './helpers';

test.use({ launchOptions: webglLaunch, serviceWorkers: 'allow' });

const LINK =
  'v=1&surface=himmelblau&r0=adam,lr:0.05,start:-1;1&r1=sgd,lr:0.01,start:0.5;-3&steps=400&tol=0.0001&seed=0' +
  '&maps=16,0;32,0,steps;lr,0.0001,1,log;momentum,0.5,0.999,log1m';

test('works offline after one visit: reload, a share link, its runs, the 3D view and a basin map', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  // The worker installs (precaching everything), activates and takes the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await caches.open(k)).keys()))).flat().map((r) => r.url));
  expect(cached.some((u) => /engine\.worker-.*\.js$/.test(u)), 'the engine worker is precached').toBe(true);
  expect(cached.some((u) => /batch\.worker-.*\.js$/.test(u)), 'the batch worker is precached').toBe(true);
  expect(cached.some((u) => /View3d-.*\.js$/.test(u)), 'the 3D view chunk is precached').toBe(true);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Saddlepoint' })).toBeVisible();
  await expect.poll(async () => (await results(page)).length).toBeGreaterThan(0);

  // A share link, opened in a new tab: a whole page load, from the cache.
  const tab = await context.newPage();
  const errors = watchConsole(tab);
  await tab.goto(`/#${LINK}`);
  await expect.poll(async () => (await results(tab)).map((r) => r.stop?.kind ?? null), { timeout: 30_000 }).toStrictEqual(['minimum', 'minimum']);
  expect((await results(tab))[0].points[0]).toStrictEqual([-1, 1]);

  await tab.getByRole('button', { name: '3D', exact: true }).click();
  await expect(tab.getByTestId('view3d')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect.poll(async () => Number(await tab.getByTestId('view3d-canvas').getAttribute('data-frames'))).toBeGreaterThan(0);

  const map = tab.getByTestId('basin-map');
  await map.getByRole('button', { name: /^(Re)?[Cc]ompute the basin map$/ }).click();
  await expect(tab.getByTestId('basin-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(tab.getByTestId('basin-legend-item')).toHaveCount(4);
  expect(errors).toStrictEqual([]);
});
