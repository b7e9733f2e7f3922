import { expect, test } from '@playwright/test';
import { currentExperiment, pointCount, results, runCli, waitForPoints, watchConsole, OLD_DEFAULT } from './helpers';

test('the page draws contours and a streamed trajectory with no console error', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(OLD_DEFAULT);
  const contours = page.getByTestId('contours');
  await expect(contours).toBeVisible();
  expect(Number(await contours.getAttribute('data-levels'))).toBeGreaterThan(10);
  await waitForPoints(page, 20);
  await expect(page.getByTestId('trajectory-0').locator('path')).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+L/);
  await page.screenshot({ path: 'e2e/artifacts/foundation.png' });
  expect(errors).toEqual([]);
});

test('clicking the plot moves the start point and restarts', async ({ page }) => {
  await page.goto(OLD_DEFAULT);
  await waitForPoints(page, 5);
  const target = page.getByTestId('plot-click-target');
  const box = (await target.boundingBox())!;
  // Rosenbrock's default view is x in [-2, 2], y in [-1, 3]: the centre is (0, 1).
  await target.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect.poll(async () => (await results(page))[0]?.points[0]).toEqual([expect.closeTo(0, 1), expect.closeTo(1, 1)]);
  const first = (await results(page))[0].points[0];
  expect(Math.abs(first[0] - 0)).toBeLessThan(0.05);
  expect(Math.abs(first[1] - 1)).toBeLessThan(0.05);
  await waitForPoints(page, 5);
});

test('pause stops the stream and step advances it by one', async ({ page }) => {
  await page.goto(OLD_DEFAULT);
  await waitForPoints(page, 10);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('status')).toHaveText('paused');
  const paused = await pointCount(page);
  await page.waitForTimeout(600);
  expect(await pointCount(page)).toBe(paused);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => pointCount(page)).toBe(paused + 1);
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForPoints(page, paused + 20);
});

test("the worker's first 50 points equal the CLI's output for the same experiment", async ({ page }) => {
  await page.goto(OLD_DEFAULT);
  await waitForPoints(page, 50);
  const experiment = await currentExperiment(page);
  const browser = (await results(page))[0];
  const cli = runCli(experiment)[0];
  expect(browser.points.slice(0, 50)).toEqual(cli.points.slice(0, 50));
  expect(browser.f.slice(0, 50)).toEqual(cli.f.slice(0, 50));
  expect(browser.gradNorm.slice(0, 50)).toEqual(cli.gradNorm.slice(0, 50));
});
