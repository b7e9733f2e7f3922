import { expect, test, type Page } from '@playwright/test';
import { results, watchConsole, OLD_DEFAULT } from './helpers';

async function setNumber(page: Page, label: string, value: string) {
  const box = page.getByRole('textbox', { name: label, exact: true });
  await box.fill(value);
  await box.press('Enter');
}

test('race sgd, pgd and noisySgd on doubleWell: gradient descent stops at the saddle, the others at a minimum', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(OLD_DEFAULT);
  await page.getByLabel('Surface').selectOption('doubleWell');
  await expect(page.locator('.surface-info code')).toHaveText('x^2/2 + (y^2 - 1)^2/4');
  await page.getByLabel('Steps per frame').selectOption('1000');
  await setNumber(page, 'Run 1 lr', '0.1');
  await page.getByRole('button', { name: 'Add run' }).click();
  await page.getByLabel('Run 2 optimizer').selectOption('pgd');
  await page.getByRole('button', { name: 'Add run' }).click();
  await page.getByLabel('Run 3 optimizer').selectOption('noisySgd');
  await expect(page.getByLabel('Run 3 start x')).toHaveValue('1.5');

  for (const i of [0, 1, 2]) await expect(page.getByTestId(`verdict-${i}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('verdict-0')).toContainText('at a saddle');
  await expect(page.getByTestId('verdict-0')).toContainText('||grad f|| <= 1e-4 at step');
  await expect(page.getByTestId('verdict-1')).toContainText('at a minimum');
  await expect(page.getByTestId('verdict-2')).toContainText('at a minimum');
  await expect(page.getByTestId('end-0')).toHaveAttribute('data-kind', 'saddle');
  await expect(page.getByTestId('end-1')).toHaveAttribute('data-kind', 'minimum');
  await expect(page.getByTestId('end-2')).toHaveAttribute('data-kind', 'minimum');
  // pgd's perturbations are marked on its path
  expect(await page.getByTestId('perturbation-1').count()).toBeGreaterThan(0);
  // the eps line and each run's crossing of it are on the gradient-norm chart
  await expect(page.getByTestId('grad-chart-eps')).toBeVisible();
  for (const i of [0, 1, 2]) await expect(page.getByTestId(`grad-chart-crossing-${i}`)).toBeVisible();
  const runs = await results(page);
  expect(runs[0].points.every(([, y]) => y === 0)).toBe(true);

  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await page.screenshot({ path: 'test-results/explorer-dark.png', fullPage: true });
  await page.getByRole('button', { name: /Switch to light theme/ }).click();
  await page.screenshot({ path: 'test-results/explorer-light.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('hovering a chart highlights the step on the path; the scrubber and keyboard drive playback', async ({ page }) => {
  await page.goto(OLD_DEFAULT);
  await expect.poll(async () => (await results(page))[0]?.points.length ?? 0).toBeGreaterThan(50);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('status')).toHaveText('paused');
  const n = (await results(page))[0].points.length;
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await results(page))[0].points.length).toBe(n + 1);
  const chart = page.getByTestId('grad-chart').locator('rect').last();
  const box = (await chart.boundingBox())!;
  await chart.hover({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(page.getByTestId('hover-0')).toBeVisible();
  await page.getByLabel('Scrub steps').fill('10');
  await expect(page.getByText(/^step 10 \//)).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('status')).toHaveText('paused');
});

test('a learning rate of 1e6 diverges with a message, and the page keeps working', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(OLD_DEFAULT);
  await setNumber(page, 'Run 1 lr', '1e6');
  await expect(page.getByTestId('verdict-0')).toContainText('diverged at step 1');
  await expect(page.getByTestId('verdict-0')).toContainText('2 / lambda_max');
  await expect(page.getByTestId('end-0')).toHaveAttribute('data-kind', 'diverged');
  const pts = (await results(page))[0].points.flat();
  expect(pts.every(Number.isFinite)).toBe(true);
  // an out-of-range value is refused inline and the last valid value stays in force
  await setNumber(page, 'Run 1 lr', '1e9');
  await expect(page.getByText('must be at most 1e+6')).toBeVisible();
  await setNumber(page, 'Run 1 lr', '0.001');
  await expect.poll(async () => (await results(page))[0].points.length).toBeGreaterThan(20);
  expect(errors).toEqual([]);
});

test('zoom and pan recompute the contours; reset view restores the window', async ({ page }) => {
  await page.goto(OLD_DEFAULT);
  const target = page.getByTestId('plot-click-target');
  await expect(page.getByTestId('contours')).toBeVisible();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeEnabled();
  const zoomed = await page.evaluate(() => (window as any).__saddlepoint.experiment().view);
  expect(zoomed.x[1] - zoomed.x[0]).toBeLessThan(4);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeDisabled();
});
