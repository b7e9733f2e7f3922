// Issue 19: long second-order runs on networks show progress and can be cancelled. Newton on a
// 2-18-16-1 tanh network (375 weights, the dense-Hessian limit is 400) with 3,000 points takes
// seconds a step: the playback bar shows how far the step's Hessian is, Pause acts at once (the
// engine worker is terminated and a fresh one re-runs to the last shown step), and the run then
// goes on to the same numbers as the command line's, bit for bit; Reset during a step, and Step,
// work afterwards.
import { expect, test, type Page } from '@playwright/test';
import { OLD_DEFAULT, pointCount, results, runCli, watchConsole } from './helpers';

const MAX_STEPS = 6;
const LINK = `/#v=1&data=moons&samples=3000&noise=0.15&hidden=18;16&act=tanh&batch=0&r0=newton,lr:0.5,damping:0.1&steps=${MAX_STEPS}&tol=0&seed=1`;
const experiment = {
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 3000, noise: 0.15, hidden: [18, 16], activation: 'tanh', batchSize: 0 },
  runs: [{ optimizer: 'newton', params: { lr: 0.5, damping: 0.1 } }],
  stop: { maxSteps: MAX_STEPS, gradTol: 0 },
  seed: 1,
};

const pointsShown = async (page: Page) => (await results(page))[0]?.f.length ?? 0;
/** The Hessian's percentage the bar shows now, or null (no bar, or the update phase). */
async function percentShown(page: Page): Promise<number | null> {
  const [text] = await page.getByTestId('step-progress').allTextContents();
  const m = /(\d+) %/.exec(text ?? '');
  return m ? Number(m[1]) : null;
}

test('newton on a 375-weight network: in-step progress, a Pause that acts at once, the same numbers after', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  await page.goto(LINK);
  await expect(page.getByTestId('network-panel')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('playing', { timeout: 60_000 });

  // A step past the third point, its Hessian part way: the bar says which step and how far.
  const progress = page.getByTestId('step-progress');
  await expect.poll(async () => (await pointsShown(page)) >= 3 && (await progress.getAttribute('data-phase')) === 'hessian', { timeout: 90_000 }).toBe(true);
  await expect(progress).toContainText(/computing step \d+'s Hessian… \d+ %/);
  const fractions = new Set<string>();
  for (let i = 0; i < 20 && fractions.size < 2; i++) {
    fractions.add((await progress.textContent()) ?? '');
    await page.waitForTimeout(150);
  }
  expect(fractions.size).toBeGreaterThan(1); // it moves within the step
  await page.locator('.playback').screenshot({ path: 'test-results/netsSecondOrder-progress.png' });

  // Pause while the step is in flight: paused within a second, the shown points kept.
  await expect(progress).toHaveAttribute('data-phase', 'hessian');
  const shown = await pointsShown(page);
  const cancelledStep = Number(await progress.getAttribute('data-step'));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('status')).toHaveText('paused', { timeout: 2_000 });
  const pauseMs = Date.now() - t0;
  expect(pauseMs).toBeLessThan(1_000);
  console.log(`pause took ${pauseMs} ms during step ${cancelledStep}; ${shown} points shown`);
  await expect(progress).toContainText(/restoring after the cancel|cancelled/);
  await page.locator('.playback').screenshot({ path: 'test-results/netsSecondOrder-restoring.png' });
  // The fresh worker re-runs to the last shown step; then the bar says what was cancelled.
  await expect(progress).toHaveText(`step ${cancelledStep} cancelled; paused at step ${shown - 1}`, { timeout: 90_000 });
  expect(await pointsShown(page)).toBe(shown);
  await page.locator('.playback').screenshot({ path: 'test-results/netsSecondOrder-cancelled.png' });

  // Play on to the stop: every number equals an uninterrupted run's (the CLI's), bit for bit.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('status')).toHaveText('finished', { timeout: 120_000 });
  const [run] = await results(page);
  expect(run.f).toHaveLength(MAX_STEPS + 1);
  const [cli] = runCli(experiment);
  expect(run.f).toEqual(cli.f);
  expect(run.gradNorm).toEqual(cli.gradNorm);
  // The views the engine worker serves still answer after the restart.
  await expect.poll(async () => Number(await page.getByTestId('decision-boundary').getAttribute('data-step')), { timeout: 30_000 }).toBe(MAX_STEPS);
  await page.screenshot({ path: 'test-results/netsSecondOrder-finished.png' });

  // Reset while a step is in flight (x_0 waits for step 1: the engine computes one step ahead)
  // acts at once too: a fresh worker starts step 1 over (its Hessian back near 0 %).
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await percentShown(page)) ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await percentShown(page)) ?? 100, { timeout: 1_500 }).toBeLessThan(40);
  await page.locator('.playback').screenshot({ path: 'test-results/netsSecondOrder-reset.png' });
  await expect(page.getByTestId('status')).toHaveText('paused', { timeout: 1_500 });
  await expect.poll(() => pointsShown(page), { timeout: 60_000 }).toBe(1);
  console.log(`reset during step 1, then the first point: ${Date.now() - t1} ms`);
  // One more step by hand, with its progress and the Cancel step button shown meanwhile.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('button', { name: 'Cancel step' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => pointsShown(page), { timeout: 60_000 }).toBe(2);
  expect((await results(page))[0].f).toEqual(cli.f.slice(0, 2));

  // Leaving the network while a step is in flight: the surface's runs play at once.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(progress).toHaveAttribute('data-phase', 'hessian', { timeout: 30_000 });
  const t2 = Date.now();
  await page.evaluate((hash) => (window.location.hash = hash), OLD_DEFAULT.slice(1));
  await expect.poll(() => pointCount(page), { timeout: 3_000 }).toBeGreaterThan(10);
  console.log(`left the network during a step: the surface's points after ${Date.now() - t2} ms`);
  await expect(progress).toHaveCount(0);
  expect(errors).toEqual([]);
});
