// A function in d dimensions in the explorer: the path projected on a plane of two coordinates
// with the contours of f on that plane, the charts, and the verdict with the spectrum's words.
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';

const LINK = '/#v=1&fn=strictSaddle&dim=10&fp=k:2&r0=sgd,lr:0.05&r1=pgd,lr:0.05,tThreshold:1000&steps=3000&tol=0.000001&seed=0';

test('strictSaddle in d = 10: GD stops at the index-2 saddle, PGD at a minimum; the plane can change', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(LINK);
  for (const i of [0, 1]) await expect(page.getByTestId(`verdict-${i}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('verdict-0')).toContainText('index 2 (all eigenvalues of the dense Hessian): a saddle');
  await expect(page.getByTestId('verdict-1')).toContainText('index 0 (all eigenvalues of the dense Hessian): a minimum');
  await expect(page.getByTestId('function-editor')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Surface' })).toHaveValue('__function__');
  await expect(page.getByTestId('trajectory-0')).toBeVisible();
  await page.screenshot({ path: 'test-results/dims-plane-1-3.png' });
  // the plane of x1 and x2: both unstable coordinates
  const vertical = page.getByRole('textbox', { name: 'Vertical coordinate', exact: true });
  await vertical.fill('2');
  await vertical.press('Enter');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/dims-plane-1-2.png' });
  expect(errors).toEqual([]);
});

test('the picker offers a function in d dimensions; a relation the function refuses shows its line', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Surface' }).selectOption('__function__');
  for (const i of [0, 1]) await expect(page.getByTestId(`verdict-${i}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('verdict-0')).toContainText('a saddle');
  await expect(page.getByTestId('plane-legend')).toContainText('x = x1, y = x3');
  const k = page.getByRole('textbox', { name: 'negative directions k', exact: true });
  await k.fill('20');
  await k.press('Enter');
  await expect(page.getByText('strictSaddle: k must be at most the dimension 10, got 20')).toBeVisible();
  expect(errors).toEqual([]);
});
