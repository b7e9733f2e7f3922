// The line-search methods in the explorer: a link with L-BFGS, BFGS and CG races them against
// gradient descent with the charts over evaluations (`xaxis=evals`); the toggle switches to steps
// and the link follows; a choice parameter shows as a select with the link's option.
import { expect, test } from '@playwright/test';

test('line searches raced on the evaluations axis, and the axis in the link', async ({ page }) => {
  await page.goto('/#v=1&surface=rosenbrock&r0=sgd,lr:0.001,start:-1.5;1.5&r1=lbfgs,lineSearch:strongWolfe,start:-1.5;1.5&r2=bfgs,start:-1.5;1.5&r3=cg,start:-1.5;1.5&steps=300&tol=0.000001&seed=0&xaxis=evals');
  const axis = page.getByTestId('chart-x-axis');
  await expect(axis.getByRole('radio', { name: 'evaluations' })).toBeChecked();
  await expect(page.getByTestId('grad-chart-series-2')).toBeVisible();
  await expect(page.getByTestId('grad-chart')).toContainText('over evaluations');
  await expect(page.locator('select[aria-label$="lineSearch"]').first()).toHaveValue('strongWolfe');
  await axis.getByRole('radio', { name: 'steps' }).check();
  await expect(page.getByTestId('grad-chart')).not.toContainText('over evaluations');
  await expect.poll(() => page.url()).not.toContain('xaxis=');
  await axis.getByRole('radio', { name: 'evaluations' }).check();
  await expect.poll(() => page.url()).toContain('xaxis=evals');
});
