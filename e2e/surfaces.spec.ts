import { expect, test } from '@playwright/test';
import { watchConsole, OLD_DEFAULT } from './helpers';

test('Himmelblau shows 4 minimum, 4 saddle and 1 maximum markers, with eigenvector arrows at the saddles', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(OLD_DEFAULT);
  await page.getByLabel('Surface').selectOption('himmelblau');
  await expect(page.getByTestId('critical-points')).toHaveAttribute('data-count', '9');
  await expect(page.getByTestId('cp-minimum')).toHaveCount(4);
  await expect(page.getByTestId('cp-saddle')).toHaveCount(4);
  await expect(page.getByTestId('cp-maximum')).toHaveCount(1);
  await expect(page.getByTestId('legend-minimum')).toHaveAttribute('data-count', '4');
  await expect(page.getByTestId('descent-arrow')).toHaveCount(4);
  await expect(page.getByTestId('ascent-arrow')).toHaveCount(4);
  // hovering a marker shows its kind and exact values
  await page.getByTestId('cp-maximum').hover({ force: true });
  await expect(page.getByTestId('readout')).toContainText('maximum at (-0.27');
  await page.screenshot({ path: 'test-results/himmelblau.png' });
  expect(errors).toEqual([]);
});

test('hovering the plot reads x, y, f, ||grad f|| and the eigenvalues under the pointer', async ({ page }) => {
  await page.goto(OLD_DEFAULT);
  await page.getByLabel('Surface').selectOption('doubleWell');
  const target = page.getByTestId('plot-click-target');
  const box = (await target.boundingBox())!;
  // (0.5, 0.5) in doubleWell's window [-2, 2]^2: f = 1/8 + (1/4 - 1)^2 / 4, lambda = 3/4 - 1 and 1
  await page.mouse.move(box.x + box.width * 0.625, box.y + box.height * 0.375);
  await expect(page.getByTestId('readout')).toContainText('f = 0.2656');
  await expect(page.getByTestId('readout')).toContainText('λ = -0.25, 1');
});

test('a custom expression gets its markers; a broken one shows where, and the last valid surface stays', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(OLD_DEFAULT);
  await page.getByLabel('Surface').selectOption('__custom__');
  const box = page.getByLabel('Custom expression');
  await box.fill('x^3 - 3*x + y^2');
  await box.press('Enter');
  await expect(page.getByTestId('cp-minimum')).toHaveCount(1);
  await expect(page.getByTestId('cp-saddle')).toHaveCount(1);
  await expect(page.locator('.surface-info code')).toHaveText('x^3 - 3*x + y^2');

  await box.fill('x^2 + sinn(y)');
  await expect(page.getByTestId('expr-error')).toContainText("unknown function 'sinn' at column 7");
  await box.press('Enter');
  await box.fill('x^2 + (y');
  await expect(page.getByTestId('expr-error')).toContainText("expected ')'");
  await box.press('Enter');
  // nothing broke: the last valid surface, its markers and its run are still there
  await expect(page.locator('.surface-info code')).toHaveText('x^3 - 3*x + y^2');
  await expect(page.getByTestId('cp-minimum')).toHaveCount(1);
  await expect(page.getByTestId('trajectory-0')).toBeVisible();
  expect(errors).toEqual([]);
});
