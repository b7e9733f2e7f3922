// The stop panel's second-order rule: switched on, gradient descent on the double well passes
// the saddle where ||grad f|| <= eps alone stops it, and the verdict states both tests; the link
// carries rho. Removing a run keeps the other run's stream (its link item `stream:`).
import { expect, test } from '@playwright/test';
import { currentExperiment, watchConsole } from './helpers';

test('the second-order rule from the stop panel', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#v=1&surface=doubleWell&r0=sgd,lr:0.5,start:1;9.5367431640625e-7&r1=noisySgd,lr:0.1,sigma:0.1,start:1;0&steps=200&tol=0.001&seed=0');
  const verdict = page.getByTestId('verdict-0');
  await expect(verdict).toContainText('||grad f|| <= 0.001 at step 10, at a saddle');
  await page.getByLabel('second-order stopping rule').check();
  await expect(verdict).toContainText('lambda_min = 1 >= -sqrt(rho eps) = -0.03162 (rho = 1): holds at step 37: an (eps, sqrt(rho eps))-second-order stationary point, at a minimum');
  await expect(page.getByLabel('Hessian Lipschitz constant rho')).toHaveValue('1');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('&rho=1&');
  await page.locator('.stop-panel').screenshot({ path: 'test-results/second-order-stop-panel.png' });
  await page.locator('.run-summary').screenshot({ path: 'test-results/second-order-verdicts.png' });

  await page.getByLabel('Remove Run 1', { exact: true }).click();
  await expect.poll(async () => ((await currentExperiment(page)) as { runs: { optimizer: string; stream?: number }[] }).runs).toEqual([
    expect.objectContaining({ optimizer: 'noisySgd', stream: 1 }),
  ]);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('stream:1');
  expect(errors).toEqual([]);
});
