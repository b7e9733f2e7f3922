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

test('an evaluation budget typed in the stop panel stops the runs with maxEvals and goes into the link', async ({ page }) => {
  await page.goto('/#v=1&surface=rosenbrock&r0=lbfgs,lineSearch:strongWolfe,start:-1.5;1.5&steps=300&tol=0.000001&seed=0');
  await expect(page.getByTestId('verdict-0')).toContainText('at a minimum', { timeout: 30_000 });
  const field = page.getByRole('textbox', { name: 'maximum evaluations' });
  await expect(field).toHaveValue(''); // empty: no limit
  // A bad value: one message, and the experiment keeps the last valid one.
  await field.fill('2.5');
  await field.press('Enter');
  await expect(page.locator('.stop-panel .field-error')).toHaveText('must be a whole number');
  expect(page.url()).not.toContain('evals=');
  await field.fill('12');
  await field.press('Enter');
  await expect.poll(() => page.url()).toContain('evals=12');
  await expect(page.getByTestId('verdict-0')).toContainText('the evaluation budget (maxEvals) was spent', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/stop-panel-max-evals.png' });
  // Emptied: no limit again.
  await field.fill('');
  await field.press('Enter');
  await expect.poll(() => page.url()).not.toContain('evals=');
  await expect(page.getByTestId('verdict-0')).toContainText('at a minimum', { timeout: 30_000 });
});
